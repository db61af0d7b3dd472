import { describe, expect, it } from 'vitest';
import { findGroupBlock, splitGroup } from './find-group-block.ts';
import { rowsLayout, statusOf } from './layout.test-helpers.ts';
import { prepareBestAvailable } from './prepare.ts';

// Four rows of ten, the stage above row A (y = 0, centred).
const hall = prepareBestAvailable(
  rowsLayout(['A', 'B', 'C', 'D'].map((row) => ({ row, seats: 10 }))),
);
const focalPoint = { x: 135, y: 0 };
const free = () => new Uint8Array(40);

/** Seats as "row letter: first-last" runs, to read results like a seating chart. */
function runs(seats: number[]): string[] {
  const out: string[] = [];
  let start = seats[0]!;
  for (let k = 1; k <= seats.length; k++) {
    if (
      seats[k] !== (seats[k - 1] as number) + 1 ||
      Math.floor(seats[k]! / 10) !== Math.floor(start / 10)
    ) {
      const row = 'ABCD'[Math.floor(start / 10)];
      out.push(`${row}:${(start % 10) + 1}-${((seats[k - 1] as number) % 10) + 1}`);
      start = seats[k]!;
    }
  }
  return out;
}

describe('findGroupBlock', () => {
  it('keeps a group that fits one row in one block', () => {
    const found = findGroupBlock(hall, free(), { quantity: 6, focalPoint });
    expect(found).toEqual({ seats: [2, 3, 4, 5, 6, 7], rows: 1 });
  });

  it('seats a class of 30 in three full adjacent rows at the front', () => {
    const found = findGroupBlock(hall, free(), { quantity: 30, focalPoint })!;
    expect(found.rows).toBe(3);
    expect(runs(found.seats)).toEqual(['A:1-10', 'B:1-10', 'C:1-10']);
  });

  it('splits over adjacent rows with one contiguous run each, lined up, around taken seats', () => {
    const status = statusOf(`
      x.........
      ...xx.....
      ..........
      ..........`);
    const found = findGroupBlock(hall, status, { quantity: 12, focalPoint })!;
    expect(found.rows).toBe(2);
    const rows = runs(found.seats);
    expect(rows).toHaveLength(2);
    // Each run is contiguous and free; the two rows are neighbours.
    for (const i of found.seats) expect(status[i]).toBe(0);
    const letters = rows.map((r) => r[0]);
    expect('ABCD'.indexOf(letters[1]!) - 'ABCD'.indexOf(letters[0]!)).toBe(1);
  });

  it('returns null when no arrangement of adjacent rows has room, and never scatters', () => {
    const status = statusOf(`
      ..x..x..x.
      .x..x..x..
      ..x..x..x.
      .x..x..x..`);
    expect(findGroupBlock(hall, status, { quantity: 12, focalPoint })).toBeNull();
    expect(findGroupBlock(hall, free(), { quantity: 41, focalPoint })).toBeNull();
    expect(findGroupBlock(hall, free(), { quantity: 30, focalPoint, maxRows: 2 })).toBeNull();
  });

  it('keeps to one section and category', () => {
    const twoSections = prepareBestAvailable(
      rowsLayout([
        { section: 'left', row: 'A', seats: 5 },
        { section: 'right', row: 'A', seats: 5, x: 300 },
        { section: 'left', row: 'B', seats: 5 },
      ]),
    );
    // Rows 0 and 1 are different sections: a group of 8 cannot straddle them, and left's rows
    // are not adjacent in index order, so there is no place for 8.
    expect(findGroupBlock(twoSections, new Uint8Array(15), { quantity: 8, focalPoint })).toBeNull();
    const mixed = prepareBestAvailable(
      rowsLayout([
        { row: 'A', seats: 10, category: 'A' },
        { row: 'B', seats: 10, category: 'B' },
        { row: 'C', seats: 10, category: 'B' },
      ]),
    );
    const found = findGroupBlock(mixed, new Uint8Array(30), {
      quantity: 14,
      focalPoint,
      category: 'B',
    })!;
    expect(found.seats.every((i) => i >= 10)).toBe(true);
  });

  it('refuses a bad quantity', () => {
    expect(() => findGroupBlock(hall, free(), { quantity: 0, focalPoint })).toThrow(/quantity/);
  });

  it('splits evenly, larger parts first', () => {
    expect(splitGroup(31, 3)).toEqual([11, 10, 10]);
    expect(splitGroup(30, 3)).toEqual([10, 10, 10]);
  });
});
