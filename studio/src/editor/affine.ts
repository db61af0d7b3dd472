// Linear maps applied to records: scaling and rotating rows, tables, outlines and shapes about a
// point. A row keeps its generator (a straight row stays straight, an arc stays an arc), so a
// non-uniform scale of an arc row uses the mean factor — seat plans have no elliptic rows.
import {
  regenerateRow,
  regenerateTable,
  type GaArea,
  type Point,
  type Row,
  type Section,
  type Table,
} from '@parterre/seatmaps';

/** A 2×2 matrix: (x, y) → (a·x + b·y, c·x + d·y). */
export interface Linear {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

const DEG = Math.PI / 180;
const round = (v: number) => Math.round(v * 100) / 100;

export const rotation = (deg: number): Linear => {
  const cos = Math.cos(deg * DEG);
  const sin = Math.sin(deg * DEG);
  return { a: cos, b: -sin, c: sin, d: cos };
};

export const multiply = (m: Linear, n: Linear): Linear => ({
  a: m.a * n.a + m.b * n.c,
  b: m.a * n.b + m.b * n.d,
  c: m.c * n.a + m.d * n.c,
  d: m.c * n.b + m.d * n.d,
});

/** Scale by (sx, sy) along axes turned `deg` degrees: R(deg) · diag(sx, sy) · R(−deg). */
export const scaleAlong = (sx: number, sy: number, deg: number): Linear =>
  multiply(rotation(deg), multiply({ a: sx, b: 0, c: 0, d: sy }, rotation(-deg)));

export const apply = (m: Linear, p: Point): Point => ({
  x: m.a * p.x + m.b * p.y,
  y: m.c * p.x + m.d * p.y,
});

/** The map p → about + m·(p − about), rounded to hundredths like the generators. */
export function about(m: Linear, centre: Point): (p: Point) => Point {
  return (p) => {
    const q = apply(m, { x: p.x - centre.x, y: p.y - centre.y });
    return { x: round(centre.x + q.x), y: round(centre.y + q.y) };
  };
}

const det = (m: Linear) => m.a * m.d - m.b * m.c;
const length = (p: Point) => Math.hypot(p.x, p.y);
const angleOf = (p: Point) => Math.atan2(p.y, p.x) / DEG;
/** How much `m` stretches lengths on average (1 for rotations). */
export const meanScale = (m: Linear) => Math.sqrt(Math.abs(det(m)));

/** A row mapped by `f` (whose linear part is `m`), its generator kept. */
export function mapRow(row: Row, f: (p: Point) => Point, m: Linear, now: number): Row {
  const g = row.generator;
  if (g.kind === 'manual') {
    return {
      ...row,
      seats: row.seats.map((s) => ({ ...s, ...f(s) })),
      version: row.version + 1,
      updated: now,
    };
  }
  if (g.kind === 'straight') {
    const along = apply(m, { x: Math.cos(g.angle * DEG), y: Math.sin(g.angle * DEG) });
    const across = apply(m, { x: -Math.sin(g.angle * DEG), y: Math.cos(g.angle * DEG) });
    const generator = {
      ...g,
      start: f(g.start),
      spacing: round(g.spacing * length(along)),
      angle: round(angleOf(along)),
      skew: round(g.skew * length(across)),
    };
    return regenerateRow({ ...row, generator }, { now });
  }
  const k = meanScale(m);
  const mid = apply(m, { x: Math.cos(g.midAngle * DEG), y: Math.sin(g.midAngle * DEG) });
  const generator = {
    ...g,
    center: f(g.center),
    radius: round(g.radius * k),
    spacing: round(g.spacing * k),
    midAngle: round(angleOf(mid)),
  };
  return regenerateRow({ ...row, generator }, { now });
}

/** A table mapped by `f`/`m`: moved, turned with the map, its top stretched, chairs regenerated. */
export function mapTable(t: Table, f: (p: Point) => Point, m: Linear, now: number): Table {
  const r = t.transform.rotation;
  const along = apply(m, { x: Math.cos(r * DEG), y: Math.sin(r * DEG) });
  const across = apply(m, { x: -Math.sin(r * DEG), y: Math.cos(r * DEG) });
  const round1 = t.shape === 'round';
  const k = meanScale(m);
  const width = Math.max(1, round(t.width * (round1 ? k : length(along))));
  const height = Math.max(1, round(t.height * (round1 ? k : length(across))));
  const transform = { ...f(t.transform), rotation: round(angleOf(along)) };
  return regenerateTable({ ...t, transform, width, height }, { now });
}

export function mapGa(g: GaArea, f: (p: Point) => Point, now: number): GaArea {
  return { ...g, outline: g.outline.map(f), version: g.version + 1, updated: now };
}

/** A section's content (outline, rows, tables, standing areas) under a linear map of its local space. */
export function mapSectionContent(s: Section, m: Linear, now: number): Section {
  const f = about(m, { x: 0, y: 0 });
  return {
    ...s,
    outline: s.outline.map(f),
    rows: s.rows.map((r) => mapRow(r, f, m, now)),
    tables: s.tables.map((t) => mapTable(t, f, m, now)),
    gaAreas: s.gaAreas.map((g) => mapGa(g, f, now)),
  };
}

/** `m` (a map of world space) seen in the local space of a container turned `deg` degrees. */
export const inLocal = (m: Linear, deg: number): Linear =>
  multiply(rotation(-deg), multiply(m, rotation(deg)));
