import { describe, expect, it } from 'vitest';
import { formatPrice, priceTable, sumPrices } from './price.ts';

const prices = [
  { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
  { category: 'A', priceType: 'full', amount: 4500, currency: 'EUR' },
  { category: 'B', priceType: 'reduced', amount: 1500, currency: 'EUR' },
];

describe('formatPrice', () => {
  it('formats minor units with the currency’s decimals and ISO code', () => {
    expect(formatPrice(4500, 'EUR')).toBe('45.00 EUR');
    expect(formatPrice(123456, 'USD')).toBe('1,234.56 USD');
    expect(formatPrice(1200, 'JPY')).toBe('1,200 JPY');
    expect(formatPrice(4500, 'EUR', 'de')).toBe('45,00 EUR');
  });

  it('still formats a currency code Intl does not know', () => {
    expect(formatPrice(4500, 'XYZ')).toBe('45.00 XYZ');
  });
});

describe('priceTable', () => {
  it('picks the requested price type per category', () => {
    expect(priceTable(prices, 'full').get('A')?.amount).toBe(4500);
    expect(priceTable(prices, 'reduced').get('A')?.amount).toBe(2500);
  });

  it('falls back to a category’s first price when it lacks the type', () => {
    expect(priceTable(prices, 'full').get('B')?.amount).toBe(1500);
    expect(priceTable(prices, 'full').has('C')).toBe(false);
  });
});

describe('sumPrices', () => {
  it('sums per currency and ignores unpriced seats', () => {
    const usd = { category: 'A', priceType: 'full', amount: 1000, currency: 'USD' };
    expect(sumPrices([prices[1]!, null, prices[0]!, usd])).toEqual([
      { amount: 7000, currency: 'EUR' },
      { amount: 1000, currency: 'USD' },
    ]);
    expect(sumPrices([])).toEqual([]);
  });
});
