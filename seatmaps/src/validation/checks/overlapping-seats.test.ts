import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../../model/document.ts';
import { plan, row, seat, section, straightRow } from '../plan.test-helpers.ts';
import { seatEntries } from '../seat-entries.ts';
import { overlappingSeats } from './overlapping-seats.ts';

const entries = (input: ReturnType<typeof plan>) => seatEntries(SeatmapDocument.parse(input));

describe('overlappingSeats', () => {
  it('passes seats spaced apart, also across cell borders and sections', () => {
    const doc = plan([
      section('s', 'Stalls', {
        rows: [straightRow('A', 'A', 20), straightRow('B', 'B', 20, 0, 25)],
      }),
      section('c', 'Circle', { transform: { x: 100, y: 200 }, rows: [straightRow('C', 'C', 5)] }),
    ]);
    expect(overlappingSeats(entries(doc))).toEqual([]);
  });

  it('reports each seat overlapping an earlier one, in world coordinates', () => {
    const doc = plan([
      section('s', 'Stalls', {
        rows: [row('A', 'A', [seat('a1', '1', 0, 0), seat('a2', '2', 30, 0)])],
      }),
      // Placed by its own transform right on top of Stalls A-2 (world 130, 100).
      section('c', 'Circle', {
        transform: { x: 126, y: 103 },
        rows: [row('C', 'C', [seat('c1', '1', 0, 0), seat('c2', '2', 0, 0)])],
      }),
    ]);
    expect(overlappingSeats(entries(doc))).toMatchInlineSnapshot(`
      [
        {
          "code": "OVERLAPPING_SEATS",
          "elementIds": [
            "a2",
            "c1",
          ],
          "message": "Seat '1' in row 'C' of section 'Circle' overlaps seat '2' in row 'A' of section 'Stalls' (centres 5 apart, at least 20 needed).",
          "path": [
            "sections",
            1,
            "rows",
            0,
            "seats",
            0,
          ],
          "severity": "error",
        },
        {
          "code": "OVERLAPPING_SEATS",
          "elementIds": [
            "a2",
            "c2",
          ],
          "message": "Seat '2' in row 'C' of section 'Circle' overlaps seat '2' in row 'A' of section 'Stalls' (centres 5 apart, at least 20 needed).",
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

  it('ignores seats on different levels', () => {
    const doc = plan(
      [
        section('s', 'Stalls', { rows: [straightRow('A', 'A', 3)] }),
        section('c', 'Circle', { level: 'upper', rows: [straightRow('C', 'C', 3)] }),
      ],
      {
        levels: [
          { id: 'main', name: 'Ground' },
          { id: 'upper', name: 'Upper' },
        ],
      },
    );
    expect(overlappingSeats(entries(doc))).toEqual([]);
  });

  it('uses the given radius and tolerance', () => {
    const doc = plan([section('s', 'Stalls', { rows: [straightRow('A', 'A', 3)] })]);
    expect(overlappingSeats(entries(doc), { factor: 1.6 }).map((p) => p.elementIds)).toEqual([
      ['A-1', 'A-2'],
      ['A-2', 'A-3'],
    ]);
  });

  it('finds overlaps among seats with negative and far-apart coordinates', () => {
    const doc = plan([
      section('s', 'Stalls', {
        transform: { x: -5, y: -5 },
        rows: [
          row('A', 'A', [
            seat('a', '1', 0, 0),
            seat('b', '2', 1e9, 1e9),
            seat('c', '3', 4, 0),
            seat('d', '4', 1e9, 1e9 + 1),
          ]),
        ],
      }),
    ]);
    expect(overlappingSeats(entries(doc)).map((p) => p.elementIds)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });
});
