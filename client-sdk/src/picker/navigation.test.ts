import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeatIndex } from '@parterre/seatmaps';
import { directionOfKey, nearestInDirection, nextSeat, type Direction } from './navigation.ts';

/** A 3 × 5 grid, rows 40 apart and seats 22 apart; seat r*5+c sits at (c*22, r*40). */
const grid = Array.from({ length: 15 }, (_, i) => ({ x: (i % 5) * 22, y: Math.floor(i / 5) * 40 }));
const xs = grid.map((p) => p.x);
const ys = grid.map((p) => p.y);
const seats = { xs, ys, index: SeatIndex.build(grid) };
const all = grid.map((_, i) => i);

describe('nextSeat', () => {
  it('walks along a row with left and right', () => {
    expect(nextSeat(seats, 7, 'right')).toBe(8);
    expect(nextSeat(seats, 7, 'left')).toBe(6);
  });

  it('moves to the row in front or behind, staying in the same column', () => {
    expect(nextSeat(seats, 7, 'up')).toBe(2);
    expect(nextSeat(seats, 7, 'down')).toBe(12);
  });

  it('answers -1 at the edge', () => {
    expect(nextSeat(seats, 9, 'right')).toBe(-1);
    expect(nextSeat(seats, 2, 'up')).toBe(-1);
  });

  it('prefers the seat along the row over a nearer one diagonally behind', () => {
    // From (0,0): (30, 0) is 30 away along the row; (20, 18) is nearer (26.9) but drifts sideways.
    const pts = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 20, y: 18 },
    ];
    const xs2 = pts.map((p) => p.x);
    const ys2 = pts.map((p) => p.y);
    expect(nearestInDirection(xs2, ys2, 0, 'right', [1, 2])).toBe(1);
  });

  it('finds seats beyond the nearest neighbours (a far section across an aisle)', () => {
    const row = [
      ...Array.from({ length: 600 }, (_, i) => ({ x: (i % 30) * 22, y: Math.floor(i / 30) * 40 })),
      { x: 5000, y: 0 },
    ];
    const index = SeatIndex.build(row);
    const model = { xs: row.map((p) => p.x), ys: row.map((p) => p.y), index };
    expect(nextSeat(model, 29, 'right')).toBe(600);
  });

  it('always moves into the arrow’s cone, and agrees with a full scan', () => {
    const dirs: Direction[] = ['left', 'right', 'up', 'down'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...dirs), (from, dir) => {
        const next = nextSeat(seats, from, dir);
        expect(next).toBe(nearestInDirection(xs, ys, from, dir, all));
        if (next < 0) return;
        const dx = xs[next]! - xs[from]!;
        const dy = ys[next]! - ys[from]!;
        const along = { left: -dx, right: dx, up: -dy, down: dy }[dir];
        expect(along).toBeGreaterThan(0);
      }),
    );
  });
});

describe('directionOfKey', () => {
  it('maps arrow keys and ignores the rest', () => {
    expect(
      ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(directionOfKey),
    ).toEqual(['left', 'right', 'up', 'down', undefined]);
  });
});
