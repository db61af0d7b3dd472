import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, seat, section, straightRow } from '../plan.test-helpers.ts';
import { duplicateContainerLabels } from './duplicate-container-labels.ts';

const table = (id: string, label: string, x: number) => ({
  type: 'table',
  id,
  label,
  shape: 'round',
  transform: { x, y: 300 },
  width: 60,
  height: 60,
  seatCount: 2,
  seats: [seat(`${id}-1`, '1', 0, -40), seat(`${id}-2`, '2', 0, 40)],
});

describe('duplicateContainerLabels', () => {
  it('allows one label per table, the same label in other sections, and aisle-split rows', () => {
    const doc = plan([
      section('s', 'Stalls', {
        // Row A on both sides of an aisle, numbered on: no two seats read the same.
        rows: [straightRow('a-left', 'A', 3), row('a-right', 'A', [seat('a4', '4', 200, 0)])],
        tables: [table('t1', 'Table 1', 100), table('t2', 'Table 2', 300)],
      }),
      section('c', 'Circle', { tables: [table('t3', 'Table 1', 100)] }),
    ]);
    expect(runCheck(duplicateContainerLabels, doc)).toEqual([]);
  });

  it('warns about two tables of one label in a section', () => {
    const doc = plan([
      section('s', 'Terrace', {
        tables: [
          table('t1', 'Table 1', 100),
          table('t3', 'Table 3', 300),
          table('t3b', 'Table 3', 900),
        ],
      }),
    ]);
    expect(runCheck(duplicateContainerLabels, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_TABLE_LABEL",
          "elementIds": [
            "t3",
            "t3b",
          ],
          "message": "Section 'Terrace' has two tables labelled 'Table 3' (ids 't3' and 't3b'); staff cannot tell them apart.",
          "path": [
            "sections",
            0,
            "tables",
            2,
            "label",
          ],
          "severity": "warning",
        },
      ]
    `);
  });

  it('warns about two rows of one label whose seats share a label', () => {
    const doc = plan([
      section('s', 'Stalls', {
        rows: [
          straightRow('a1', 'A', 3),
          straightRow('b', 'B', 3, 0, 40),
          straightRow('a2', 'A', 2, 0, 80),
        ],
      }),
    ]);
    expect(runCheck(duplicateContainerLabels, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_ROW_LABEL",
          "elementIds": [
            "a1",
            "a2",
          ],
          "message": "Section 'Stalls' has two rows labelled 'A' (ids 'a1' and 'a2') that both have a seat '1'; their tickets read the same.",
          "path": [
            "sections",
            0,
            "rows",
            2,
            "label",
          ],
          "severity": "warning",
        },
      ]
    `);
  });
});
