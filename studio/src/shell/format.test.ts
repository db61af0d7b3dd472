import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatMoney,
  formatMoneyList,
  formatPercent,
  minorToInput,
  parseMoney,
} from './format.ts';

describe('money', () => {
  it('formats minor units by the currency’s digits', () => {
    expect(formatMoney(123450, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoneyList([])).toBe('—');
    expect(
      formatMoneyList([
        { amount: 100, currency: 'EUR' },
        { amount: 250, currency: 'GBP' },
      ]),
    ).toBe('€1.00 + £2.50');
  });
  it('parses typed prices into minor units and refuses what is not a price', () => {
    expect(parseMoney('12.5', 'EUR')).toBe(1250);
    expect(parseMoney('12,05', 'EUR')).toBe(1205);
    expect(parseMoney(' 40 ', 'EUR')).toBe(4000);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(parseMoney('15.5', 'JPY')).toBeNull();
    expect(parseMoney('1.234', 'EUR')).toBeNull();
    expect(parseMoney('-3', 'EUR')).toBeNull();
    expect(parseMoney('', 'EUR')).toBeNull();
    expect(minorToInput(1205, 'EUR')).toBe('12.05');
  });
});

describe('plain numbers', () => {
  it('rounds percentages and never shows 0% for a start', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0.426)).toBe('43%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });
  it('says how long ago in words', () => {
    expect(formatAgo(1000, 5000)).toBe('just now');
    expect(formatAgo(0, 42_000)).toBe('42 s ago');
    expect(formatAgo(0, 3 * 60_000)).toBe('3 min ago');
    expect(formatAgo(0, 7_300_000)).toBe('2 h ago');
  });
});
