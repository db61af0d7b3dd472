import { describe, expect, it } from 'vitest';
import { plan, runCheck, section } from '../plan.test-helpers.ts';
import { gaAreas } from './ga-areas.ts';

const area = (id: string, capacity: number, outline: { x: number; y: number }[]) => ({
  type: 'ga',
  id,
  label: id,
  capacity,
  outline,
});
const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

describe('gaAreas', () => {
  it('passes an area with capacity and a real outline', () => {
    expect(
      runCheck(gaAreas, plan([section('s', 'Pit', { gaAreas: [area('floor', 200, square)] })])),
    ).toEqual([]);
  });

  it('reports capacity 0 and outlines on one line or with repeated points', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 5, y: 5 },
      { x: 10, y: 10 },
    ];
    const repeated = [
      { x: 3, y: 3 },
      { x: 3, y: 3 },
      { x: 8, y: 3 },
    ];
    const doc = plan([
      section('s', 'Pit', {
        gaAreas: [area('empty', 0, square), area('line', 10, line), area('dot', 10, repeated)],
      }),
    ]);
    expect(runCheck(gaAreas, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "GA_ZERO_CAPACITY",
          "elementIds": [
            "empty",
          ],
          "message": "Standing area 'empty' of section 'Pit' has capacity 0, so no ticket can be sold for it.",
          "path": [
            "sections",
            0,
            "gaAreas",
            0,
            "capacity",
          ],
          "severity": "error",
        },
        {
          "code": "GA_DEGENERATE_OUTLINE",
          "elementIds": [
            "line",
          ],
          "message": "Standing area 'line' of section 'Pit' has an outline that encloses no area (its points are repeated or on one line).",
          "path": [
            "sections",
            0,
            "gaAreas",
            1,
            "outline",
          ],
          "severity": "error",
        },
        {
          "code": "GA_DEGENERATE_OUTLINE",
          "elementIds": [
            "dot",
          ],
          "message": "Standing area 'dot' of section 'Pit' has an outline that encloses no area (its points are repeated or on one line).",
          "path": [
            "sections",
            0,
            "gaAreas",
            2,
            "outline",
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
