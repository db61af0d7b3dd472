import { describe, expect, it } from 'vitest';
import { plan, runCheck, section, straightRow } from '../plan.test-helpers.ts';
import { unknownLevels } from './unknown-levels.ts';

describe('unknownLevels', () => {
  it('passes records on defined levels', () => {
    const doc = plan([section('s', 'Stalls', { rows: [straightRow('A', 'A', 1)] })]);
    expect(runCheck(unknownLevels, doc)).toEqual([]);
  });

  it('reports sections, shapes and texts on undefined levels', () => {
    const doc = plan(
      [section('s', 'Balcony', { level: 'upper', rows: [straightRow('A', 'A', 1)] })],
      {
        shapes: [
          {
            type: 'shape',
            id: 'st',
            label: 'Stage',
            level: 'pit',
            kind: 'line',
            points: [
              { x: 0, y: 0 },
              { x: 9, y: 0 },
            ],
          },
        ],
        texts: [{ type: 'text', id: 't', level: 'roof', x: 5, y: 5, text: 'Bar' }],
      },
    );
    expect(runCheck(unknownLevels, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "UNKNOWN_LEVEL",
          "elementIds": [
            "s",
          ],
          "message": "Section 'Balcony' is on level 'upper', which is not defined in levels.",
          "path": [
            "sections",
            0,
            "level",
          ],
          "severity": "error",
        },
        {
          "code": "UNKNOWN_LEVEL",
          "elementIds": [
            "st",
          ],
          "message": "Shape 'Stage' is on level 'pit', which is not defined in levels.",
          "path": [
            "shapes",
            0,
            "level",
          ],
          "severity": "error",
        },
        {
          "code": "UNKNOWN_LEVEL",
          "elementIds": [
            "t",
          ],
          "message": "Text 'Bar' is on level 'roof', which is not defined in levels.",
          "path": [
            "texts",
            0,
            "level",
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
