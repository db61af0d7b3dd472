// Pan and zoom as pure arithmetic on a view (scale plus the screen position of the world origin),
// so gestures, wheel, keyboard and "zoom to section" share one tested set of rules.

export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** World point under a screen point. */
export function toWorld(view: View, p: Point): Point {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

/** Screen point of a world point. */
export function toScreen(view: View, p: Point): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Zooms by `factor` keeping the world point under `anchor` (a screen point) where it is.
 * @example zoomAt({ scale: 1, x: 0, y: 0 }, { x: 100, y: 50 }, 2, [0.1, 10]) // { scale: 2, x: -100, y: -50 }
 */
export function zoomAt(
  view: View,
  anchor: Point,
  factor: number,
  [minScale, maxScale]: readonly [number, number],
): View {
  const scale = clamp(view.scale * factor, minScale, maxScale);
  const world = toWorld(view, anchor);
  return { scale, x: anchor.x - world.x * scale, y: anchor.y - world.y * scale };
}

/**
 * The view that shows `bounds` centred in a `width` × `height` screen with `padding` pixels
 * around, capped at `maxScale`.
 */
export function fitView(
  bounds: Bounds,
  width: number,
  height: number,
  padding: number,
  maxScale: number,
): View {
  const w = Math.max(bounds.maxX - bounds.minX, 1);
  const h = Math.max(bounds.maxY - bounds.minY, 1);
  const scale = Math.min(
    maxScale,
    Math.max(width - 2 * padding, 1) / w,
    Math.max(height - 2 * padding, 1) / h,
  );
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { scale, x: width / 2 - cx * scale, y: height / 2 - cy * scale };
}

/**
 * The view after two fingers moved from `before` to `after`: the world point under the first
 * midpoint follows the new midpoint and the scale follows the finger distance.
 */
export function pinchView(
  view: View,
  before: readonly [Point, Point],
  after: readonly [Point, Point],
  limits: readonly [number, number],
): View {
  const dist = (p: readonly [Point, Point]) => Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
  const mid = (p: readonly [Point, Point]) => ({
    x: (p[0].x + p[1].x) / 2,
    y: (p[0].y + p[1].y) / 2,
  });
  const factor = dist(before) > 0 ? dist(after) / dist(before) : 1;
  const m0 = mid(before);
  const m1 = mid(after);
  const zoomed = zoomAt(view, m0, factor, limits);
  return { ...zoomed, x: zoomed.x + m1.x - m0.x, y: zoomed.y + m1.y - m0.y };
}

/** Bounds of points (minX > maxX when there are none). */
export function boundsOf(xs: ArrayLike<number>, ys: ArrayLike<number>, indexes?: number[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (i: number) => {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  if (indexes) for (const i of indexes) visit(i);
  else for (let i = 0; i < xs.length; i++) visit(i);
  return { minX, minY, maxX, maxY };
}
