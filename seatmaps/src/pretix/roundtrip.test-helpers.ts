// What a round trip must keep, flattened so tests can compare two plans field by field.
import type { SeatmapDocument } from '../model/document.ts';
import { buildLayout } from '../model/layout.ts';
import type { PretixPlan } from './schema.ts';

/** Every pretix seat with its absolute position (zone + row + seat). */
export function pretixSeats(plan: PretixPlan) {
  return plan.zones.flatMap((zone) =>
    zone.rows.flatMap((row) =>
      row.seats.map((seat) => ({
        guid: seat.seat_guid,
        number: seat.seat_number,
        row: row.row_number,
        zone: zone.name,
        category: seat.category ?? '',
        x: zone.position.x + (row.position?.x ?? 0) + seat.position.x,
        y: zone.position.y + (row.position?.y ?? 0) + seat.position.y,
      })),
    ),
  );
}

/** Every Parterre seat in world coordinates with what identifies and prices it. */
export function parterreSeats(doc: SeatmapDocument) {
  return buildLayout(doc).seats.map((s) => ({
    id: s.id,
    label: s.label,
    row: s.row,
    section: s.section,
    category: s.category,
    x: s.x,
    y: s.y,
  }));
}

/** Rounds positions so float noise below `1e-6` does not fail an equality. */
export function roundPositions<T extends { x: number; y: number }>(seats: T[]): T[] {
  const r = (v: number) => Math.round(v * 1e6) / 1e6 + 0;
  return seats.map((s) => ({ ...s, x: r(s.x), y: r(s.y) }));
}
