import { describe, expect, it } from 'vitest';
import { MIN_SEAT_SPACING } from '../geometry/seat.ts';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { plan, row, seat, section, straightRow } from './plan.test-helpers.ts';
import { validateSeatmap } from './validate-seatmap.ts';

/** 100 sections × 40 rows × 25 seats, built with plain loops (no generators). */
function hundredThousandSeats(): SeatmapDocument {
  const sections = Array.from({ length: 100 }, (_, s) => {
    const rows = Array.from({ length: 40 }, (_, r) => ({
      type: 'row',
      id: `s${s}-r${r}`,
      label: `R${r + 1}`,
      generator: { kind: 'manual' },
      seats: Array.from({ length: 25 }, (_, k) => ({
        type: 'seat',
        id: `s${s}-r${r}-${k + 1}`,
        label: String(k + 1),
        x: k * MIN_SEAT_SPACING,
        y: r * MIN_SEAT_SPACING,
      })),
    }));
    // 10 × 10 grid of 600 × 900 blocks.
    return section(`s${s}`, `Block ${s + 1}`, {
      transform: { x: (s % 10) * 600 + 10, y: Math.floor(s / 10) * 900 + 10 },
      rows,
    });
  });
  return SeatmapDocument.parse(plan(sections, { size: { width: 6000, height: 9000 } }));
}

describe('validateSeatmap', () => {
  it('finds nothing wrong with the model fixture', () => {
    expect(validateSeatmap(SeatmapDocument.parse(smallPlan()))).toEqual([]);
  });

  it('validates a 100,000-seat plan as clean', () => {
    const doc = hundredThousandSeats();
    expect(doc.sections.flatMap((s) => s.rows).reduce((n, r) => n + r.seats.length, 0)).toBe(
      100_000,
    );
    expect(validateSeatmap(doc)).toEqual([]);
  });

  it('lists problems of every check, in check order', () => {
    const doc = SeatmapDocument.parse(
      plan([
        section('s', 'Stalls', {
          rows: [straightRow('A', 'A', 2), row('B', 'B', [seat('A-1', '1', 3, 0)])],
        }),
        section('e', 'Empty', { level: 'roof' }),
      ]),
    );
    expect(validateSeatmap(doc).map((p) => `${p.severity} ${p.code}: ${p.message}`))
      .toMatchInlineSnapshot(`
        [
          "error DUPLICATE_SEAT_ID: Seat '1' in row 'B' of section 'Stalls' has the same id 'A-1' as seat '1' in row 'A' of section 'Stalls'.",
          "error UNKNOWN_LEVEL: Section 'Empty' is on level 'roof', which is not defined in levels.",
          "error EMPTY_SECTION: Section 'Empty' has no seats and no standing areas.",
          "error OVERLAPPING_SEATS: Seat '1' in row 'B' of section 'Stalls' overlaps seat '1' in row 'A' of section 'Stalls' (centres 3 apart, at least 20 needed).",
        ]
      `);
  });

  it('passes overlap options through', () => {
    const doc = SeatmapDocument.parse(
      plan([section('s', 'Stalls', { rows: [straightRow('A', 'A', 2)] })]),
    );
    expect(validateSeatmap(doc, { overlap: { radius: 20 } }).map((p) => p.code)).toEqual([
      'OVERLAPPING_SEATS',
    ]);
  });
});
