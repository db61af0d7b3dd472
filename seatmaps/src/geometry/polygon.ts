// Polygon measures for section outlines and GA areas. Polygons are closed implicitly: the last
// vertex connects back to the first.
import type { Point } from '../model/primitives.ts';

/**
 * Area of a simple polygon (shoelace formula), whatever its winding; 0 below three vertices.
 * @example polygonArea([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 3 }]) // 6
 */
export function polygonArea(polygon: readonly Point[]): number {
  if (polygon.length < 3) return 0;
  let twice = 0;
  let prev = polygon[polygon.length - 1] as Point;
  for (const p of polygon) {
    twice += prev.x * p.y - p.x * prev.y;
    prev = p;
  }
  return Math.abs(twice) / 2;
}

/**
 * Whether `p` lies inside `polygon` (even-odd rule, so self-intersecting outlines behave like
 * SVG's `fill-rule: evenodd`). Points exactly on an edge may fall either way.
 * @example pointInPolygon({ x: 1, y: 1 }, square) // true
 */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  let prev = polygon[polygon.length - 1];
  for (const cur of polygon) {
    if (prev && cur.y > p.y !== prev.y > p.y) {
      const xCross = prev.x + ((p.y - prev.y) * (cur.x - prev.x)) / (cur.y - prev.y);
      if (p.x < xCross) inside = !inside;
    }
    prev = cur;
  }
  return inside;
}
