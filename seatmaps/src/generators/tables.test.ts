import { describe, expect, it } from 'vitest';
import { Table as TableSchema } from '../model/elements.ts';
import { findOverlappingSeats } from '../geometry/overlaps.ts';
import { distance } from '../geometry/points.ts';
import {
  CHAIR_GAP,
  createTable,
  rectTableSeatPositions,
  regenerateTable,
  roundTableSeatPositions,
} from './tables.ts';

const origin = { x: 0, y: 0 };
const at = { x: 300, y: 200, rotation: 0 };

describe('round tables', () => {
  it('spaces chairs evenly, a chair gap outside the rim, first at the top, clockwise', () => {
    const p = roundTableSeatPositions(80, 4);
    for (const q of p) expect(distance(q, origin)).toBeCloseTo(40 + CHAIR_GAP);
    expect(p[0]!.x).toBeCloseTo(0);
    expect(p[0]!.y).toBeCloseTo(-55);
    expect(p[1]!.x).toBeCloseTo(55);
    expect(p[1]!.y).toBeCloseTo(0);
  });

  it('builds a schema-valid table with chairs 1…n', () => {
    const table = createTable({
      id: 't1',
      label: 'Table 1',
      shape: 'round',
      transform: at,
      width: 90,
      seatCount: 8,
    });
    expect(TableSchema.parse(table)).toEqual(table);
    expect(table.height).toBe(90);
    expect(table.seats.map((s) => s.id)).toEqual([
      't1-1',
      't1-2',
      't1-3',
      't1-4',
      't1-5',
      't1-6',
      't1-7',
      't1-8',
    ]);
    expect(findOverlappingSeats(table.seats)).toEqual([]);
  });
});

describe('rect tables', () => {
  it('fills the long sides first, then the ends, clockwise from the top left', () => {
    // 120 long: 4 chairs per side; the other 2 go one to each end.
    const p = rectTableSeatPositions(120, 60, 10);
    expect(p.map((q) => [Math.round(q.x) + 0, Math.round(q.y) + 0])).toEqual([
      [-45, -45],
      [-15, -45],
      [15, -45],
      [45, -45],
      [75, 0],
      [45, 45],
      [15, 45],
      [-15, 45],
      [-45, 45],
      [-75, 0],
    ]);
  });

  it('uses only the long sides while they have room', () => {
    const p = rectTableSeatPositions(120, 60, 6);
    expect(p.every((q) => Math.abs(q.y) === 45)).toBe(true);
  });

  it('turns the layout for a tall table', () => {
    const p = rectTableSeatPositions(60, 120, 8);
    expect(p.every((q) => Math.abs(q.x) === 45)).toBe(true);
    expect(p[0]!.x).toBe(45);
  });

  it('refuses more chairs than fit, and nonsense sizes', () => {
    expect(() => rectTableSeatPositions(50, 30, 9)).toThrow(
      'a 50×30 table has no room for 9 chairs',
    );
    expect(() => rectTableSeatPositions(-1, 30, 2)).toThrow(/positive and finite/);
    expect(() => roundTableSeatPositions(60, 0)).toThrow('a table seats 1 to 64, got 0');
  });
});

describe('regenerateTable', () => {
  it('keeps the first chairs ids and flags when the seat count changes', () => {
    const t = createTable({
      id: 't',
      label: 'T',
      shape: 'rect',
      transform: at,
      width: 120,
      height: 60,
      seatCount: 4,
    });
    const flagged = {
      ...t,
      seats: t.seats.map((s, i) => (i === 0 ? { ...s, accessible: true } : s)),
    };
    const grown = regenerateTable({ ...flagged, seatCount: 6 }, { now: 5 });
    expect(grown.seats.map((s) => s.id)).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5', 't-6']);
    expect(grown.seats[0]?.accessible).toBe(true);
    expect(grown.version).toBe(2);
    expect(grown.updated).toBe(5);
  });
});
