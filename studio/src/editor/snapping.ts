// Snapping a selection to other objects (tldraw's BoundsSnaps): the left, centre and right
// (top, middle, bottom) lines of the moving box snap to the same lines of other objects' boxes
// when they come within a few screen pixels, each axis on its own, and a guide line shows every
// alignment that snapped. Pure functions over bounds; the select tool collects the targets once
// per gesture (snap-targets.ts), so a drag frame costs a few comparisons per visible object.
import type { Bounds } from '@parterre/seatmaps';

/** How close (screen pixels) a line must come to another object's line to snap to it. */
export const SNAP_PX = 6;

/** A guide line: `axis` 'x' is the vertical line x = at from y = from to y = to, 'y' horizontal. */
export interface SnapGuide {
  readonly axis: 'x' | 'y';
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Per axis, the offset that snaps the box (null: nothing within reach), and the guides. */
export interface SnapResult {
  readonly x: number | null;
  readonly y: number | null;
  readonly guides: readonly SnapGuide[];
}

type Axis = 'x' | 'y';

/** Two values count as aligned below this (world units): float error after a snap offset. */
const ALIGNED = 1e-6;

/** The three snap lines of a box on one axis: both edges and the centre. */
export function snapLines(b: Bounds, axis: Axis): readonly [number, number, number] {
  const lo = axis === 'x' ? b.minX : b.minY;
  const hi = axis === 'x' ? b.maxX : b.maxY;
  return [lo, (lo + hi) / 2, hi];
}

/**
 * The smallest offset (|offset| ≤ threshold) that puts one of `values` on one of the targets'
 * lines, or null.
 * @example nearestOffset([10], [{ minX: 12, minY: 0, maxX: 20, maxY: 5 }], 'x', 3) // 2
 */
export function nearestOffset(
  values: readonly number[],
  targets: readonly Bounds[],
  axis: Axis,
  threshold: number,
): number | null {
  let best: number | null = null;
  for (const t of targets) {
    for (const line of snapLines(t, axis)) {
      for (const v of values) {
        const d = line - v;
        if (Math.abs(d) <= threshold && (best === null || Math.abs(d) < Math.abs(best))) best = d;
      }
    }
  }
  return best;
}

/**
 * Guides for every line of `b` on `axis` that lies on a target's line, each spanning `b` and
 * the targets it lines up with.
 */
export function guidesFor(b: Bounds, targets: readonly Bounds[], axis: Axis): SnapGuide[] {
  const across: Axis = axis === 'x' ? 'y' : 'x';
  const guides: SnapGuide[] = [];
  for (const at of new Set(snapLines(b, axis))) {
    const [lo, , hi] = snapLines(b, across);
    let from = lo;
    let to = hi;
    let hit = false;
    for (const t of targets) {
      if (!snapLines(t, axis).some((line) => Math.abs(line - at) <= ALIGNED * (1 + Math.abs(at))))
        continue;
      const [tlo, , thi] = snapLines(t, across);
      from = Math.min(from, tlo);
      to = Math.max(to, thi);
      hit = true;
    }
    if (hit) guides.push({ axis, at, from, to });
  }
  return guides;
}

export const offsetBounds = (b: Bounds, dx: number, dy: number): Bounds => ({
  minX: b.minX + dx,
  minY: b.minY + dy,
  maxX: b.maxX + dx,
  maxY: b.maxY + dy,
});

/**
 * Snaps a moving box: per axis the offset that lines one of its edges or its centre up with
 * another box, and the guides drawn once that offset is applied.
 * @example snapMove(box, others, SNAP_PX / zoom).x // add to the drag's x, or null
 */
export function snapMove(
  moving: Bounds,
  targets: readonly Bounds[],
  threshold: number,
): SnapResult {
  const x = nearestOffset(snapLines(moving, 'x'), targets, 'x', threshold);
  const y = nearestOffset(snapLines(moving, 'y'), targets, 'y', threshold);
  const snapped = offsetBounds(moving, x ?? 0, y ?? 0);
  const guides = [
    ...(x === null ? [] : guidesFor(snapped, targets, 'x')),
    ...(y === null ? [] : guidesFor(snapped, targets, 'y')),
  ];
  return { x, y, guides };
}

/**
 * Snaps one dragged edge (a resize handle) at `value` on `axis` to the nearest line of a target:
 * the snapped value, or null when nothing is within `threshold`.
 */
export function snapEdge(
  value: number,
  targets: readonly Bounds[],
  axis: Axis,
  threshold: number,
): number | null {
  const d = nearestOffset([value], targets, axis, threshold);
  return d === null ? null : value + d;
}
