import { describe, expect, it } from 'vitest';
import { findOrphans } from './find-orphans.ts';
import { rowsLayout, statusOf } from './layout.test-helpers.ts';
import { prepareBestAvailable } from './prepare.ts';

describe('findOrphans', () => {
  const prepared = prepareBestAvailable(
    rowsLayout([
      { row: 'A', seats: 8 },
      { row: 'B', seats: 4 },
      { row: 'C', seats: 1 },
    ]),
  );

  it('finds single free seats between taken seats and next to a row end', () => {
    //                                 A: 0 1 2 3 4 5 6 7   B: 8 9 10 11   C: 12
    expect(findOrphans(prepared, statusOf('.x.hx..x  ..x.  .'))).toEqual([0, 2, 11]);
  });

  it('does not count free pairs, full rows or a lone seat in a one-seat row', () => {
    expect(findOrphans(prepared, statusOf('..x..x..  xxxx  .'))).toEqual([]);
  });

  it('rejects a status of the wrong length', () => {
    expect(() => findOrphans(prepared, new Uint8Array(3))).toThrow(
      'status has 3 entries but the layout has 13 seats',
    );
  });
});
