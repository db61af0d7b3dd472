// Seats drawn on top of each other cannot both be picked. Circles of SEAT_RADIUS (the geometry
// package's definition of a seat) may not overlap; seats on different levels never do. Grid
// hashing with cells as wide as the minimum distance makes this linear: a seat can only overlap
// seats in its own or the eight neighbouring cells, and a cell holds a bounded number of
// non-overlapping seats. Typed-array buckets make it several times faster than querying the
// flatbush index once per seat (geometry/overlaps.ts), which matters at 100,000 seats.
import type { OverlapOptions } from '../../geometry/overlaps.ts';
import { SEAT_RADIUS } from '../../geometry/seat.ts';
import { describeSeat, sentence } from '../describe.ts';
import type { ValidationProblem } from '../problem.ts';
import { seatPath } from '../seat-entries.ts';
import type { SeatEntry } from '../seat-entries.ts';

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Seats bucketed by grid cell in typed arrays (a hashed grid sorted by counting sort): bucket b
 * holds `items[start[b]] … items[start[b + 1] - 1]`, ascending. Cells hash into a table twice
 * the seat count; a collision only costs extra distance checks, never a wrong answer.
 */
interface Grid {
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  readonly start: Int32Array;
  readonly items: Int32Array;
  readonly mask: number;
}

const bucket = (cx: number, cy: number, mask: number) =>
  (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & mask;

function buildGrid(seats: readonly SeatEntry[], min: number): Grid {
  const n = seats.length;
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  const of = new Int32Array(n);
  const start = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) {
    const e = seats[i] as SeatEntry;
    cx[i] = Math.floor(e.x / min);
    cy[i] = Math.floor(e.y / min);
    of[i] = bucket(cx[i] as number, cy[i] as number, mask);
    (start[(of[i] as number) + 1] as number)++;
  }
  for (let b = 0; b < size; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const fill = start.slice(0, size);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[(fill[of[i] as number] as number)++] = i;
  return { cx, cy, start, items, mask };
}

/** The earliest seat before i on the same level closer than `min`, or -1. */
function findEarlier(seats: readonly SeatEntry[], grid: Grid, i: number, min: number): number {
  const e = seats[i] as SeatEntry;
  let earliest = -1;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      const b = bucket((grid.cx[i] as number) + dx, (grid.cy[i] as number) + dy, grid.mask);
      for (let k = grid.start[b] as number; k < (grid.start[b + 1] as number); k++) {
        const j = grid.items[k] as number;
        if (j >= i || (earliest >= 0 && j >= earliest)) break;
        const o = seats[j] as SeatEntry;
        if (
          (o.x - e.x) ** 2 + (o.y - e.y) ** 2 < min * min &&
          o.section.level === e.section.level
        ) {
          earliest = j;
        }
      }
    }
  }
  return earliest;
}

function overlapProblem(entry: SeatEntry, other: SeatEntry, min: number): ValidationProblem {
  const d = Math.hypot(entry.x - other.x, entry.y - other.y);
  return {
    code: 'OVERLAPPING_SEATS',
    severity: 'error',
    path: seatPath(entry),
    message: `${sentence(describeSeat(entry))} overlaps ${describeSeat(other)} (centres ${fmt(d)} apart, at least ${fmt(min)} needed).`,
    elementIds: [other.seat.id, entry.seat.id],
  };
}

/**
 * OVERLAPPING_SEATS: each seat closer than 2·radius·factor to an earlier seat on the same level,
 * reported once, against the earliest such seat.
 * @example overlappingSeats(seatEntries(doc), { factor: 0.9 })
 */
export function overlappingSeats(
  seats: readonly SeatEntry[],
  options: OverlapOptions = {},
): ValidationProblem[] {
  const min = 2 * (options.radius ?? SEAT_RADIUS) * (options.factor ?? 1);
  if (!(min > 0)) throw new RangeError(`overlap distance must be positive, got ${min}`);
  const grid = buildGrid(seats, min);
  const problems: ValidationProblem[] = [];
  for (let i = 0; i < seats.length; i++) {
    const j = findEarlier(seats, grid, i, min);
    if (j >= 0) problems.push(overlapProblem(seats[i] as SeatEntry, seats[j] as SeatEntry, min));
  }
  return problems;
}
