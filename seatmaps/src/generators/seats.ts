// Turning generated positions and labels into Seat records, fresh or reusing existing ones.
// Shared by rows and tables so both keep seat ids stable the same way.
import type { Seat } from '../model/elements.ts';
import { brand, type SeatId } from '../model/ids.ts';
import type { Point } from '../model/primitives.ts';

/** Generated coordinates are rounded to 1/100 unit: stable JSON, no float noise in diffs. */
export function roundCoord(v: number): number {
  return Math.round(v * 100) / 100 + 0;
}

function freshId(base: string, taken: Set<string>): SeatId {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return brand<SeatId>(id);
}

/**
 * Seats at `positions` labelled `labels`. Seat i reuses `existing[i]` (id, category and flags
 * kept; label and position replaced); further seats get ids `${idPrefix}-${label}`, made unique
 * against the kept ones.
 */
export function placeSeats(
  positions: readonly Point[],
  labels: readonly string[],
  idPrefix: string,
  existing: readonly Seat[] = [],
): Seat[] {
  const kept = existing.slice(0, positions.length);
  const taken = new Set<string>(kept.map((s) => s.id));
  return positions.map((p, i) => {
    const label = labels[i] as string;
    const x = roundCoord(p.x);
    const y = roundCoord(p.y);
    const old = kept[i];
    if (old) return { ...old, label, x, y };
    return { type: 'seat', id: freshId(`${idPrefix}-${label}`, taken), label, x, y };
  });
}
