// On-canvas handles (tldraw's selection handles, excalidraw's linear element editor): the frame
// round the selection with eight resize handles and a rotate handle above it, and the vertices
// and edge midpoints of the one polygon being edited. Shared by the select tool (hit-testing) and
// the overlay layer (drawing), so what is drawn is what can be grabbed.
import {
  applyTransform,
  boundsOfPoints,
  invertTransform,
  SEAT_RADIUS,
  type Bounds,
  type Point,
  type SeatmapDocument,
  type Section,
} from '@parterre/seatmaps';
import { apply, rotation } from './affine.ts';
import { elementIndex } from './element-index.ts';
import { cachedSectionBounds } from './hit-test.ts';
import type { Scene } from './scene.ts';
import type { Camera } from './types.ts';

/** The selection's box in axes turned `angle` degrees (frame coordinates = R(−angle)·world). */
export interface Frame {
  readonly angle: number;
  readonly bounds: Bounds;
}

export type ResizeHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export type HandleId = ResizeHandle | 'rotate';

/** Handle size on screen; touch gets a wider grab radius. */
export const HANDLE_PX = 8;
export const TOUCH_HANDLE_PX = 16;
/** Distance of the rotate handle above the frame, in screen pixels. */
export const ROTATE_OFFSET_PX = 28;

/** Where each resize handle sits on the frame, as fractions of its width and height. */
export const HANDLE_SPOTS: Readonly<Record<ResizeHandle, readonly [number, number]>> = {
  nw: [0, 0],
  n: [0.5, 0],
  ne: [1, 0],
  e: [1, 0.5],
  se: [1, 1],
  s: [0.5, 1],
  sw: [0, 1],
  w: [0, 0.5],
};

const toFrame = (angle: number, p: Point) => apply(rotation(-angle), p);
export const fromFrame = (angle: number, p: Point) => apply(rotation(angle), p);
export const worldToFrame = toFrame;

function grow(b: Bounds, p: Point, pad = 0): Bounds {
  return {
    minX: Math.min(b.minX, p.x - pad),
    minY: Math.min(b.minY, p.y - pad),
    maxX: Math.max(b.maxX, p.x + pad),
    maxY: Math.max(b.maxY, p.y + pad),
  };
}

const EMPTY: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

/** A section's content in its own axes, offset into frame coordinates (cached per section). */
const localBoundsCache = new WeakMap<Section, Bounds>();
function sectionFrameBounds(s: Section): Bounds {
  let b = localBoundsCache.get(s);
  if (!b) {
    b = EMPTY;
    for (const p of s.outline) b = grow(b, p);
    for (const r of s.rows) for (const seat of r.seats) b = grow(b, seat, SEAT_RADIUS);
    for (const t of s.tables) {
      b = grow(b, t.transform, Math.max(t.width, t.height) / 2 + SEAT_RADIUS * 2);
    }
    for (const g of s.gaAreas) for (const p of g.outline) b = grow(b, p);
    localBoundsCache.set(s, b);
  }
  const o = toFrame(s.transform.rotation, s.transform);
  return { minX: b.minX + o.x, minY: b.minY + o.y, maxX: b.maxX + o.x, maxY: b.maxY + o.y };
}

/** World bounds of one selected record, or null for seats and unknown ids. */
export function recordBounds(doc: SeatmapDocument, scene: Scene, id: string): Bounds | null {
  const ref = elementIndex(doc).get(id);
  if (!ref || ref.type === 'seat') return null;
  if (ref.type === 'shape') return boundsOfPoints(doc.shapes[ref.shape]?.points ?? []);
  if (ref.type === 'text') {
    const t = doc.texts[ref.text];
    if (!t) return null;
    return {
      minX: t.x,
      minY: t.y,
      maxX: t.x + t.text.length * t.fontSize * 0.6,
      maxY: t.y + t.fontSize,
    };
  }
  const s = doc.sections[ref.section];
  if (!s) return null;
  if (ref.type === 'section') return cachedSectionBounds(s);
  const local = (p: Point) => applyTransform(s.transform, p);
  let b = EMPTY;
  if (ref.type === 'row') {
    for (const seat of s.rows[ref.row]?.seats ?? []) {
      const p = scene.seatPosition(seat.id);
      if (p) b = grow(b, p, SEAT_RADIUS);
    }
  } else if (ref.type === 'table') {
    const t = s.tables[ref.table];
    if (t) b = grow(b, local(t.transform), Math.max(t.width, t.height) / 2 + SEAT_RADIUS * 2);
  } else {
    for (const p of s.gaAreas[ref.ga]?.outline ?? []) b = grow(b, local(p));
  }
  return Number.isFinite(b.minX) ? b : null;
}

