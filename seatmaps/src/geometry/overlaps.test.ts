import { describe, expect, it } from 'vitest';
import { findOverlappingSeats } from './overlaps.ts';
import { SEAT_RADIUS } from './seat.ts';

describe('findOverlappingSeats', () => {
  it('finds each pair closer than two radii once, sorted', () => {
    const seats = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 2 * SEAT_RADIUS - 1, y: 0 },
      { x: 100, y: 5 },
      { x: 200, y: 0 },
      { x: 200 + 2 * SEAT_RADIUS, y: 0 },
    ];
    expect(findOverlappingSeats(seats)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('scales the distance by factor and radius', () => {
    const seats = [
      { x: 0, y: 0 },
      { x: 21, y: 0 },
    ];
    expect(findOverlappingSeats(seats)).toEqual([]);
    expect(findOverlappingSeats(seats, { factor: 1.1 })).toEqual([[0, 1]]);
    expect(findOverlappingSeats(seats, { radius: 11 })).toEqual([[0, 1]]);
    expect(() => findOverlappingSeats(seats, { factor: 0 })).toThrow(/must be positive/);
  });

  it('ignores seats on different levels', () => {
    const seats = [
      { x: 0, y: 0, level: 'stalls' },
      { x: 0, y: 0, level: 'balcony' },
      { x: 1, y: 0, level: 'balcony' },
    ];
    expect(findOverlappingSeats(seats)).toEqual([[1, 2]]);
  });

  it('checks 100,000 seats', () => {
    const seats = Array.from({ length: 100_000 }, (_, i) => ({
      x: (i % 400) * 25,
      y: Math.floor(i / 400) * 25,
    }));
    seats.push({ x: 5, y: 5 });
    expect(findOverlappingSeats(seats)).toEqual([[0, 100_000]]);
  });
});
