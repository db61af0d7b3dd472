import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, seat, section } from '../plan.test-helpers.ts';
import { duplicateSeatLabels } from './duplicate-seat-labels.ts';

describe('duplicateSeatLabels', () => {
  it('allows the same label in different rows and unlabelled seats', () => {
    const doc = plan([
      section('s', 'Stalls', {
        rows: [
          row('A', 'A', [seat('a1', '1', 0, 0), seat('a2', '', 30, 0), seat('a3', '', 60, 0)]),
          row('B', 'B', [seat('b1', '1', 0, 40)]),
        ],
      }),
    ]);
    expect(runCheck(duplicateSeatLabels, doc)).toEqual([]);
  });

  it('reports a label repeated within one row', () => {
    const doc = plan([
      section('s', 'Stalls', {
        rows: [
          row('A', 'A', [seat('a1', '7', 0, 0), seat('a2', '8', 30, 0), seat('a3', '7', 60, 0)]),
        ],
      }),
    ]);
    expect(runCheck(duplicateSeatLabels, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_SEAT_LABEL",
          "elementIds": [
            "a1",
            "a3",
          ],
          "message": "Row 'A' of section 'Stalls' has two seats labelled '7' (ids 'a1' and 'a3').",
          "path": [
            "sections",
            0,
            "rows",
            0,
            "seats",
            2,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
