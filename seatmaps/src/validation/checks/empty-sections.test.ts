import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, section, straightRow } from '../plan.test-helpers.ts';
import { emptySections } from './empty-sections.ts';

describe('emptySections', () => {
  it('passes sections with seats or standing areas', () => {
    const floor = {
      type: 'ga',
      id: 'f',
      label: 'Floor',
      capacity: 5,
      outline: [
        { x: 0, y: 0 },
        { x: 9, y: 0 },
        { x: 9, y: 9 },
      ],
    };
    const doc = plan([
      section('s', 'Stalls', { rows: [straightRow('A', 'A', 1)] }),
      section('p', 'Pit', { gaAreas: [floor] }),
    ]);
    expect(runCheck(emptySections, doc)).toEqual([]);
  });

  it('reports a section with nothing in it, or only seatless rows', () => {
    const doc = plan([section('s', 'Stalls'), section('b', 'Box', { rows: [row('A', 'A', [])] })]);
    expect(runCheck(emptySections, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "EMPTY_SECTION",
          "elementIds": [
            "s",
          ],
          "message": "Section 'Stalls' has no seats and no standing areas.",
          "path": [
            "sections",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "EMPTY_SECTION",
          "elementIds": [
            "b",
          ],
          "message": "Section 'Box' has no seats and no standing areas.",
          "path": [
            "sections",
            1,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
