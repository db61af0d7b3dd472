// What is under the pointer: one SeatIndex query for seats, then a short walk over the level's
// containers (a few hundred at most) for tables, GA areas, texts, shapes and sections.
import {
  applyTransform,
  boundsOfPoints,
  pointInPolygon,
  type Bounds,
  type Point,
  type SeatmapDocument,
  type Section,
} from '@parterre/seatmaps';
import type { Scene } from './scene.ts';
import { sectionGeometry } from './section-seats.ts';

export interface Hit {
  /** Id of the record to select: a row or table for a seat, else the record itself. */
  readonly id: string;
  /** The seat under the pointer, when there is one. */
  readonly seatId: string | null;
}

/** World bounds of a section (cached with its seat data). */
export function cachedSectionBounds(section: Section): Bounds | null {
  return sectionGeometry(section).bounds;
}

const inBounds = (b: Bounds | null, p: Point, pad = 0) =>
  !!b && p.x >= b.minX - pad && p.x <= b.maxX + pad && p.y >= b.minY - pad && p.y <= b.maxY + pad;

function hitInSection(s: Section, p: Point): string | null {
  const local = (q: Point) => applyTransform(s.transform, q);
  for (const t of s.tables) {
    const c = local(t.transform);
    if (Math.hypot(p.x - c.x, p.y - c.y) <= Math.max(t.width, t.height) / 2) return t.id;
  }
  for (const g of s.gaAreas) if (pointInPolygon(p, g.outline.map(local))) return g.id;
  if (s.outline.length >= 3) return pointInPolygon(p, s.outline.map(local)) ? s.id : null;
  return inBounds(cachedSectionBounds(s), p) ? s.id : null;
}

function hitDecoration(doc: SeatmapDocument, level: string, p: Point, pad: number): string | null {
  for (let i = doc.texts.length - 1; i >= 0; i--) {
    const t = doc.texts[i];
    if (!t || t.level !== level) continue;
    const w = t.text.length * t.fontSize * 0.6;
    if (
      p.x >= t.x - pad &&
      p.x <= t.x + w + pad &&
      p.y >= t.y - pad &&
      p.y <= t.y + t.fontSize + pad
    )
      return t.id;
  }
  for (let i = doc.shapes.length - 1; i >= 0; i--) {
    const s = doc.shapes[i];
    if (s && s.level === level && inBounds(boundsOfPoints(s.points), p, pad)) return s.id;
  }
  return null;
}

/**
 * The topmost selectable record at world point `p` on `level`. `tolerance` (world units) widens
 * thin targets so they stay clickable when zoomed out.
 * @example hitTest(doc, scene, 'main', { x: 10, y: 20 }, 4)?.id
 */
export function hitTest(
  doc: SeatmapDocument,
  scene: Scene,
  level: string,
  p: Point,
  tolerance = 0,
): Hit | null {
  const seat = scene.seatAt(level, p.x, p.y);
  if (seat) return { id: seat.owner, seatId: seat.id };
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const s = doc.sections[i];
    if (!s || s.level !== level || !inBounds(cachedSectionBounds(s), p, tolerance)) continue;
    const id = hitInSection(s, p);
    if (id) return { id, seatId: null };
  }
  const id = hitDecoration(doc, level, p, tolerance);
  return id ? { id, seatId: null } : null;
}
