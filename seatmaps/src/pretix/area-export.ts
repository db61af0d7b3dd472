// Parterre drawings → pretix areas, positioned relative to the zone that holds them. pretix has
// rectangles, ellipses, polygons and texts; lines become open polygons, standing areas and
// tables become drawings (reported by the caller).
import type { GaArea, Shape, Text } from '../model/elements.ts';
import type { Point } from '../model/primitives.ts';
import type { PretixArea, PretixPosition } from './schema.ts';
import type { ExportWarning } from './warnings.ts';

/**
 * pretix's schema types rectangle sizes and font sizes as integers (positions may be fractional),
 * and pretix checks uploads against it; drawings move by at most half a pixel.
 */
export const wholePixels = (v: number) => Math.max(1, Math.round(v));

const rel = (p: Point, origin: PretixPosition): PretixPosition => ({
  x: p.x - origin.x,
  y: p.y - origin.y,
});

function bounds(points: readonly Point[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const min = { x: Math.min(...xs), y: Math.min(...ys) };
  const max = { x: Math.max(...xs), y: Math.max(...ys) };
  return { min, max, centre: { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2 } };
}

const colors = (fill: string | undefined, stroke: string | undefined) => ({
  ...(fill ? { color: fill } : {}),
  ...(stroke ? { border_color: stroke } : {}),
});

/** A polygon area through world points, positioned at the first point. */
export function polygonArea(
  id: string,
  points: readonly Point[],
  origin: PretixPosition,
  extra: Partial<PretixArea> = {},
): PretixArea {
  const first = points[0] as Point;
  return {
    uuid: id,
    shape: 'polygon',
    position: rel(first, origin),
    polygon: { points: points.map((p) => rel(p, first)) },
    ...extra,
  };
}

/** Converts a shape; its label (if any) becomes the area's text, centred on it. */
export function shapeToArea(
  shape: Shape,
  origin: PretixPosition,
  warnings: ExportWarning[],
  path: string,
): PretixArea {
  const { min, max, centre } = bounds(shape.points);
  const text = shape.label ? { text: { text: shape.label, position: rel(centre, min) } } : {};
  const style = colors(shape.fill, shape.stroke);
  switch (shape.kind) {
    case 'rect':
      return {
        uuid: shape.id,
        shape: 'rectangle',
        position: rel(min, origin),
        rectangle: { width: wholePixels(max.x - min.x), height: wholePixels(max.y - min.y) },
        ...style,
        ...text,
      };
    case 'ellipse':
      return {
        uuid: shape.id,
        shape: 'ellipse',
        position: rel(centre, origin),
        ellipse: { radius: { x: (max.x - min.x) / 2, y: (max.y - min.y) / 2 } },
        ...style,
        ...(shape.label ? { text: { text: shape.label, position: { x: 0, y: 0 } } } : {}),
      };
    case 'line':
      warnings.push({
        code: 'LINE_AS_POLYGON',
        path,
        message: `line "${shape.id}" exported as a polygon (pretix has no lines)`,
      });
      return polygonArea(shape.id, shape.points, origin, { ...style });
    case 'polygon': {
      const first = shape.points[0] as Point;
      const label = shape.label
        ? { text: { text: shape.label, position: rel(centre, first) } }
        : {};
      return polygonArea(shape.id, shape.points, origin, { ...style, ...label });
    }
  }
}

/** Converts a text to a pretix text area at the text's position. */
export function textToArea(text: Text, origin: PretixPosition): PretixArea {
  return {
    uuid: text.id,
    shape: 'text',
    position: rel(text, origin),
    ...(text.rotation ? { rotation: text.rotation } : {}),
    text: {
      text: text.text,
      color: text.color,
      size: wholePixels(text.fontSize),
      position: { x: 0, y: 0 },
    },
  };
}

/** A standing area as a labelled polygon; pretix cannot sell it, the caller warns. */
export function gaToArea(
  area: GaArea,
  worldOutline: readonly Point[],
  origin: PretixPosition,
): PretixArea {
  const first = worldOutline[0] as Point;
  const { centre } = bounds(worldOutline);
  return polygonArea(area.id, worldOutline, origin, {
    text: { text: `${area.label} (${area.capacity})`, position: rel(centre, first) },
  });
}
