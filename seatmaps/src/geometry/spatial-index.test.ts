import { describe, expect, it } from 'vitest';
import { SeatIndex } from './spatial-index.ts';

/** A 50 × 40 grid of seats 25 apart, plus the brute-force answers to compare with. */
const seats = Array.from({ length: 2000 }, (_, i) => ({
  x: (i % 50) * 25,
  y: Math.floor(i / 50) * 25,
}));
const index = SeatIndex.build(seats);

function bruteNearest(x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  seats.forEach((s, i) => {
    const d = (s.x - x) ** 2 + (s.y - y) ** 2;
    if (d <= bestD && (best < 0 || d < bestD)) [best, bestD] = [i, d];
  });
  return best;
}

describe('SeatIndex', () => {
  it('finds the seat under a point within the radius, or -1', () => {
    expect(index.size).toBe(2000);
    expect(index.seatAt(50, 25)).toBe(52);
    expect(index.seatAt(53, 27)).toBe(52);
    expect(index.seatAt(62, 25)).toBe(-1);
    expect(index.seatAt(62, 25, 13)).toBe(52);
    expect(index.seatAt(64, 25, 12)).toBe(53);
  });

  it('agrees with a linear scan on random points', () => {
    let state = 7;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1300 - 25;
    for (let q = 0; q < 500; q++) {
      const [x, y] = [rand(), rand()];
      const hit = index.seatAt(x, y, 12);
      const brute = bruteNearest(x, y, 12);
      expect(hit < 0 ? -1 : (seats[hit]!.x - x) ** 2 + (seats[hit]!.y - y) ** 2).toBe(
        brute < 0 ? -1 : (seats[brute]!.x - x) ** 2 + (seats[brute]!.y - y) ** 2,
      );
    }
  });

  it('lists seats whose centre is inside a rectangle, edges included', () => {
    const hits = index.inRect(0, 0, 50, 25).sort((a, b) => a - b);
    expect(hits).toEqual([0, 1, 2, 50, 51, 52]);
    expect(index.inRect(10, 10, 5, 5)).toEqual([]);
  });

  it('lists nearest seats closest first, by count or distance', () => {
    expect(index.neighbors(0, 0, { k: 3 }).slice(0, 1)).toEqual([0]);
    expect(index.neighbors(0, 0, { k: 3 }).sort()).toEqual([0, 1, 50]);
    expect(index.neighbors(25, 25, { maxDistance: 25 }).sort((a, b) => a - b)).toEqual([
      1, 50, 51, 52, 101,
    ]);
  });

  it('handles no seats and rejects non-finite positions', () => {
    const empty = SeatIndex.build([]);
    expect(empty.size).toBe(0);
    expect(empty.seatAt(0, 0)).toBe(-1);
    expect(empty.inRect(-1, -1, 1, 1)).toEqual([]);
    expect(empty.neighbors(0, 0)).toEqual([]);
    expect(() =>
      SeatIndex.build([
        { x: 0, y: 0 },
        { x: Number.NaN, y: 1 },
      ]),
    ).toThrow('seat 1 has a non-finite position (NaN, 1)');
  });
});
