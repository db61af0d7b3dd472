import { describe, expect, it } from 'vitest';
import { describeSeat, seatName, statusWord } from './describe.ts';
import type { PickedSeat } from './types.ts';

const seat: PickedSeat = {
  index: 4,
  id: 'F-12',
  label: '12',
  row: 'F',
  section: 'Stalls',
  category: 'A',
  categoryLabel: 'Category A',
  price: { category: 'A', priceType: 'full', amount: 4500, currency: 'EUR' },
};

describe('describeSeat', () => {
  it('announces row, seat, category, price and status', () => {
    expect(describeSeat(seat, 0, false, { locale: 'en', withSection: false })).toBe(
      'Row F, seat 12, Category A, 45.00 EUR, available',
    );
  });

  it('names the section when the venue has several, and says selected for own seats', () => {
    expect(describeSeat(seat, 1, true, { locale: 'en', withSection: true })).toBe(
      'Stalls, Row F, seat 12, Category A, 45.00 EUR, selected',
    );
  });

  it('leaves out what a seat does not have', () => {
    const table = { ...seat, row: '', categoryLabel: '', price: null };
    expect(describeSeat(table, 2, false, { locale: 'en', withSection: false })).toBe(
      'seat 12, sold',
    );
  });
});

describe('statusWord and seatName', () => {
  it('words every status', () => {
    expect([0, 1, 2, 3, 7].map((s) => statusWord(s, false))).toEqual([
      'available',
      'held',
      'sold',
      'not for sale',
      'not for sale',
    ]);
  });

  it('names a seat without a row by its label', () => {
    expect(seatName({ row: '', label: '3', section: 'Box 1' }, true)).toBe('Box 1, seat 3');
  });
});
