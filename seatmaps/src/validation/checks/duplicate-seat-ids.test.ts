import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, seat, section, straightRow } from '../plan.test-helpers.ts';
import { duplicateSeatIds } from './duplicate-seat-ids.ts';

describe('duplicateSeatIds', () => {
  it('passes unique ids', () => {
    const doc = plan([section('s', 'Stalls', { rows: [straightRow('A', 'A', 3)] })]);
    expect(runCheck(duplicateSeatIds, doc)).toEqual([]);
  });

  it('names both seats by label when an id repeats across sections', () => {
    const doc = plan([
      section('stalls', 'Stalls', { rows: [row('A', 'A', [seat('x', '12', 0, 0)])] }),
      section('balcony', 'Balcony', {
        rows: [row('C', 'C', [seat('y', '1', 0, 0), seat('x', '3', 30, 0)])],
      }),
    ]);
    expect(runCheck(duplicateSeatIds, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_SEAT_ID",
          "elementIds": [
            "x",
          ],
          "message": "Seat '3' in row 'C' of section 'Balcony' has the same id 'x' as seat '12' in row 'A' of section 'Stalls'.",
          "path": [
            "sections",
            1,
            "rows",
            0,
            "seats",
            1,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
