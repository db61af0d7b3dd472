// Distances between points. Squared distance avoids a square root in hot comparison loops.
import type { Point } from '../model/primitives.ts';

/**
 * Euclidean distance between two points.
 * @example distance({ x: 0, y: 0 }, { x: 3, y: 4 }) // 5
 */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Squared Euclidean distance: compare it with a squared threshold.
 * @example distanceSquared(a, b) < r * r
 */
export function distanceSquared(a: Point, b: Point): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return dx * dx + dy * dy;
}
