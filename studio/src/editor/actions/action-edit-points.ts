// Vertex editing of polygons after they are drawn (excalidraw's linear element editor): section
// outlines, standing areas and polygon, line or rectangle shapes (a rectangle edited becomes a
// polygon). Double click (or Enter) enters the mode,
// a vertex drags, an edge midpoint adds a vertex, Delete removes the selected vertex (never below
// three for a polygon, two for a line), Escape leaves.
import type { Point } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { polygonOf, polygonSection, rectCorners, toSectionLocal } from '../handles.ts';
import type { CaptureUpdate } from '../types.ts';
import { updateRecords } from '../update-records.ts';

export interface VertexEdit {
  /** The section, standing area or shape whose outline changes. */
  readonly id: string;
  readonly index: number;
  /** World position of the vertex. */
  readonly point: Point;
  readonly captureUpdate: CaptureUpdate;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The record's vertices replaced by `edit(vertices in its own coordinates)`. */
function editOutline(
  doc: Parameters<typeof updateRecords>[0],
  id: string,
  edit: (points: readonly Point[], toLocal: (p: Point) => Point) => readonly Point[] | null,
) {
  const section = polygonSection(doc, id);
  const toLocal = (p: Point) => {
    const q = toSectionLocal(section, p);
    return { x: round(q.x), y: round(q.y) };
  };
  let failed = false;
  const run = (points: readonly Point[]) => {
    const out = edit(points, toLocal);
    if (!out) failed = true;
    return out ?? points;
  };
  const next = updateRecords(doc, [id], {
    section: (s) => ({ ...s, outline: run(s.outline) }),
    ga: (g) => ({ ...g, outline: run(g.outline) }),
    // A rectangle is two corners: edited, it becomes the polygon of its four.
    shape: (s) =>
      s.kind === 'rect'
        ? { ...s, kind: 'polygon', points: run(rectCorners(s.points)) }
        : { ...s, points: run(s.points) },
  });
  return failed ? null : next;
}

export const actionEditPoints = register<string | null>({
  name: 'editPoints',
  label: 'Edit points',
  perform({ document: doc, appState }, id) {
    if (id === null) {
      if (appState.editingPoints === null) return false;
      return { appState: { editingPoints: null, selectedVertex: null }, captureUpdate: 'NEVER' };
    }
    if (!polygonOf(doc, id)) return false;
    return {
      appState: { editingPoints: id, selectedVertex: null, selectedIds: [id] },
      captureUpdate: 'NEVER',
    };
  },
});

export const actionMoveVertex = register<VertexEdit>({
  name: 'moveVertex',
  label: 'Move point',
  perform({ document: doc }, { id, index, point, captureUpdate }) {
    const poly = polygonOf(doc, id);
    if (!poly || !Number.isInteger(index) || index < 0 || index >= poly.points.length) return false;
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return false;
    const next = editOutline(doc, id, (pts, toLocal) => {
      const q = toLocal(point);
      const old = pts[index] as Point;
      if (old.x === q.x && old.y === q.y) return pts;
      return pts.map((p, i) => (i === index ? q : p));
    });
    if (!next) return false;
    return { document: next, appState: { selectedVertex: index }, captureUpdate };
  },
});

export const actionInsertVertex = register<VertexEdit>({
  name: 'insertVertex',
  label: 'Add point',
  perform({ document: doc }, { id, index, point, captureUpdate }) {
    const poly = polygonOf(doc, id);
    if (!poly || !Number.isInteger(index) || index < 1 || index > poly.points.length) return false;
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return false;
    const next = editOutline(doc, id, (pts, toLocal) => [
      ...pts.slice(0, index),
      toLocal(point),
      ...pts.slice(index),
    ]);
    if (!next) return false;
    return { document: next, appState: { selectedVertex: index }, captureUpdate };
  },
});

export const actionDeleteVertex = register<{ readonly id: string; readonly index: number }>({
  name: 'deleteVertex',
  label: 'Delete point',
  perform({ document: doc }, { id, index }) {
    const poly = polygonOf(doc, id);
    if (!poly || !Number.isInteger(index) || index < 0 || index >= poly.points.length) return false;
    if (poly.points.length <= poly.min) return false;
    const next = editOutline(doc, id, (pts) => pts.filter((_, i) => i !== index));
    if (!next) return false;
    return { document: next, appState: { selectedVertex: null }, captureUpdate: 'IMMEDIATELY' };
  },
});
