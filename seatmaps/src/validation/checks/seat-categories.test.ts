import { describe, expect, it } from 'vitest';
import { plan, row, runCheck, seat, section, straightRow } from '../plan.test-helpers.ts';
import { seatCategories } from './seat-categories.ts';

const ga = (id: string, category?: string) => ({
  type: 'ga',
  id,
  label: 'Floor',
  capacity: 10,
  outline: [
    { x: 0, y: 100 },
    { x: 50, y: 100 },
    { x: 50, y: 150 },
  ],
  ...(category ? { category } : {}),
});

describe('seatCategories', () => {
  it('accepts categories inherited from the section', () => {
    const doc = plan([
      section('s', 'Stalls', { rows: [straightRow('A', 'A', 3)], gaAreas: [ga('f')] }),
    ]);
    expect(runCheck(seatCategories, doc)).toEqual([]);
  });

  it('reports one seat without category at the seat, several at their row', () => {
    const doc = plan([
      section('s', 'Stalls', {
        category: undefined,
        rows: [
          row('A', 'A', [seat('a1', '1', 0, 0), seat('a2', '2', 30, 0, { category: 'std' })]),
          straightRow('B', 'B', 7, 0, 40),
        ],
        gaAreas: [ga('f')],
      }),
    ]);
    expect(runCheck(seatCategories, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "MISSING_CATEGORY",
          "elementIds": [
            "a1",
          ],
          "message": "Seat '1' in row 'A' of section 'Stalls' has no category.",
          "path": [
            "sections",
            0,
            "rows",
            0,
            "seats",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "MISSING_CATEGORY",
          "elementIds": [
            "B-1",
            "B-2",
            "B-3",
            "B-4",
            "B-5",
            "B-6",
            "B-7",
          ],
          "message": "7 seats of row 'B' of section 'Stalls' have no category: '1', '2', '3', '4', '5' and 2 more.",
          "path": [
            "sections",
            0,
            "rows",
            1,
          ],
          "severity": "error",
        },
        {
          "code": "MISSING_CATEGORY",
          "elementIds": [
            "f",
          ],
          "message": "Standing area 'Floor' of section 'Stalls' has no category (set one on the area or its section).",
          "path": [
            "sections",
            0,
            "gaAreas",
            0,
          ],
          "severity": "error",
        },
      ]
    `);
  });

  it('reports unknown keys where they are written', () => {
    const doc = plan([
      section('s', 'Stalls', {
        category: 'gold',
        rows: [
          row(
            'A',
            'A',
            [
              seat('a1', '1', 0, 0, { category: 'vip' }),
              seat('a2', '2', 30, 0, { category: 'vip' }),
            ],
            {
              category: 'std',
            },
          ),
        ],
        gaAreas: [ga('f', 'floor')],
      }),
    ]);
    expect(runCheck(seatCategories, doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "UNKNOWN_CATEGORY",
          "elementIds": [
            "s",
          ],
          "message": "Section 'Stalls' uses category 'gold', which is not defined in categories.",
          "path": [
            "sections",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "UNKNOWN_CATEGORY",
          "elementIds": [
            "a1",
            "a2",
          ],
          "message": "2 seats of row 'A' of section 'Stalls' use category 'vip', which is not defined in categories: '1', '2'.",
          "path": [
            "sections",
            0,
            "rows",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "UNKNOWN_CATEGORY",
          "elementIds": [
            "f",
          ],
          "message": "Standing area 'Floor' of section 'Stalls' uses category 'floor', which is not defined in categories.",
          "path": [
            "sections",
            0,
            "gaAreas",
            0,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
