import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, seat, section, straightRow } from '../plan.test-helpers.ts';
import { outsideCanvas } from './outside-canvas.ts';

describe('outsideCanvas', () => {
  it('passes a plan inside its canvas, edges included', () => {
    const doc = plan([
      section('s', 'Stalls', {
        transform: { x: 0, y: 0 },
        rows: [row('A', 'A', [seat('a', '1', 0, 0), seat('b', '2', 1000, 1000)])],
      }),
    ]);
    expect(runCheck(outsideCanvas, doc)).toEqual([]);
  });

  it('checks world positions of seats, outlines, shapes and texts', () => {
    const doc = plan(
      [
        section('s', 'Stalls', {
          // Rotated 180° about (950, 100): local +x runs left, local +y runs up.
          transform: { x: 950, y: 100, rotation: 180 },
          outline: [
            { x: 0, y: 0 },
            { x: 10, y: 0 },
            { x: 0, y: 200 },
          ],
          rows: [straightRow('A', 'A', 40), row('B', 'B', [seat('b1', '1', -80, 0)])],
          gaAreas: [
            {
              type: 'ga',
              id: 'f',
              label: 'Floor',
              capacity: 5,
              outline: [
                { x: 0, y: 0 },
                { x: 9, y: 0 },
                { x: 9, y: 9 },
              ],
            },
          ],
        }),
      ],
      {
        shapes: [
          {
            type: 'shape',
            id: 'stage',
            label: 'Stage',
            level: 'main',
            kind: 'rect',
            points: [
              { x: 0, y: 0 },
              { x: 1200, y: 50 },
            ],
          },
        ],
        texts: [{ type: 'text', id: 't', level: 'main', x: -1, y: 5, text: 'Exit' }],
      },
    );
    expect(runCheck(outsideCanvas, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "OUTSIDE_CANVAS",
          "elementIds": [
            "A-33",
            "A-34",
            "A-35",
            "A-36",
            "A-37",
            "A-38",
            "A-39",
            "A-40",
          ],
          "message": "8 seats of row 'A' of section 'Stalls' lie outside the 1000 × 1000 canvas: '33' at (-10, 100), '34' at (-40, 100), '35' at (-70, 100), '36' at (-100, 100), '37' at (-130, 100) and 3 more.",
          "path": [
            "sections",
            0,
            "rows",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "OUTSIDE_CANVAS",
          "elementIds": [
            "b1",
          ],
          "message": "Seat '1' in row 'B' of section 'Stalls' at (1030, 100) lies outside the 1000 × 1000 canvas.",
          "path": [
            "sections",
            0,
            "rows",
            1,
            "seats",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "OUTSIDE_CANVAS",
          "elementIds": [
            "s",
          ],
          "message": "Section 'Stalls' reaches outside the 1000 × 1000 canvas, at (950, -100).",
          "path": [
            "sections",
            0,
            "outline",
          ],
          "severity": "error",
        },
        {
          "code": "OUTSIDE_CANVAS",
          "elementIds": [
            "stage",
          ],
          "message": "Shape 'Stage' reaches outside the 1000 × 1000 canvas, at (1200, 50).",
          "path": [
            "shapes",
            0,
            "points",
          ],
          "severity": "error",
        },
        {
          "code": "OUTSIDE_CANVAS",
          "elementIds": [
            "t",
          ],
          "message": "Text 'Exit' reaches outside the 1000 × 1000 canvas, at (-1, 5).",
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
