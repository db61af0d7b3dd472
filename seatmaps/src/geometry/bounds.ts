// Axis-aligned bounds in world coordinates, for zoom-to-fit, viewport culling and the checks
// that seats stay inside the document's size. Empty inputs give `null`, not an infinite box, so
// callers cannot mistake "nothing" for "everything".
import type { SeatmapDocument } from '../model/document.ts';
import type { Section } from '../model/elements.ts';
import type { Point, Transform } from '../model/primitives.ts';
import { SEAT_RADIUS } from './seat.ts';
import { applyTransform } from './transform.ts';

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * Bounds of a set of points, or `null` for none.
 * @example boundsOfPoints([{ x: 1, y: 5 }, { x: 3, y: 2 }]) // { minX: 1, minY: 2, maxX: 3, maxY: 5 }
 */
export function boundsOfPoints(points: Iterable<Point>): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/**
 * Grows bounds by `margin` on every side (`null` stays `null`).
 * @example expandBounds(documentBounds(doc), 50) // zoom-to-fit with a margin
 */
export function expandBounds(b: Bounds | null, margin: number): Bounds | null {
  if (!b) return null;
  return {
    minX: b.minX - margin,
    minY: b.minY - margin,
    maxX: b.maxX + margin,
    maxY: b.maxY + margin,
  };
}

/**
 * The smallest bounds holding both; `null` counts as empty.
 * @example unionBounds(sectionBounds(a), sectionBounds(b))
 */
export function unionBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) return b;
  if (!b) return a;
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

/**
 * Bounds of seat circles (centres grown by `radius`).
 * @example boundsOfSeats(layout.seats)
 */
export function boundsOfSeats(seats: Iterable<Point>, radius = SEAT_RADIUS): Bounds | null {
  return expandBounds(boundsOfPoints(seats), radius);
}

function* mapPoints(points: Iterable<Point>, f: (p: Point) => Point): Iterable<Point> {
  for (const p of points) yield f(p);
}

function* sectionSeats(section: Section): Iterable<Point> {
  const toWorld = (p: Point) => applyTransform(section.transform, p);
  for (const row of section.rows) yield* mapPoints(row.seats, toWorld);
  for (const table of section.tables) {
    const t: Transform = table.transform;
    yield* mapPoints(table.seats, (p) => toWorld(applyTransform(t, p)));
  }
}

/**
 * World bounds of a section: its outline, its seat circles and its GA areas.
 * Tables count by their seats (a table without seats has no extent here).
 * @example const b = sectionBounds(section); // selection box in the studio
 */
export function sectionBounds(section: Section): Bounds | null {
  const toWorld = (p: Point) => applyTransform(section.transform, p);
  let b = boundsOfPoints(mapPoints(section.outline, toWorld));
  b = unionBounds(b, boundsOfSeats(sectionSeats(section)));
  for (const area of section.gaAreas)
    b = unionBounds(b, boundsOfPoints(mapPoints(area.outline, toWorld)));
  return b;
}

/**
 * World bounds of everything drawn: sections, shapes and the anchor points of texts (their
 * rendered extent depends on fonts, which only the renderer knows).
 * @example const b = documentBounds(doc); if (b) zoomToFit(b);
 */
export function documentBounds(doc: SeatmapDocument): Bounds | null {
  let b: Bounds | null = null;
  for (const section of doc.sections) b = unionBounds(b, sectionBounds(section));
  for (const shape of doc.shapes) b = unionBounds(b, boundsOfPoints(shape.points));
  return unionBounds(b, boundsOfPoints(doc.texts));
}