/**
 * The frame round the selection, or null when nothing transformable is selected (seats alone
 * move but do not scale). One section gets a frame turned with it; anything else an
 * axis-aligned one.
 */
export function selectionFrame(
  doc: SeatmapDocument,
  scene: Scene,
  ids: readonly string[],
): Frame | null {
  if (ids.length === 0) return null;
  const refs = elementIndex(doc);
  if (ids.length === 1) {
    const ref = refs.get(ids[0] as string);
    const s = ref?.type === 'section' ? doc.sections[ref.section] : undefined;
    if (s && s.transform.rotation !== 0) {
      const bounds = sectionFrameBounds(s);
      return Number.isFinite(bounds.minX) ? { angle: s.transform.rotation, bounds } : null;
    }
  }
  let b = EMPTY;
  for (const id of ids) {
    const r = recordBounds(doc, scene, id);
    if (!r) return null;
    b = grow(grow(b, { x: r.minX, y: r.minY }), { x: r.maxX, y: r.maxY });
  }
  return Number.isFinite(b.minX) ? { angle: 0, bounds: b } : null;
}

/**
 * Screen pixels along the canvas's top and left edges that the rulers cover (canvas/Rulers.tsx),
 * plus a handle's size: a rotate knob nearer the edge than this cannot be grabbed.
 */
export const KNOB_CLEARANCE_PX = 20 + HANDLE_PX;

/** Where the rotate knob goes in frame coordinates: above the top edge, or below the bottom. */
function knobSpot(frame: Frame, zoom: number, below: boolean): Point {
  const { minX, minY, maxX, maxY } = frame.bounds;
  const y = below ? maxY + ROTATE_OFFSET_PX / zoom : minY - ROTATE_OFFSET_PX / zoom;
  return fromFrame(frame.angle, { x: (minX + maxX) / 2, y });
}

/**
 * Whether the rotate knob flips below the frame: above it, it would sit under a ruler (a
 * selection at the very top or left of the view) where it could not be grabbed.
 */
export function knobBelow(frame: Frame, camera: Camera): boolean {
  const above = knobSpot(frame, camera.zoom, false);
  const sx = above.x * camera.zoom + camera.x;
  const sy = above.y * camera.zoom + camera.y;
  return sy < KNOB_CLEARANCE_PX || sx < KNOB_CLEARANCE_PX;
}

/**
 * World position of a handle of `frame` seen through `camera`; the rotate handle sits
 * `ROTATE_OFFSET_PX` above the frame, or below it when above is under a ruler.
 */
export function handlePoint(frame: Frame, id: HandleId, camera: Camera): Point {
  if (id === 'rotate') return knobSpot(frame, camera.zoom, knobBelow(frame, camera));
  const { minX, minY, maxX, maxY } = frame.bounds;
  const [fx, fy] = HANDLE_SPOTS[id];
  return fromFrame(frame.angle, { x: minX + (maxX - minX) * fx, y: minY + (maxY - minY) * fy });
}

export function frameCentre(frame: Frame): Point {
  const { minX, minY, maxX, maxY } = frame.bounds;
  return fromFrame(frame.angle, { x: (minX + maxX) / 2, y: (minY + maxY) / 2 });
}

/** A frame's four corners in world space, clockwise from the top left of its unturned box. */
export function frameCorners(frame: Frame): Point[] {
  const { minX, minY, maxX, maxY } = frame.bounds;
  return [
    { x: minX, y: minY },
    { x: maxX, y: minY },
    { x: maxX, y: maxY },
    { x: minX, y: maxY },
  ].map((p) => fromFrame(frame.angle, p));
}

export const HANDLE_IDS: readonly HandleId[] = [
  'rotate',
  'nw',
  'ne',
  'se',
  'sw',
  'n',
  'e',
  's',
  'w',
];

