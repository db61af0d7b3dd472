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

export interface RulerTick {
  /** Position along the ruler in screen pixels. */
  readonly screen: number;
  /** World coordinate (venue units) at that position. */
  readonly value: number;
  /** Labelled long tick (every fifth or so), else a short one. */
  readonly major: boolean;
}

/** Minimum screen distance between labelled ticks. */
const MAJOR_MIN_PX = 60;

/**
 * Ticks of a ruler `length` px long whose world origin sits at screen `offset` (camera.x or
 * camera.y): labelled every 1, 2 or 5 × 10ⁿ units so labels stay ≥ 60 px apart, with minor
 * ticks between them.
 * @example rulerTicks(0, 1, 300) // majors at 0, 100, 200 (labels ≥ 60 px apart)
 */
export function rulerTicks(offset: number, zoom: number, length: number): RulerTick[] {
  const raw = MAJOR_MIN_PX / zoom;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const major = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const minor = major / (major / pow === 2 ? 4 : 5);
  const first = Math.floor(-offset / zoom / minor) * minor;
  const last = (length - offset) / zoom;
  const out: RulerTick[] = [];
  for (let i = 0, v = first; v <= last && i < 1000; i++, v = first + i * minor) {
    const value = Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
    const isMajor = Math.abs(value / major - Math.round(value / major)) < 1e-6;
    out.push({ screen: offset + value * zoom, value, major: isMajor });
  }
  return out;
}
