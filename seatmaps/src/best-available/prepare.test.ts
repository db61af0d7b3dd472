import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { buildLayout } from '../model/layout.ts';
import { rowsLayout } from './layout.test-helpers.ts';
import { ACCESSIBLE, RESTRICTED_VIEW, prepareBestAvailable } from './prepare.ts';

const rowsOf = (p: ReturnType<typeof prepareBestAvailable>) =>
  Array.from({ length: p.rowCount }, (_, r) => [p.rowStart[r], (p.rowStart[r + 1] as number) - 1]);

describe('prepareBestAvailable', () => {
  it('makes one row per row and per table of a real layout', () => {
    const prepared = prepareBestAvailable(buildLayout(SeatmapDocument.parse(smallPlan())));
    // Stalls A (2 seats), Stalls B (1), Table 1 (1).
    expect(rowsOf(prepared)).toEqual([
      [0, 1],
      [2, 2],
      [3, 3],
    ]);
    expect([...prepared.flags]).toEqual([0, ACCESSIBLE, 0, 0]);
    expect([...prepared.category]).toEqual([0, 0, 1, 1]);
    expect(prepared.longestRow).toBe(2);
  });

  it('keeps two runs with the same label apart and splits equal labels of different sections', () => {
    const prepared = prepareBestAvailable(
      rowsLayout([
        { row: 'A', seats: 3 },
        { row: 'B', seats: 2, restricted: [1] },
        { row: 'A', seats: 2 },
        { section: 'other', row: 'A', seats: 2 },
      ]),
    );
    expect(rowsOf(prepared)).toEqual([
      [0, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    expect([...prepared.rowSection]).toEqual([0, 0, 0, 1]);
    expect(prepared.flags[4]).toBe(RESTRICTED_VIEW);
    expect(prepared.bounds).toEqual({ minX: 0, minY: 50, maxX: 60, maxY: 140 });
  });

  it('rejects seats out of index order', () => {
    const { seats } = rowsLayout([{ row: 'A', seats: 2 }]);
    expect(() => prepareBestAvailable({ seats: [seats[1]!, seats[0]!] })).toThrow(
      'layout seat at position 0 has index 1; seats must be in index order',
    );
  });

  it('handles an empty layout', () => {
    expect(prepareBestAvailable({ seats: [] })).toMatchObject({ seatCount: 0, rowCount: 0 });
  });
});
