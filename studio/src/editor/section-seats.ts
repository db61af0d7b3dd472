// Per-section seat data for hit-testing and drawing, computed once per section object (sections
// are immutable, so a WeakMap keyed by the section is an exact cache): seat centres in world
// coordinates packed in typed arrays, ids, owners, categories, world bounds, a hull for the
// zoomed-out view and a seatmaps SeatIndex. An edit rebuilds only the sections it touched,
// which keeps editing an 80,000-seat stadium interactive.
import {
  applyTransform,
  SEAT_RADIUS,
  SeatIndex,
  sectionBounds,
  type Bounds,
  type Point,
  type Section,
} from '@parterre/seatmaps';

export interface SectionGeometry {
  /** Seats in section order: rows' seats, then tables' seats. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly ids: readonly string[];
  /** Id of the row or table each seat belongs to. */
  readonly owners: readonly string[];
  /** Position in xs/ys of the first seat of each row, then of each table. */
  readonly rowOffsets: readonly number[];
  readonly tableOffsets: readonly number[];
  /** Category key per seat ('' for none), resolved seat → row/table → section. */
  readonly categories: readonly string[];
  readonly bounds: Bounds | null;
  /** Convex hull of the seats grown by a seat radius, or the outline; world coordinates. */
  readonly hull: readonly Point[];
  /** The category most of its seats have, for the zoomed-out fill. */
  readonly mainCategory: string;
  /** Spatial index over xs/ys (built on first use). */
  readonly index: SeatIndex;
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

function hullOf(xs: readonly number[], ys: readonly number[]): Point[] {
  const corners: Point[] = [];
  const r = SEAT_RADIUS;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    corners.push({ x: x - r, y: y - r }, { x: x + r, y: y - r });
    corners.push({ x: x + r, y: y + r }, { x: x - r, y: y + r });
  }
  return convexHull(corners);
}

function build(section: Section): SectionGeometry {
  const xs: number[] = [];
  const ys: number[] = [];
  const ids: string[] = [];
  const owners: string[] = [];
  const categories: string[] = [];
  const push = (p: Point, id: string, owner: string, category: string | undefined) => {
    xs.push(p.x);
    ys.push(p.y);
    ids.push(id);
    owners.push(owner);
    categories.push(category ?? section.category ?? '');
  };
  const toWorld = (p: Point) => applyTransform(section.transform, p);
  const rowOffsets = section.rows.map((row) => {
    const at = xs.length;
    for (const s of row.seats) push(toWorld(s), s.id, row.id, s.category ?? row.category);
    return at;
  });
  const tableOffsets = section.tables.map((t) => {
    const at = xs.length;
    for (const s of t.seats) {
      push(toWorld(applyTransform(t.transform, s)), s.id, t.id, s.category ?? t.category);
    }
    return at;
  });
  const outline = section.outline.map(toWorld);
  const fx = Float64Array.from(xs);
  const fy = Float64Array.from(ys);
  let index: SeatIndex | null = null;
  return {
    xs: fx,
    ys: fy,
    ids,
    owners,
    rowOffsets,
    tableOffsets,
    categories,
    bounds: sectionBounds(section),
    hull: outline.length >= 3 ? outline : hullOf(xs, ys),
    mainCategory: mostCommon(categories) || (section.category ?? ''),
    get index() {
      index ??= SeatIndex.build(xs.map((x, i) => ({ x, y: ys[i] as number })));
      return index;
    },
  };
}

/**
 * Seat data of a section, cached per section object.
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
