import { describe, expect, it } from 'vitest';
import { plan, runCheck, section, straightRow } from '../plan.test-helpers.ts';
import { duplicateElementIds } from './duplicate-element-ids.ts';

describe('duplicateElementIds', () => {
  it('passes distinct ids', () => {
    const doc = plan([section('s', 'Stalls', { rows: [straightRow('A', 'A', 1)] })]);
    expect(runCheck(duplicateElementIds, doc)).toEqual([]);
  });

  it('treats sections, rows, tables, standing areas, shapes and texts as one id space', () => {
    const table = {
      type: 'table',
      id: 'dup',
      label: 'T1',
      shape: 'round',
      transform: { x: 0, y: 0 },
      width: 40,
      height: 40,
      seatCount: 1,
      seats: [{ type: 'seat', id: 't1', label: '1', x: 0, y: -30 }],
    };
    const doc = plan(
      [
        section('dup', 'Stalls', { rows: [straightRow('A', 'A', 1)], tables: [table] }),
        section('s2', 'Circle', { rows: [straightRow('A', 'A', 1, 0, 40)] }),
      ],
      {
        shapes: [
          {
            type: 'shape',
            id: 'A',
            level: 'main',
            kind: 'rect',
            points: [
              { x: 0, y: 0 },
              { x: 9, y: 9 },
            ],
          },
        ],
        texts: [{ type: 'text', id: 's2', level: 'main', x: 5, y: 5, text: 'Exit' }],
      },
    );
    expect(runCheck(duplicateElementIds, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_ELEMENT_ID",
          "elementIds": [
            "dup",
          ],
          "message": "Table 'T1' of section 'Stalls' has the same id 'dup' as section 'Stalls'.",
          "path": [
            "sections",
            0,
            "tables",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "DUPLICATE_ELEMENT_ID",
          "elementIds": [
            "A",
          ],
          "message": "Row 'A' of section 'Circle' has the same id 'A' as row 'A' of section 'Stalls'.",
          "path": [
            "sections",
            1,
            "rows",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "DUPLICATE_ELEMENT_ID",
          "elementIds": [
            "A",
          ],
          "message": "Shape (id 'A') has the same id 'A' as row 'A' of section 'Stalls'.",
          "path": [
            "shapes",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "DUPLICATE_ELEMENT_ID",
          "elementIds": [
            "s2",
          ],
          "message": "Text 'Exit' has the same id 's2' as section 'Circle'.",
          "path": [
            "texts",
            0,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
