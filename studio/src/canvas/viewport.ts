// Screen ↔ world conversions and the level of detail for a camera. Pure, so they are unit-tested.
import { SEAT_RADIUS, type Bounds, type Point } from '@parterre/seatmaps';
import type { Camera } from '../editor/types.ts';

/** How seats are drawn at a zoom: section hulls, squares, or circles. */
export type Detail = 'sections' | 'squares' | 'circles';

/** Seat radius on screen (px) below which sections are drawn as filled hulls. */
export const HULL_BELOW_PX = 1.5;
/** Seat radius on screen (px) below which seats are drawn as squares (much cheaper than arcs). */
export const SQUARES_BELOW_PX = 3.5;

export function detailFor(zoom: number): Detail {
  const r = SEAT_RADIUS * zoom;
  if (r < HULL_BELOW_PX) return 'sections';
  return r < SQUARES_BELOW_PX ? 'squares' : 'circles';
}

export function screenToWorld(camera: Camera, sx: number, sy: number): Point {
  return { x: (sx - camera.x) / camera.zoom, y: (sy - camera.y) / camera.zoom };
}

/** The world rectangle the camera shows in a viewport of `width` × `height` px. */
export function visibleWorld(camera: Camera, width: number, height: number): Bounds {
  const a = screenToWorld(camera, 0, 0);
  const b = screenToWorld(camera, width, height);
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}
