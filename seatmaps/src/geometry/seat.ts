// A seat, for hit-testing, bounds and overlap checks, is a circle of fixed radius around its
// position. Plans are drawn in abstract units; generators and samples space seats relative to
// this radius so every consumer agrees on what "touching" means.
import type { Point } from '../model/primitives.ts';
import { distanceSquared } from './points.ts';

/** Radius of a seat's circle in plan units. */
export const SEAT_RADIUS = 10;

/** Closest centre-to-centre distance generators and samples use (10 % air between circles). */
export const MIN_SEAT_SPACING = 2.2 * SEAT_RADIUS;

/**
 * Whether `p` falls on the seat at `seat` (inside its circle of `radius`, boundary included).
 * @example hitSeat({ x: 0, y: 0 }, { x: 3, y: 4 }) // true: 5 ≤ SEAT_RADIUS
 */
export function hitSeat(seat: Point, p: Point, radius = SEAT_RADIUS): boolean {
  return distanceSquared(seat, p) <= radius * radius;
}
