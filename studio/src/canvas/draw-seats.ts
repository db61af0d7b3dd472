// Draws every seat of a level in one pass on the native 2D context, the way Konva's performance
// tips recommend for many similar items: no node per seat, no hit graph, sections outside the
// view skipped, one fill per colour run, and level of detail — filled section hulls when seats
// would be under ~1.5 px, squares up to ~3.5 px, circles above.
import { SEAT_RADIUS, type Bounds, type Section } from '@parterre/seatmaps';
import { sectionGeometry, type SectionGeometry } from '../editor/section-seats.ts';
import { detailFor, intersects } from './viewport.ts';

/** Colour of seats without a category (validation flags them). */
export const UNCATEGORISED = '#adb5bd';

export interface SeatDrawInput {
  readonly sections: readonly Section[];
  readonly level: string;
  readonly view: Bounds;
  readonly zoom: number;
  /** Category key → colour. */
  readonly colors: ReadonlyMap<string, string>;
}

function drawHull(ctx: CanvasRenderingContext2D, g: SectionGeometry, color: string): void {
  const first = g.hull[0];
  if (!first) return;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(first.x, first.y);
  for (let i = 1; i < g.hull.length; i++) {
    const p = g.hull[i];
    if (p) ctx.lineTo(p.x, p.y);
  }
  ctx.closePath();
  ctx.fill();
}

function drawSquares(
  ctx: CanvasRenderingContext2D,
  g: SectionGeometry,
  colorOf: (k: string) => string,
  view: Bounds,
): void {
  const size = SEAT_RADIUS * 1.7;
  const half = size / 2;
  let current = '';
  for (let i = 0; i < g.xs.length; i++) {
    const x = g.xs[i] as number;
    const y = g.ys[i] as number;
    if (
      x < view.minX - SEAT_RADIUS ||
      x > view.maxX + SEAT_RADIUS ||
      y < view.minY - SEAT_RADIUS ||
      y > view.maxY + SEAT_RADIUS
    )
      continue;
    const color = colorOf(g.categories[i] as string);
    if (color !== current) {
      ctx.fillStyle = color;
      current = color;
    }
    ctx.fillRect(x - half, y - half, size, size);
  }
}

function drawCircles(
  ctx: CanvasRenderingContext2D,
  g: SectionGeometry,
  colorOf: (k: string) => string,
  view: Bounds,
): void {
  const r = SEAT_RADIUS * 0.9;
  let current = '';
  ctx.beginPath();
  for (let i = 0; i < g.xs.length; i++) {
    const x = g.xs[i] as number;
    const y = g.ys[i] as number;
    if (x < view.minX - r || x > view.maxX + r || y < view.minY - r || y > view.maxY + r) continue;
    const color = colorOf(g.categories[i] as string);
    if (color !== current) {
      if (current) ctx.fill();
      ctx.beginPath();
      ctx.fillStyle = color;
      current = color;
    }
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  if (current) ctx.fill();
}

/**
 * Draws the seats of `level` visible in `view` (world coordinates; the context already carries
 * the camera transform). Returns how many sections were drawn.
 */
export function drawSeats(ctx: CanvasRenderingContext2D, input: SeatDrawInput): number {
  const detail = detailFor(input.zoom);
  const colorOf = (key: string) => input.colors.get(key) ?? UNCATEGORISED;
  let drawn = 0;
  for (const section of input.sections) {
    if (section.level !== input.level) continue;
    const g = sectionGeometry(section);
    if (!g.bounds || g.xs.length === 0 || !intersects(g.bounds, input.view)) continue;
    drawn++;
    if (detail === 'sections') drawHull(ctx, g, colorOf(g.mainCategory));
    else if (detail === 'squares') drawSquares(ctx, g, colorOf, input.view);
    else drawCircles(ctx, g, colorOf, input.view);
  }
  return drawn;
}
