// Best-available round tables: chairs are neighbours round the table (the last next to the first),
// rows stay lines, and a party stays at one table when a table has room.
import { describe, expect, it } from 'vitest';
import { findBestAvailable } from './find-best-available.ts';
import { findGroupBlock } from './find-group-block.ts';
import { findOrphans } from './find-orphans.ts';
import { hall, taken } from './tables.test-helpers.ts';

const sorted = (names: string[]) => [...names].sort();

describe('best-available at tables', () => {
  const round = hall({ tables: [{ shape: 'round', seats: 8 }] });
  const request = { quantity: 4, focalPoint: round.focalPoint };

  it('prepares tables as rings and rows as lines', () => {
    const h = hall({ rows: [3], tables: [{ shape: 'round', seats: 4 }] });
    expect(h.layout.seats.map((s) => s.atTable ?? false)).toEqual([
      ...[false, false, false],
      ...[true, true, true, true],
    ]);
    expect([...h.prepared.rowRing]).toEqual([0, 1]);
  });

  it('offers 7, 8, 1, 2 round a table of 8 when 3 to 6 are taken', () => {
    const status = taken(round, 'T1-3', 'T1-4', 'T1-5', 'T1-6');
    const found = findBestAvailable(round.prepared, status, request);
    expect(found?.together).toBe(true);
    expect(round.names(found!.seats)).toEqual(['T1-7', 'T1-8', 'T1-1', 'T1-2']);
    const strict = findBestAvailable(round.prepared, status, { ...request, together: true });
    expect(round.names(strict!.seats)).toEqual(['T1-7', 'T1-8', 'T1-1', 'T1-2']);
  });

  it('ranks chairs by distance to the stage, whichever side of chair 1 they are', () => {
    // The stage is above the table, a little to the left: chairs 8 and 1 face it.
    const found = findBestAvailable(round.prepared, taken(round), {
      quantity: 2,
      focalPoint: { x: 90, y: 0 },
    });
    expect(round.names(found!.seats)).toEqual(['T1-8', 'T1-1']);
  });

  it('seats a whole table once, from chair 1', () => {
    const found = findBestAvailable(round.prepared, taken(round), { ...request, quantity: 8 });
    expect(round.names(found!.seats)).toEqual(
      ['T1-1', 'T1-2', 'T1-3', 'T1-4'].concat(['T1-5', 'T1-6', 'T1-7', 'T1-8']),
    );
  });

  it('goes round the corner of a rectangular table, from the left end to the top side', () => {
    const rect = hall({ tables: [{ shape: 'rect', seats: 10 }] });
    // Chairs 1–4 along the top, 5 at the right end, 6–9 along the bottom, 10 at the left end.
    const status = taken(rect, 'T1-2', 'T1-3', 'T1-4', 'T1-5', 'T1-6', 'T1-7', 'T1-8');
    const found = findBestAvailable(rect.prepared, status, { ...request, quantity: 3 });
    expect(rect.names(found!.seats)).toEqual(['T1-9', 'T1-10', 'T1-1']);
  });

  it('keeps a party at one table rather than splitting it over the hall', () => {
    const h = hall({ rows: [6], tables: [{ shape: 'round', seats: 8 }] });
    // No block of 4 anywhere: row A has pairs, table 1 has arcs 3–4 and 6–7 (and chair 1).
    const status = taken(h, 'A-2', 'A-5', 'T1-2', 'T1-5', 'T1-8');
    const found = findBestAvailable(h.prepared, status, { ...request, focalPoint: h.focalPoint });
    expect(found?.together).toBe(false);
    expect(sorted(h.names(found!.seats))).toEqual(['T1-3', 'T1-4', 'T1-6', 'T1-7']);
    expect(
      findBestAvailable(h.prepared, status, {
        ...request,
        focalPoint: h.focalPoint,
        together: true,
      }),
    ).toBeNull();
  });

  it('leaves rows as lines: the ends of a row are not neighbours', () => {
    const h = hall({ rows: [8], tables: [] });
    const status = taken(h, 'A-3', 'A-4', 'A-5', 'A-6');
    const found = findBestAvailable(h.prepared, status, { ...request, focalPoint: h.focalPoint });
    expect(found?.together).toBe(false);
    expect(sorted(h.names(found!.seats))).toEqual(['A-1', 'A-2', 'A-7', 'A-8']);
  });

  it('finds orphans round the ring: chair 1 is stranded only between chairs 8 and 2', () => {
    expect(findOrphans(round.prepared, taken(round, 'T1-2'))).toEqual([]);
    expect(round.names(findOrphans(round.prepared, taken(round, 'T1-2', 'T1-8')))).toEqual([
      'T1-1',
    ]);
  });
});

describe('group blocks at tables', () => {
  it('seats a group in one arc round a table, wrapping past chair 8', () => {
    const h = hall({ tables: [{ shape: 'round', seats: 8 }] });
    const status = taken(h, 'T1-3', 'T1-4');
    const found = findGroupBlock(h.prepared, status, { quantity: 6, focalPoint: h.focalPoint });
    expect(found?.rows).toBe(1);
    expect(h.names(found!.seats)).toEqual(['T1-5', 'T1-6', 'T1-7', 'T1-8', 'T1-1', 'T1-2']);
  });

  it('keeps a group at one table with room before splitting it over rows', () => {
    const h = hall({ rows: [3, 3], tables: [{ shape: 'round', seats: 8 }] });
    const status = taken(h, 'T1-3', 'T1-6');
    const found = findGroupBlock(h.prepared, status, { quantity: 5, focalPoint: h.focalPoint });
    expect(found?.rows).toBe(1);
    const names = h.names(found!.seats);
    expect(names.every((n) => n.startsWith('T1-'))).toBe(true);
    expect(names.slice(0, 4)).toEqual(['T1-7', 'T1-8', 'T1-1', 'T1-2']);
  });

  it('splits a group too big for one table into one arc at each of consecutive tables', () => {
    const h = hall({
      tables: [
        { shape: 'round', seats: 8 },
        { shape: 'round', seats: 8 },
      ],
    });
    const status = taken(h, 'T1-1', 'T2-5');
    const found = findGroupBlock(h.prepared, status, { quantity: 12, focalPoint: h.focalPoint });
    expect(found?.rows).toBe(2);
    const names = h.names(found!.seats);
    expect(names.filter((n) => n.startsWith('T1-'))).toHaveLength(6);
    expect(names.filter((n) => n.startsWith('T2-'))).toHaveLength(6);
  });

  it('never mixes a row and a table in one arrangement', () => {
    const h = hall({ rows: [4], tables: [{ shape: 'round', seats: 4 }] });
    expect(
      findGroupBlock(h.prepared, taken(h), { quantity: 8, focalPoint: h.focalPoint }),
    ).toBeNull();
  });
});
