// Seats whose centres are closer than a minimum distance overlap on screen and on the floor.
// Grid hashing with cells as wide as that distance makes this linear: a seat can only overlap
// seats in its own or the eight neighbouring cells, and a cell holds a bounded number of
// non-overlapping seats, so 100,000 seats take milliseconds instead of 5·10⁹ comparisons.
import { describeSeat, sentence } from '../describe.ts';
import type { ValidationProblem } from '../problem.ts';
import type { SeatEntry } from '../seat-entries.ts';

/**
 * Centres closer than this (document units) count as overlapping: about one seat radius, so
 * tightly packed manual rows pass while stacked or doubled seats are caught.
 */
export const DEFAULT_MIN_SEAT_DISTANCE = 10;

// Cell coordinates are packed into one number key; 2^26 cells per axis is far beyond any canvas.
const AXIS = 2 ** 26;

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * OVERLAPPING_SEATS: each seat closer than `minDistance` to an earlier seat, reported once
 * against the first such seat found.
 * @example overlappingSeats(seatEntries(doc), 10)
 */
export function overlappingSeats(
  seats: readonly SeatEntry[],
  minDistance = DEFAULT_MIN_SEAT_DISTANCE,
): ValidationProblem[] {
  const cells = new Map<number, number[]>();
  const problems: ValidationProblem[] = [];
  const min2 = minDistance * minDistance;
  seats.forEach((entry, i) => {
    const cx = Math.floor(entry.x / minDistance);
    const cy = Math.floor(entry.y / minDistance);
    const other = findNear(seats, cells, entry, cx, cy, min2);
    if (other) {
      const d = Math.hypot(entry.x - other.x, entry.y - other.y);
      problems.push({
        code: 'OVERLAPPING_SEATS',
        severity: 'error',
        path: entry.path,
        message: `${sentence(describeSeat(entry))} overlaps ${describeSeat(other)} (centres ${fmt(d)} apart, minimum ${minDistance}).`,
        elementIds: [other.seat.id, entry.seat.id],
      });
    }
    const key = cx * AXIS + cy;
    const cell = cells.get(key);
    if (cell) cell.push(i);
    else cells.set(key, [i]);
  });
  return problems;
}

function findNear(
  seats: readonly SeatEntry[],
  cells: Map<number, number[]>,
  entry: SeatEntry,
  cx: number,
  cy: number,
  min2: number,
): SeatEntry | undefined {
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const j of cells.get((cx + dx) * AXIS + cy + dy) ?? []) {
        const other = seats[j] as SeatEntry;
        const ex = other.x - entry.x;
        const ey = other.y - entry.y;
        if (ex * ex + ey * ey < min2) return other;
      }
    }
  }
  return undefined;
}