/** The handle within `radiusPx` screen pixels of world point `p`, rotate and corners first. */
export function hitHandle(
  frame: Frame,
  p: Point,
  camera: Camera,
  radiusPx: number,
): HandleId | null {
  const { minX, minY, maxX, maxY } = frame.bounds;
  const { zoom } = camera;
  // Edge handles of a frame a few pixels wide would cover the corners: leave them out.
  const small = Math.min(maxX - minX, maxY - minY) * zoom < radiusPx * 4;
  for (const id of HANDLE_IDS) {
    if (small && id.length === 1) continue;
    const h = handlePoint(frame, id, camera);
    if (Math.hypot(h.x - p.x, h.y - p.y) * zoom <= radiusPx) return id;
  }
  return null;
}

// ── Polygon vertices ────────────────────────────────────────────────────────────────────────

/** Whether `id` is a record whose outline can be edited vertex by vertex. */
export function isPolygonRecord(doc: SeatmapDocument, id: string): boolean {
  return polygonOf(doc, id) !== null;
}

/**
 * The editable polygon of a record in world coordinates: a section outline (≥ 3 points), a
 * standing area, or a polygon, line or rectangle shape (its corners). `closed` is false for lines.
 */
export function polygonOf(
  doc: SeatmapDocument,
  id: string,
): { readonly points: readonly Point[]; readonly closed: boolean; readonly min: number } | null {
  const ref = elementIndex(doc).get(id);
  if (!ref) return null;
  if (ref.type === 'shape') {
    const s = doc.shapes[ref.shape];
    if (!s || s.kind === 'ellipse') return null;
    if (s.kind === 'rect') return { points: rectCorners(s.points), closed: true, min: 3 };
    const closed = s.kind === 'polygon';
    return { points: s.points, closed, min: closed ? 3 : 2 };
  }
  if (ref.type !== 'section' && ref.type !== 'ga') return null;
  const s = doc.sections[ref.section];
  if (!s) return null;
  const outline = ref.type === 'section' ? s.outline : s.gaAreas[ref.ga]?.outline;
  if (!outline || outline.length < 3) return null;
  return { points: outline.map((p) => applyTransform(s.transform, p)), closed: true, min: 3 };
}

/** A rectangle shape's four corners, clockwise from its first point (editing makes it a polygon). */
export function rectCorners(points: readonly Point[]): Point[] {
  const [a, b] = points as [Point, Point];
  return [a, { x: b.x, y: a.y }, b, { x: a.x, y: b.y }];
}

/** The section a section outline or standing area belongs to (for world → local), or null. */
export function polygonSection(doc: SeatmapDocument, id: string): Section | null {
  const ref = elementIndex(doc).get(id);
  if (!ref || (ref.type !== 'section' && ref.type !== 'ga')) return null;
  return doc.sections[ref.section] ?? null;
}

export const toSectionLocal = (s: Section | null, p: Point): Point =>
  s ? invertTransform(s.transform, p) : p;

/** Midpoints of the polygon's edges: index i is the edge from vertex i to vertex i + 1. */
export function edgeMidpoints(points: readonly Point[], closed: boolean): Point[] {
  const out: Point[] = [];
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const a = points[i] as Point;
    const b = points[(i + 1) % points.length] as Point;
    out.push({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  }
  return out;
}

/** Index of the vertex (or edge midpoint) within `radiusPx` of `p`, or -1. */
export function nearestWithin(
  points: readonly Point[],
  p: Point,
  zoom: number,
  radiusPx: number,
): number {
  let best = -1;
  let bestD = Infinity;
  points.forEach((q, i) => {
    const d = Math.hypot(q.x - p.x, q.y - p.y) * zoom;
    if (d <= radiusPx && d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** Index of the edge within `radiusPx` of `p` (for a double click on an edge), or -1. */
export function edgeAt(
  points: readonly Point[],
  closed: boolean,
  p: Point,
  zoom: number,
  radiusPx: number,
): number {
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const a = points[i] as Point;
    const b = points[(i + 1) % points.length] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    const d = Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y) * zoom;
    if (d <= radiusPx) return i;
  }
  return -1;
}
