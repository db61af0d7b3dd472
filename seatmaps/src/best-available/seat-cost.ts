// How good one seat is for a request: its distance to the focal point (the stage), normalised to
// 0…1 over the whole layout so costs from different venues compare alike, plus a penalty for a
// restricted view. Lower is better.
import type { Point } from '../model/primitives.ts';
import { RESTRICTED_VIEW } from './prepare.ts';
import type { PreparedBestAvailable } from './prepare.ts';

/** Added to a restricted-view seat's cost: as bad as a seat a fifth of the venue further away. */
export const RESTRICTED_VIEW_PENALTY = 0.2;

/**
 * Returns cost(seatIndex) for `focalPoint`.
 * @example const cost = seatCost(prepared, doc.focalPoint); cost(0) // 0.42
 */
export function seatCost(
  prepared: PreparedBestAvailable,
  focalPoint: Point,
): (i: number) => number {
  const { x, y, flags, bounds } = prepared;
  const fx = focalPoint.x;
  const fy = focalPoint.y;
  // The farthest bounding-box corner bounds every seat's distance, at O(1) per request.
  const far = Math.max(
    Math.hypot(bounds.minX - fx, bounds.minY - fy),
    Math.hypot(bounds.minX - fx, bounds.maxY - fy),
    Math.hypot(bounds.maxX - fx, bounds.minY - fy),
    Math.hypot(bounds.maxX - fx, bounds.maxY - fy),
  );
  const scale = far > 0 ? 1 / far : 1;
  // Math.sqrt rather than Math.hypot: this runs for every candidate seat, and hypot is slower.
  return (i) => {
    const dx = (x[i] as number) - fx;
    const dy = (y[i] as number) - fy;
    const penalty = (flags[i] as number) & RESTRICTED_VIEW ? RESTRICTED_VIEW_PENALTY : 0;
    return Math.sqrt(dx * dx + dy * dy) * scale + penalty;
  };
}
