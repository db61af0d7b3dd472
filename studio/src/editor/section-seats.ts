// Per-section render data, computed once per section object (sections are immutable, so a
// WeakMap keyed by the section is an exact cache): seat centres in world coordinates packed in
// typed arrays, each seat's category, the world bounds and a hull for the zoomed-out view.
// An edit rebuilds only the sections it touched.
import {
  applyTransform,
  SEAT_RADIUS,
  type Bounds,
  type Point,
  type Section,
} from '@parterre/seatmaps';
import { cachedSectionBounds } from '../editor/hit-test.ts';

export interface SectionGeometry {
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  /** Category key per seat ('' for none), resolved seat → row/table → section. */
  readonly categories: readonly string[];
  readonly bounds: Bounds | null;
  /** Convex hull of the seats grown by a seat radius, or the outline; world coordinates. */
  readonly hull: readonly Point[];
  /** The category most of its seats have, for the zoomed-out fill. */
  readonly mainCategory: string;
}

const cache = new WeakMap<Section, SectionGeometry>();

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Andrew's monotone chain; fine for the few thousand seats of one section. */
function convexHull(points: Point[]): Point[] {
  if (points.length < 3) return points;
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const lower: Point[] = [];
  for (const q of p) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, q) <= 0
    )
      lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i] as Point;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, q) <= 0
    )
      upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

function build(section: Section): SectionGeometry {
  const xs: number[] = [];
  const ys: number[] = [];
  const categories: string[] = [];
  const push = (p: Point, category: string | undefined) => {
    xs.push(p.x);
    ys.push(p.y);
    categories.push(category ?? section.category ?? '');
  };
  for (const row of section.rows) {
    for (const s of row.seats)
      push(applyTransform(section.transform, s), s.category ?? row.category);
  }
  for (const t of section.tables) {
    for (const s of t.seats) {
      push(
        applyTransform(section.transform, applyTransform(t.transform, s)),
        s.category ?? t.category,
      );
    }
  }
  const corners: Point[] = [];
  const r = SEAT_RADIUS;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    corners.push(
      { x: x - r, y: y - r },
      { x: x + r, y: y - r },
      { x: x + r, y: y + r },
      { x: x - r, y: y + r },
    );
  }
  const outline = section.outline.map((p) => applyTransform(section.transform, p));
  return {
    xs: Float32Array.from(xs),
    ys: Float32Array.from(ys),
    categories,
    bounds: cachedSectionBounds(section),
    hull: outline.length >= 3 ? outline : convexHull(corners),
    mainCategory: mostCommon(categories) || (section.category ?? ''),
  };
}

/**
 * Render data of a section, cached per section object.
 * @example const g = sectionGeometry(section); g.xs.length // seats in the section
 */
export function sectionGeometry(section: Section): SectionGeometry {
  let g = cache.get(section);
  if (!g) {
    g = build(section);
    cache.set(section, g);
  }
  return g;
}
