// Scaling and rotating the selection about a point, for the on-canvas handles. A handle drag
// sends EVENTUALLY frames (each the change since the last frame) and one IMMEDIATELY at the end,
// so a resize or rotation undoes in one step, like a move.
import { invertTransform, type Point, type Shape } from '@parterre/seatmaps';
import { register, type ActionContext } from '../action.ts';
import {
  about,
  inLocal,
  mapGa,
  mapRow,
  mapSectionContent,
  mapTable,
  meanScale,
  rotation,
  scaleAlong,
  type Linear,
} from '../affine.ts';
import type { CaptureUpdate } from '../types.ts';
import { updateRecords } from '../update-records.ts';

export interface ScaleBy {
  /** The world point that stays put (the handle opposite the one dragged). */
  readonly anchor: Point;
  readonly sx: number;
  readonly sy: number;
  /** Direction of the scaling axes in degrees (the frame's rotation; 0 = world axes). */
  readonly angle?: number;
  readonly captureUpdate: CaptureUpdate;
}

export interface RotateAbout {
  readonly centre: Point;
  readonly degrees: number;
  readonly captureUpdate: CaptureUpdate;
}

/** Smallest factor a single frame may apply (a handle dragged through its anchor stops there). */
const MIN_FACTOR = 0.01;
const round = (v: number) => Math.round(v * 100) / 100;
const norm = (deg: number) => round(((((deg + 180) % 360) + 360) % 360) - 180);

function mapShape(s: Shape, f: (p: Point) => Point, m: Linear, turning: boolean): Shape {
  const upright = Math.abs(m.b) < 1e-9 && Math.abs(m.c) < 1e-9;
  if (s.kind === 'rect' && turning && !upright) {
    // A rectangle is two corners; turned, it becomes the polygon of its four.
    const [a, b] = s.points as [Point, Point];
    const corners = [a, { x: b.x, y: a.y }, b, { x: a.x, y: b.y }];
    return { ...s, kind: 'polygon', points: corners.map(f) };
  }
  if (s.kind === 'ellipse' && turning && !upright) {
    // An ellipse stays upright: its centre moves with the rotation.
    const [a, b] = s.points as [Point, Point];
    const c = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const to = f(c);
    const d = { x: to.x - c.x, y: to.y - c.y };
    return { ...s, points: s.points.map((p) => ({ x: round(p.x + d.x), y: round(p.y + d.y) })) };
  }
  return { ...s, points: s.points.map(f) };
}

/**
 * Applies world map `m` about world point `centre` to the selection. Sections move their origin
 * and, when `turning`, add the angle to their rotation; otherwise their content is scaled in
 * their own axes.
 */
function transformSelection(ctx: ActionContext, m: Linear, centre: Point, degrees: number | null) {
  const { document: doc, appState } = ctx;
  const now = Date.now();
  const world = about(m, centre);
  const k = meanScale(m);
  return updateRecords(doc, appState.selectedIds, {
    section: (s) => {
      const origin = world(s.transform);
      if (degrees !== null) {
        const transform = { ...origin, rotation: norm(s.transform.rotation + degrees) };
        return { ...s, transform };
      }
      const moved = { ...s, transform: { ...s.transform, ...origin } };
      return mapSectionContent(moved, inLocal(m, s.transform.rotation), now);
    },
    row: (r, s) => {
      const local = inLocal(m, s.transform.rotation);
      return mapRow(r, about(local, invertTransform(s.transform, centre)), local, now);
    },
    table: (t, s) => {
      const local = inLocal(m, s.transform.rotation);
      return mapTable(t, about(local, invertTransform(s.transform, centre)), local, now);
    },
    ga: (g, s) => {
      const local = inLocal(m, s.transform.rotation);
      return mapGa(g, about(local, invertTransform(s.transform, centre)), now);
    },
    shape: (s) => mapShape(s, world, m, degrees !== null),
    text: (t) => ({
      ...t,
      ...world(t),
      fontSize: degrees === null ? Math.max(1, round(t.fontSize * k)) : t.fontSize,
      rotation: degrees === null ? t.rotation : norm(t.rotation + degrees),
    }),
  });
}

export const actionScaleSelection = register<ScaleBy>({
  name: 'scaleSelection',
  label: 'Resize selection',
  perform(ctx, { anchor, sx, sy, angle = 0, captureUpdate }) {
    if (![anchor.x, anchor.y, sx, sy, angle].every(Number.isFinite)) return false;
    if (sx < MIN_FACTOR || sy < MIN_FACTOR) return false;
    if (sx === 1 && sy === 1) return { captureUpdate };
    const next = transformSelection(ctx, scaleAlong(sx, sy, angle), anchor, null);
    return { document: next, captureUpdate };
  },
});

export const actionRotateSelectionAbout = register<RotateAbout>({
  name: 'rotateSelectionAbout',
  label: 'Rotate selection',
  perform(ctx, { centre, degrees, captureUpdate }) {
    if (![centre.x, centre.y, degrees].every(Number.isFinite)) return false;
    if (degrees === 0) return { captureUpdate };
    const next = transformSelection(ctx, rotation(degrees), centre, degrees);
    return { document: next, captureUpdate };
  },
});
