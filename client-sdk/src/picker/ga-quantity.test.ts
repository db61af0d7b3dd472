import { describe, expect, it } from 'vitest';
import { gaMaxQuantity, gaPrice, gaQuantityProblem, gaRemaining } from './ga-quantity.ts';

describe('gaRemaining', () => {
  it('is capacity minus held minus booked', () => {
    expect(gaRemaining({ areaId: 'pit', capacity: 100, held: 5, booked: 20 }, 100)).toBe(75);
  });

  it('never goes below zero and is the capacity before the first snapshot', () => {
    expect(gaRemaining({ areaId: 'pit', capacity: 10, held: 6, booked: 6 }, 10)).toBe(0);
    expect(gaRemaining(undefined, 40)).toBe(40);
  });
});

describe('gaMaxQuantity', () => {
  it('counts what the visitor holds plus what is free', () => {
    expect(gaMaxQuantity({ mine: 2, remaining: 1, otherPicks: 0, maxSeats: 10 })).toBe(3);
  });

  it('is capped by maxSeats minus the other picks, never below zero', () => {
    expect(gaMaxQuantity({ mine: 2, remaining: 10, otherPicks: 7, maxSeats: 10 })).toBe(3);
    expect(gaMaxQuantity({ mine: 0, remaining: 10, otherPicks: 12, maxSeats: 10 })).toBe(0);
  });
});

describe('gaQuantityProblem', () => {
  it('accepts whole numbers from 0 to the maximum', () => {
    expect([0, 1, 3].map((q) => gaQuantityProblem(q, 3))).toEqual(['', '', '']);
  });

  it('names the problem otherwise', () => {
    expect(gaQuantityProblem(4, 3)).toBe('only 3 places can be held here');
    expect(gaQuantityProblem(-1, 3)).toBe('quantity must be a whole number of places, got -1');
    expect(gaQuantityProblem(1.5, 3)).toBe('quantity must be a whole number of places, got 1.5');
  });
});

describe('gaPrice', () => {
  it('multiplies the category price by the quantity', () => {
    const eur = { category: 'GA', priceType: 'full', amount: 2000, currency: 'EUR' };
    expect(gaPrice(eur, 3)).toEqual({ ...eur, amount: 6000 });
    expect(gaPrice(null, 3)).toBeNull();
  });
});
