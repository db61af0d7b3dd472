// Two rows or tables may share a label in one section (validation only warns; the studio could
// make a second "Table 3"). A label is not an identity: best-available keeps each record's seats
// a run of their own, so half a party is never offered at each of two tables far apart.
import { describe, expect, it } from 'vitest';
import { findBestAvailable } from './find-best-available.ts';
import { findGroupBlock } from './find-group-block.ts';
import { findOrphans } from './find-orphans.ts';
import { rowsLayout, statusOf } from './layout.test-helpers.ts';
import { prepareBestAvailable } from './prepare.ts';
import { hall, taken } from './tables.test-helpers.ts';

describe('two tables labelled "Table 3", 1,000 units apart', () => {
  const h = hall({
    tables: [
      { shape: 'round', seats: 4, label: 'Table 3', x: 100 },
      { shape: 'round', seats: 4, label: 'Table 3', x: 1100 },
    ],
  });
  // Chairs 0, 1 of the first table and 6, 7 (its chairs 3, 4) of the second are taken: two free
  // chairs at each, which read as one free arc of four if the two tables were one ring.
  const status = taken(h, 'T1-1', 'T1-2', 'T2-3', 'T2-4');
  const request = { quantity: 4, focalPoint: h.focalPoint };

  it('prepares them as two rings', () => {
    expect(h.layout.seats.map((s) => s.container)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(h.prepared.rowCount).toBe(2);
    expect([...h.prepared.rowRing]).toEqual([1, 1]);
  });

  it('findBestAvailable does not call two chairs at each table "together"', () => {
    const found = findBestAvailable(h.prepared, status, request);
    expect(found?.together).toBe(false);
    expect(findBestAvailable(h.prepared, status, { ...request, together: true })).toBeNull();
    // Two at one table still are together: chairs 3 and 4 of the first.
    const pair = findBestAvailable(h.prepared, status, { ...request, quantity: 2 });
    expect(pair?.together).toBe(true);
    expect(h.layout.seats[pair!.seats[0]!]?.container).toBe(
      h.layout.seats[pair!.seats[1]!]?.container,
    );
  });

  it('findOrphans wraps round each table, not round both', () => {
    // One free chair at each: the last of the first table, the first of the second.
    const one = taken(h, 'T1-1', 'T1-2', 'T1-3', 'T2-2', 'T2-3', 'T2-4');
    expect(h.names(findOrphans(h.prepared, one))).toEqual(['T1-4', 'T2-1']);
  });

  it('findGroupBlock seats a group of four at two tables, not one', () => {
    const found = findGroupBlock(h.prepared, status, request);
    expect(found?.rows).toBe(2);
    expect(h.names(found!.seats).sort()).toEqual(['T1-3', 'T1-4', 'T2-1', 'T2-2']);
  });
});

describe('two rows labelled "A" next to each other in the index', () => {
  it('splits them on their container and keeps label-only callers as before', () => {
    const rows = [
      { row: 'A', seats: 3, container: 0 },
      { row: 'A', seats: 3, container: 1, x: 1000 },
    ];
    const split = prepareBestAvailable(rowsLayout(rows));
    expect(split.rowCount).toBe(2);
    // The free seat at the end of the first row and the first of the second are each alone.
    expect(findOrphans(split, statusOf('xx. .xx'))).toEqual([2, 3]);
    const labelsOnly = prepareBestAvailable(rowsLayout(rows.map(({ container: _, ...r }) => r)));
    expect(labelsOnly.rowCount).toBe(1);
  });
});
