// pretix areas (drawn rectangles, ellipses, circles, polygons and texts) become Parterre shapes
// and texts in world coordinates. An area's `position` is in its zone's coordinates and the
// area is rotated clockwise around it; polygon points and the text's position are relative to
// it, in the area's rotated frame.
import type { ShapeId, TextId } from '../model/ids.ts';
import type { Shape, Text } from '../model/elements.ts';
import type { Point } from '../model/primitives.ts';
import { applyTransform } from '../geometry/transform.ts';
import { normalizeColor } from './colors.ts';
import type { PretixArea, PretixPosition } from './schema.ts';
import type { UniqueIds } from './unique-ids.ts';
import type { ImportWarning } from './warnings.ts';

/** Segments used when a rotated ellipse has to be drawn as a polygon. */
const ELLIPSE_SEGMENTS = 48;
const MAX_TEXT = 500;
const STAGE_WORDS = /\b(stage|bühne|buehne|scène|scene|podium|escenario|palco)\b/i;

export type ShapeInput = Omit<Shape, 'version' | 'updated'>;
export type TextInput = Omit<Text, 'version' | 'updated'>;

interface AreaContext {
  readonly zoneOrigin: PretixPosition;
  readonly path: string;
  readonly ids: UniqueIds;
  readonly warnings: ImportWarning[];
}

function color(value: string | undefined, ctx: AreaContext, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const hex = normalizeColor(value);
  if (hex === null) {
    ctx.warnings.push({
      code: 'INVALID_COLOR',
      path: `${ctx.path}.${field}`,
      message: `colour "${value}" is not a CSS colour Parterre understands; left out`,
    });
    return undefined;
  }
  return hex;
}

function shapeOf(area: PretixArea): PretixArea['shape'] {
  if (area.shape) return area.shape;
  if (area.rectangle) return 'rectangle';
  if (area.ellipse) return 'ellipse';
  if (area.circle) return 'circle';
  if (area.polygon) return 'polygon';
  return area.text ? 'text' : undefined;
}

function ellipseGeometry(
  rx: number,
  ry: number,
  toWorld: (p: Point) => Point,
  rotation: number,
  ctx: AreaContext,
): Pick<ShapeInput, 'kind' | 'points'> {
  if (rotation % 180 === 0 || rx === ry) {
    const c = toWorld({ x: 0, y: 0 });
    return {
      kind: 'ellipse',
      points: [
        { x: c.x - rx, y: c.y - ry },
        { x: c.x + rx, y: c.y + ry },
      ],
    };
  }
  ctx.warnings.push({
    code: 'AREA_APPROXIMATED',
    path: ctx.path,
    message: `rotated ellipse drawn as a ${ELLIPSE_SEGMENTS}-sided polygon (Parterre ellipses are not rotated)`,
  });
  const points = Array.from({ length: ELLIPSE_SEGMENTS }, (_, i) => {
    const a = (2 * Math.PI * i) / ELLIPSE_SEGMENTS;
    return toWorld({ x: rx * Math.cos(a), y: ry * Math.sin(a) });
  });
  return { kind: 'polygon', points };
}

function geometry(
  area: PretixArea,
  toWorld: (p: Point) => Point,
  ctx: AreaContext,
): Pick<ShapeInput, 'kind' | 'points'> | null {
  const rotation = area.rotation ?? 0;
  switch (shapeOf(area)) {
    case 'rectangle': {
      const { width: w, height: h } = area.rectangle ?? { width: 0, height: 0 };
      if (rotation % 360 === 0)
        return { kind: 'rect', points: [toWorld({ x: 0, y: 0 }), toWorld({ x: w, y: h })] };
      const corners = [
        { x: 0, y: 0 },
        { x: w, y: 0 },
        { x: w, y: h },
        { x: 0, y: h },
      ];
      return { kind: 'polygon', points: corners.map(toWorld) };
    }
    case 'ellipse': {
      const r = area.ellipse?.radius ?? { x: 0, y: 0 };
      return ellipseGeometry(Math.abs(r.x), Math.abs(r.y), toWorld, rotation, ctx);
    }
    case 'circle': {
      const r = Math.abs(area.circle?.radius ?? 0);
      return ellipseGeometry(r, r, toWorld, 0, ctx);
    }
    case 'polygon': {
      const points = (area.polygon?.points ?? []).map(toWorld);
      return points.length >= 2 ? { kind: 'polygon', points } : null;
    }
    default:
      return null;
  }
}

/** `ownId`: the text is the whole area (no shape), so it takes the area's id unchanged. */
function textOf(
  area: PretixArea,
  toWorld: (p: Point) => Point,
  ctx: AreaContext,
  ownId: boolean,
): TextInput | null {
  const t = area.text;
  if (!t || t.text.trim() === '') return null;
  if (t.text.length > MAX_TEXT) {
    ctx.warnings.push({
      code: 'TRUNCATED',
      path: `${ctx.path}.text.text`,
      message: `text shortened to ${MAX_TEXT} characters`,
    });
  }
  const at = toWorld(t.position ?? { x: 0, y: 0 });
  const id = ctx.ids.take(
    area.uuid ? (ownId ? area.uuid : `${area.uuid}:text`) : `${ctx.path}.text`,
  ) as TextId;
  return {
    type: 'text',
    id,
    level: 'main' as Text['level'],
    x: at.x,
    y: at.y,
    text: t.text.slice(0, MAX_TEXT),
    fontSize: t.size !== undefined && t.size > 0 ? t.size : 16,
    rotation: area.rotation ?? 0,
    color: color(t.color, ctx, 'text.color') ?? '#222222',
  };
}

/**
 * Converts one pretix area to at most one shape and one text, in world coordinates. The area's
 * text becomes a separate Text (not the shape's label) so its own position, size and colour
 * survive; a stage is recognised by its text ("Stage", "Bühne", …).
 * Areas without usable geometry or text are skipped with an `AREA_SKIPPED` warning.
 */
export function importArea(
  area: PretixArea,
  ctx: AreaContext,
): { shape: ShapeInput | null; text: TextInput | null } {
  const transform = {
    x: ctx.zoneOrigin.x + area.position.x,
    y: ctx.zoneOrigin.y + area.position.y,
    rotation: area.rotation ?? 0,
  };
  const toWorld = (p: Point) => applyTransform(transform, p);
  const geo = geometry(area, toWorld, ctx);
  const text = textOf(area, toWorld, ctx, geo === null);
  if (!geo && !text) {
    ctx.warnings.push({
      code: 'AREA_SKIPPED',
      path: ctx.path,
      message: 'area has neither a drawable shape nor text; skipped',
    });
    return { shape: null, text: null };
  }
  const isStage = STAGE_WORDS.test(area.text?.text ?? '');
  const shape: ShapeInput | null = geo && {
    type: 'shape',
    id: ctx.ids.take(area.uuid ?? ctx.path) as ShapeId,
    level: 'main' as Shape['level'],
    ...geo,
    fill: color(area.color, ctx, 'color'),
    stroke: color(area.border_color, ctx, 'border_color'),
    role: isStage ? 'stage' : 'decoration',
  };
  return { shape, text };
}
