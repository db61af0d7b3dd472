import { describe, expect, it } from 'vitest';
import { groupingTitle, keyText, totalsOf } from './report-table.ts';

describe('report tables', () => {
  it('titles every grouping, also ones the studio does not know yet', () => {
    expect(groupingTitle('status')).toBe('By status');
    expect(groupingTitle('price_type')).toBe('By price type');
    expect(groupingTitle('salesChannel')).toBe('By sales channel');
  });
  it('says what a key means in words', () => {
    const names = new Map([['A', 'Front']]);
    expect(keyText('status', 'booked', names)).toBe('Sold');
    expect(keyText('category', 'A', names)).toBe('Front');
    expect(keyText('category', null, names)).toBe('No category');
    expect(keyText('channel', null, names)).toBe('Direct (no channel)');
  });
  it('totals rows per currency', () => {
    expect(
      totalsOf([
        { key: 'A', currency: 'EUR', bookings: 2, count: 3, revenue: 9000 },
        { key: 'B', currency: 'EUR', bookings: 1, count: 1, revenue: 3000 },
        { key: 'B', currency: 'GBP', bookings: 1, count: 2, revenue: 4000 },
        { key: 'blocked', currency: null, bookings: 0, count: 5, revenue: 0 },
      ]),
    ).toEqual({
      bookings: 4,
      count: 11,
      revenue: [
        { currency: 'EUR', amount: 12000 },
        { currency: 'GBP', amount: 4000 },
      ],
    });
  });
});
