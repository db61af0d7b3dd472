// Seats drawn on top of each other cannot both be picked. The geometry package's overlap finder
// does the heavy lifting with its spatial index (linear-ish, not O(n²)) and ignores seats on
// different levels; this check turns its pairs into one problem per overlapping seat.
import { findOverlappingSeats } from '../../geometry/overlaps.ts';
import type { OverlapOptions } from '../../geometry/overlaps.ts';
import { SEAT_RADIUS } from '../../geometry/seat.ts';
import { describeSeat, sentence } from '../describe.ts';
import type { ValidationProblem } from '../problem.ts';
import type { SeatEntry } from '../seat-entries.ts';

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * OVERLAPPING_SEATS: each seat whose circle overlaps an earlier seat's on the same level,
 * reported once, against the earliest such seat.
 * @example overlappingSeats(seatEntries(doc), { factor: 0.9 })
 */
export function overlappingSeats(
  seats: readonly SeatEntry[],
  options: OverlapOptions = {},
): ValidationProblem[] {
  const points = seats.map((e) => ({ x: e.x, y: e.y, level: e.section.level as string }));
  const earliest = new Map<number, number>();
  // Pairs come sorted by their first seat, so the first pair seen for j has the earliest i.
  for (const [i, j] of findOverlappingSeats(points, options)) {
    if (!earliest.has(j)) earliest.set(j, i);
  }
  const minimum = 2 * (options.radius ?? SEAT_RADIUS) * (options.factor ?? 1);
  return [...earliest]
    .sort(([a], [b]) => a - b)
    .map(([j, i]) => {
      const entry = seats[j] as SeatEntry;
      const other = seats[i] as SeatEntry;
      const d = Math.hypot(entry.x - other.x, entry.y - other.y);
      return {
        code: 'OVERLAPPING_SEATS',
        severity: 'error',
        path: entry.path,
        message: `${sentence(describeSeat(entry))} overlaps ${describeSeat(other)} (centres ${fmt(d)} apart, at least ${fmt(minimum)} needed).`,
        elementIds: [other.seat.id, entry.seat.id],
      };
    });
}
