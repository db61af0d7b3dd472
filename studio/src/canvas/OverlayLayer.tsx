// What sits above the plan: the selection (rings round selected seats, dashed boxes round
// selected containers) and the active tool's preview. Drawn straight on the context so selecting
// 80,000 seats with the marquee stays cheap.
import type { Context } from 'konva/lib/Context';
import { Shape } from 'react-konva';
import {
  boundsOfPoints,
  SEAT_RADIUS,
  type Bounds,
  type Point,
  type SeatmapDocument,
} from '@parterre/seatmaps';
import { elementIndex } from '../editor/element-index.ts';
import {
  edgeMidpoints,
  frameCorners,
  HANDLE_IDS,
  HANDLE_PX,
  handlePoint,
  knobBelow,
  polygonOf,
  selectionFrame,
  type Frame,
} from '../editor/handles.ts';
import { cachedSectionBounds } from '../editor/hit-test.ts';
import { sceneOf } from '../editor/scene.ts';
import { selectedSeatIds } from '../editor/selection.ts';
import type { SnapGuide } from '../editor/snapping.ts';
import type { Camera, Preview } from '../editor/types.ts';
import { detailFor, intersects } from './viewport.ts';

const ACCENT = '#228be6';
/** Snap guides stand out from the selection's blue (tldraw draws them in its own colour too). */
const GUIDE = '#e8590c';

interface Props {
  readonly document: SeatmapDocument;
  readonly selectedIds: readonly string[];
  readonly preview: Preview | null;
  readonly view: Bounds;
  readonly zoom: number;
  /** The camera, so the rotate knob can flip below a frame that is under the top ruler. */
  readonly camera: Camera;
  readonly guides: readonly SnapGuide[];
  /** Draw the selection's transform handles (select tool, not editing points). */
  readonly handles: boolean;
  readonly editingPoints: string | null;
  readonly selectedVertex: number | null;
}

function containerBounds(doc: SeatmapDocument, id: string): Bounds | null {
  const ref = elementIndex(doc).get(id);
  if (!ref) return null;
  if (ref.type === 'section') {
    const s = doc.sections[ref.section];
    return s ? cachedSectionBounds(s) : null;
  }
  if (ref.type === 'shape') return boundsOfPoints(doc.shapes[ref.shape]?.points ?? []);
  if (ref.type === 'text') {
    const t = doc.texts[ref.text];
    return t
      ? {
          minX: t.x,
          minY: t.y,
          maxX: t.x + t.text.length * t.fontSize * 0.6,
          maxY: t.y + t.fontSize,
        }
      : null;
  }
  return null;
}

function drawSelection(ctx: CanvasRenderingContext2D, p: Props): void {
  const { document: doc, view, zoom } = p;
  ctx.strokeStyle = ACCENT;
  ctx.lineWidth = 2 / zoom;
  const scene = sceneOf(doc);
  const squares = detailFor(zoom) !== 'circles';
  ctx.beginPath();
  for (const id of selectedSeatIds(doc, p.selectedIds)) {
    const s = scene.seatPosition(id);
    if (!s || s.x < view.minX || s.x > view.maxX || s.y < view.minY || s.y > view.maxY) continue;
    if (squares) ctx.rect(s.x - SEAT_RADIUS, s.y - SEAT_RADIUS, SEAT_RADIUS * 2, SEAT_RADIUS * 2);
    else {
      ctx.moveTo(s.x + SEAT_RADIUS + 2 / zoom, s.y);
      ctx.arc(s.x, s.y, SEAT_RADIUS + 2 / zoom, 0, Math.PI * 2);
    }
  }
  ctx.stroke();
  ctx.setLineDash([6 / zoom, 4 / zoom]);
  for (const id of p.selectedIds) {
    const b = containerBounds(doc, id);
    if (b && intersects(b, view)) {
      const pad = 6 / zoom;
      ctx.strokeRect(
        b.minX - pad,
        b.minY - pad,
        b.maxX - b.minX + 2 * pad,
        b.maxY - b.minY + 2 * pad,
      );
    }
  }
  ctx.setLineDash([]);
}

function polyline(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  points.forEach((q, i) => (i === 0 ? ctx.moveTo(q.x, q.y) : ctx.lineTo(q.x, q.y)));
}

function drawPreview(ctx: CanvasRenderingContext2D, preview: Preview, zoom: number): void {
  ctx.strokeStyle = ACCENT;
  ctx.fillStyle = 'rgba(34, 139, 230, 0.25)';
  ctx.lineWidth = 1.5 / zoom;
  ctx.beginPath();
  if (preview.kind === 'seats') {
    for (const s of preview.seats) {
      ctx.moveTo(s.x + SEAT_RADIUS, s.y);
      ctx.arc(s.x, s.y, SEAT_RADIUS * 0.9, 0, Math.PI * 2);
    }
    ctx.fill();
    ctx.stroke();
  } else if (preview.kind === 'polygon') {
    polyline(ctx, preview.cursor ? [...preview.points, preview.cursor] : preview.points);
    ctx.stroke();
    for (const q of preview.points)
      ctx.fillRect(q.x - 3 / zoom, q.y - 3 / zoom, 6 / zoom, 6 / zoom);
  } else {
    const { from, to } = preview;
    ctx.rect(
      Math.min(from.x, to.x),
      Math.min(from.y, to.y),
      Math.abs(to.x - from.x),
      Math.abs(to.y - from.y),
    );
    ctx.fill();
    ctx.stroke();
  }
}

/** The frame and its handles: squares for resizing, a circle on a stem for rotating. */
function drawFrame(ctx: CanvasRenderingContext2D, frame: Frame, camera: Camera): void {
  const { zoom } = camera;
  const corners = frameCorners(frame);
  ctx.strokeStyle = ACCENT;
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  polyline(ctx, corners);
  ctx.closePath();
  const top = handlePoint(frame, knobBelow(frame, camera) ? 's' : 'n', camera);
  const knob = handlePoint(frame, 'rotate', camera);
  ctx.moveTo(top.x, top.y);
  ctx.lineTo(knob.x, knob.y);
  ctx.stroke();
  const r = HANDLE_PX / 2 / zoom;
  ctx.fillStyle = '#fff';
  ctx.lineWidth = 1.5 / zoom;
  for (const id of HANDLE_IDS) {
    const h = handlePoint(frame, id, camera);
    ctx.beginPath();
    if (id === 'rotate') ctx.arc(h.x, h.y, r * 1.2, 0, Math.PI * 2);
    else ctx.rect(h.x - r, h.y - r, r * 2, r * 2);
    ctx.fill();
    ctx.stroke();
  }
}

/** The object snap's guide lines, with a small cross at each end (as tldraw marks points). */
function drawGuides(ctx: CanvasRenderingContext2D, guides: readonly SnapGuide[], zoom: number) {
  const c = 3 / zoom;
  ctx.strokeStyle = GUIDE;
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  for (const g of guides) {
    const ends =
      g.axis === 'x'
        ? [
            { x: g.at, y: g.from },
            { x: g.at, y: g.to },
          ]
        : [
            { x: g.from, y: g.at },
            { x: g.to, y: g.at },
          ];
    polyline(ctx, ends);
    for (const e of ends) {
      ctx.moveTo(e.x - c, e.y - c);
      ctx.lineTo(e.x + c, e.y + c);
      ctx.moveTo(e.x + c, e.y - c);
      ctx.lineTo(e.x - c, e.y + c);
    }
  }
  ctx.stroke();
}

/** Vertices (filled when selected) and edge midpoints (faint) of the polygon being edited. */
function drawPoints(ctx: CanvasRenderingContext2D, p: Props): void {
  const poly = p.editingPoints === null ? null : polygonOf(p.document, p.editingPoints);
  if (!poly) return;
  const { zoom } = p;
  const r = HANDLE_PX / 2 / zoom;
  ctx.strokeStyle = ACCENT;
  ctx.lineWidth = 1.5 / zoom;
  ctx.beginPath();
  polyline(ctx, poly.points);
  if (poly.closed) ctx.closePath();
  ctx.stroke();
  ctx.fillStyle = 'rgba(34, 139, 230, 0.35)';
  for (const m of edgeMidpoints(poly.points, poly.closed)) {
    ctx.beginPath();
    ctx.arc(m.x, m.y, r * 0.8, 0, Math.PI * 2);
    ctx.fill();
  }
  poly.points.forEach((q, i) => {
    ctx.beginPath();
    ctx.arc(q.x, q.y, r, 0, Math.PI * 2);
    ctx.fillStyle = i === p.selectedVertex ? ACCENT : '#fff';
    ctx.fill();
    ctx.stroke();
  });
}

export function OverlayLayer(props: Props) {
  const draw = (konvaCtx: Context) => {
    const ctx = konvaCtx._context;
    drawSelection(ctx, props);
    if (props.editingPoints !== null) drawPoints(ctx, props);
    else if (props.handles && !props.preview) {
      const frame = selectionFrame(props.document, sceneOf(props.document), props.selectedIds);
      if (frame) drawFrame(ctx, frame, props.camera);
    }
    if (props.guides.length > 0) drawGuides(ctx, props.guides, props.zoom);
    if (props.preview) drawPreview(ctx, props.preview, props.zoom);
  };
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
}
