// Select tool: Idle → Pointing (pressed on something) → Dragging (moved it), or Idle → Brushing
// (pressed on empty space, marquee). A click on a seat selects its row or table; Alt-click or a
// double click selects the seat itself. A drag is EVENTUALLY frames closed by one IMMEDIATELY
// update, so it undoes in one step.
//
// Handles (tldraw's select tool child states): a press on a resize handle of the selection's
// frame enters Resizing, on the rotate handle Rotating. While a polygon's points are edited
// (double click on it, or Enter), a press on a vertex enters DraggingVertex, on an edge midpoint
// it inserts a vertex there and drags it. Shift constrains: moves to one axis, resizes to the
// same ratio, rotations to 15° steps; the dragged handle or vertex snaps to the grid.
//
// Moving and resizing also snap to other objects' edges and centres with guide lines
// (select-snap.ts; Alt skips it). A press on an unlocked background image, with nothing else
// there, drags the image.
import type { Point } from '@parterre/seatmaps';
import {
  actionDeleteVertex,
  actionEditPoints,
  actionInsertVertex,
  actionMoveVertex,
} from '../actions/action-edit-points.ts';
import { actionMoveBackground } from '../actions/action-background.ts';
import { actionMoveSelection } from '../actions/action-move-selection.ts';
import { actionSelect } from '../actions/action-select.ts';
import {
  actionRotateSelectionAbout,
  actionScaleSelection,
} from '../actions/action-transform-selection.ts';
import type { Editor } from '../editor.ts';
import {
  edgeAt,
  edgeMidpoints,
  frameCentre,
  fromFrame,
  HANDLE_PX,
  HANDLE_SPOTS,
  hitHandle,
  isPolygonRecord,
  nearestWithin,
  polygonOf,
  selectionFrame,
  TOUCH_HANDLE_PX,
  worldToFrame,
  type Frame,
  type ResizeHandle,
} from '../handles.ts';
import { hitTest } from '../hit-test.ts';
import type { Tool, ToolPointer } from '../tool.ts';
import { onUnlockedBackground } from './background-drag.ts';
import { hoverCursor } from './select-cursor.ts';
import {
  resizeGuides,
  showGuides,
  snapDrag,
  snapHandle,
  startSnap,
  type GestureSnap,
} from './select-snap.ts';

/** Screen pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3;
/** Rotation step with Shift held. */
const ROTATE_SNAP = 15;
/** Smallest frame side a resize may shrink to, in world units. */
const MIN_SIDE = 1;

type State =
  | { readonly name: 'idle' }
  | {
      readonly name: 'pointing';
      readonly origin: Point;
      readonly raw: Point;
      readonly screenOrigin: Point;
      /** Shift-pressed on a selected record: deselected on release unless it was dragged. */
      readonly toggleOff: string | null;
    }
  | {
      readonly name: 'dragging';
      readonly origin: Point;
      readonly raw: Point;
      readonly snap: GestureSnap | null;
      applied: Point;
    }
  | { readonly name: 'draggingBackground'; readonly origin: Point; applied: Point }
  | { readonly name: 'brushing'; readonly origin: Point; readonly additive: boolean }
  | {
      readonly name: 'resizing';
      readonly handle: ResizeHandle;
      readonly frame: Frame;
      readonly snap: GestureSnap | null;
      applied: { sx: number; sy: number };
    }
  | { readonly name: 'rotating'; readonly centre: Point; readonly start: number; applied: number }
  | {
      readonly name: 'draggingVertex';
      readonly id: string;
      readonly index: number;
      moved: boolean;
    };

/** Arrow keys nudge the selected vertex by one grid step. */
const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
const radius = (e: ToolPointer) => (e.touch ? TOUCH_HANDLE_PX : HANDLE_PX);
const angleAt = (c: Point, p: Point) => (Math.atan2(p.y - c.y, p.x - c.x) * 180) / Math.PI;

export class SelectTool implements Tool {
  readonly id = 'select' as const;
  private s: State = { name: 'idle' };

  get state(): string {
    return this.s.name;
  }

  onPointerDown(editor: Editor, e: ToolPointer): void {
    if (this.startOnPoints(editor, e) || this.startOnHandle(editor, e)) return;
    const { selectedIds, activeLevel, camera } = editor.appState;
    const hit = hitTest(editor.document, editor.scene, activeLevel, e.raw, 4 / camera.zoom);
    if (!hit) {
      if (!e.shiftKey) editor.run(actionSelect, []);
      this.s =
        !e.shiftKey && onUnlockedBackground(editor, e.raw)
          ? { name: 'draggingBackground', origin: editor.snap(e.raw), applied: { x: 0, y: 0 } }
          : { name: 'brushing', origin: e.raw, additive: e.shiftKey };
      return;
    }
    if (e.double && !hit.seatId && !e.shiftKey && isPolygonRecord(editor.document, hit.id)) {
      editor.run(actionEditPoints, hit.id);
      return;
    }
    const id = (e.altKey || e.double) && hit.seatId ? hit.seatId : hit.id;
    const has = selectedIds.includes(id);
    if (e.shiftKey && !has) editor.run(actionSelect, [...selectedIds, id]);
    else if (!e.shiftKey && !has) editor.run(actionSelect, [id]);
    const screen = { x: e.raw.x * camera.zoom, y: e.raw.y * camera.zoom };
    this.s = {
      name: 'pointing',
      origin: editor.snap(e.raw),
      raw: e.raw,
      screenOrigin: screen,
      toggleOff: e.shiftKey && has ? id : null,
    };
  }

  /** While points are edited: grab a vertex, add one at an edge midpoint or on a double click. */
  private startOnPoints(editor: Editor, e: ToolPointer): boolean {
    const { editingPoints: id, camera } = editor.appState;
    const poly = id === null ? null : polygonOf(editor.document, id);
    if (id === null || !poly) return false;
    const r = radius(e);
    const vertex = nearestWithin(poly.points, e.raw, camera.zoom, r);
    if (vertex >= 0) {
      editor.apply({ appState: { selectedVertex: vertex }, captureUpdate: 'NEVER' });
      this.s = { name: 'draggingVertex', id, index: vertex, moved: false };
      return true;
    }
    const mid = nearestWithin(edgeMidpoints(poly.points, poly.closed), e.raw, camera.zoom, r);
    const edge =
      mid >= 0 ? mid : e.double ? edgeAt(poly.points, poly.closed, e.raw, camera.zoom, r) : -1;
    if (edge >= 0) {
      // Inserted as part of the drag that follows, so adding and placing undo together.
      const captureUpdate = mid >= 0 ? 'EVENTUALLY' : 'IMMEDIATELY';
      editor.run(actionInsertVertex, { id, index: edge + 1, point: e.point, captureUpdate });
      this.s = { name: 'draggingVertex', id, index: edge + 1, moved: mid >= 0 };
      return true;
    }
    return false;
  }

  private startOnHandle(editor: Editor, e: ToolPointer): boolean {
    const { selectedIds, camera, editingPoints } = editor.appState;
    if (editingPoints !== null) return false;
    const frame = selectionFrame(editor.document, editor.scene, selectedIds);
    const handle = frame && hitHandle(frame, e.raw, camera, radius(e));
    if (!frame || !handle) return false;
    // Rows are dense: a press on a seat of something not selected picks it, even on a handle.
    const seat = editor.scene.seatAt(editor.appState.activeLevel, e.raw.x, e.raw.y);
    if (seat && !selectedIds.includes(seat.owner)) return false;
    if (handle === 'rotate') {
      const centre = frameCentre(frame);
      this.s = { name: 'rotating', centre, start: angleAt(centre, e.raw), applied: 0 };
    } else {
      // A turned frame's handles move off the world axes other objects line up on.
      const snap = frame.angle === 0 ? startSnap(editor) : null;
      this.s = { name: 'resizing', handle, frame, snap, applied: { sx: 1, sy: 1 } };
    }
    return true;
  }

  onPointerMove(editor: Editor, e: ToolPointer): void {
    const s = this.s;
    if (s.name === 'brushing') {
      editor.setPreview({ kind: 'marquee', from: s.origin, to: e.raw });
    } else if (s.name === 'pointing') {
      const z = editor.appState.camera.zoom;
      const moved = Math.hypot(e.raw.x * z - s.screenOrigin.x, e.raw.y * z - s.screenOrigin.y);
      if (moved >= DRAG_THRESHOLD_PX && editor.appState.selectedIds.length > 0) {
        const snap = startSnap(editor);
        this.s = { name: 'dragging', origin: s.origin, raw: s.raw, snap, applied: { x: 0, y: 0 } };
        this.onPointerMove(editor, e);
      }
    } else if (s.name === 'dragging') {
      this.drag(editor, s, e);
    } else if (s.name === 'draggingBackground') {
      const p = editor.snap(e.raw);
      const total = { x: p.x - s.origin.x, y: p.y - s.origin.y };
      const dx = total.x - s.applied.x;
      const dy = total.y - s.applied.y;
      if (dx === 0 && dy === 0) return;
      if (editor.run(actionMoveBackground, { dx, dy, captureUpdate: 'EVENTUALLY' }))
        s.applied = total;
    } else if (s.name === 'resizing') {
      this.resize(editor, s, e);
    } else if (s.name === 'rotating') {
      let total = angleAt(s.centre, e.raw) - s.start;
      total = e.shiftKey ? Math.round(total / ROTATE_SNAP) * ROTATE_SNAP : Math.round(total);
      const degrees = total - s.applied;
      if (degrees === 0) return;
      editor.run(actionRotateSelectionAbout, {
        centre: s.centre,
        degrees,
        captureUpdate: 'EVENTUALLY',
      });
      s.applied = total;
    } else if (s.name === 'draggingVertex') {
      editor.run(actionMoveVertex, {
        id: s.id,
        index: s.index,
        point: e.point,
        captureUpdate: 'EVENTUALLY',
      });
      s.moved = true;
    }
  }

  /** Moves the selection to the pointer's offset from the press, snapped, as a change. */
  private drag(editor: Editor, s: Extract<State, { name: 'dragging' }>, e: ToolPointer): void {
    const p = editor.snap(e.raw);
    const grid = { x: p.x - s.origin.x, y: p.y - s.origin.y };
    const lock = !e.shiftKey ? null : Math.abs(grid.x) >= Math.abs(grid.y) ? 'y' : 'x';
    const free = { x: e.raw.x - s.raw.x, y: e.raw.y - s.raw.y };
    const snapped = s.snap && !e.altKey ? snapDrag(editor, s.snap, free, grid, lock) : null;
    const total = snapped?.total ?? {
      x: lock === 'x' ? 0 : grid.x,
      y: lock === 'y' ? 0 : grid.y,
    };
    showGuides(editor, snapped?.guides ?? []);
    const dx = total.x - s.applied.x;
    const dy = total.y - s.applied.y;
    if (dx === 0 && dy === 0) return;
    editor.run(actionMoveSelection, { dx, dy, captureUpdate: 'EVENTUALLY' });
    s.applied = total;
  }

  /** Scale factors from the frame's start to the pointer, applied as a change since last frame. */
  private resize(editor: Editor, s: Extract<State, { name: 'resizing' }>, e: ToolPointer): void {
    const { bounds, angle } = s.frame;
    const [fx, fy] = HANDLE_SPOTS[s.handle];
    const w = bounds.maxX - bounds.minX || 1;
    const h = bounds.maxY - bounds.minY || 1;
    // The anchor is the opposite handle; an edge handle scales one axis only.
    const anchor = { x: bounds.minX + w * (1 - fx), y: bounds.minY + h * (1 - fy) };
    const onObject =
      s.snap && !e.altKey
        ? snapHandle(editor, s.snap, e.raw, e.point, { x: fx !== 0.5, y: fy !== 0.5 })
        : null;
    const q = worldToFrame(angle, angle === 0 ? (onObject?.point ?? e.point) : e.raw);
    let sx = fx === 0.5 ? 1 : Math.max(MIN_SIDE, (q.x - anchor.x) * (fx === 1 ? 1 : -1)) / w;
    let sy = fy === 0.5 ? 1 : Math.max(MIN_SIDE, (q.y - anchor.y) * (fy === 1 ? 1 : -1)) / h;
    if (e.shiftKey) {
      const k = fx === 0.5 ? sy : fy === 0.5 ? sx : Math.max(sx, sy);
      sx = k;
      sy = k;
    }
    if (s.snap) {
      // The box the resize makes: the anchor stays, the sides grow away from it.
      const box = {
        minX: anchor.x - w * sx * (1 - fx),
        minY: anchor.y - h * sy * (1 - fy),
        maxX: anchor.x + w * sx * fx,
        maxY: anchor.y + h * sy * fy,
      };
      showGuides(editor, onObject ? resizeGuides(s.snap, box, onObject.snapped) : []);
    }
    const step = { sx: sx / s.applied.sx, sy: sy / s.applied.sy };
    if (Math.abs(step.sx - 1) < 1e-6 && Math.abs(step.sy - 1) < 1e-6) return;
    const ok = editor.run(actionScaleSelection, {
      anchor: fromFrame(angle, anchor),
      sx: step.sx,
      sy: step.sy,
      angle,
      captureUpdate: 'EVENTUALLY',
    });
    if (ok) s.applied = { sx, sy };
  }

  onPointerUp(editor: Editor, e: ToolPointer): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name === 'brushing') {
      editor.setPreview(null);
      this.selectInMarquee(editor, s.origin, e.raw, s.additive);
    } else if (s.name === 'pointing' && s.toggleOff !== null) {
      const ids = editor.appState.selectedIds;
      editor.run(
        actionSelect,
        ids.filter((x) => x !== s.toggleOff),
      );
    } else {
      this.finish(editor, s);
    }
  }

  /** Closes a gesture's EVENTUALLY frames into one undo step. */
  private finish(editor: Editor, s: State): void {
    showGuides(editor, []);
    if (s.name === 'draggingBackground' && (s.applied.x !== 0 || s.applied.y !== 0))
      editor.run(actionMoveBackground, { dx: 0, dy: 0, captureUpdate: 'IMMEDIATELY' });
    else if (s.name === 'dragging')
      editor.run(actionMoveSelection, { dx: 0, dy: 0, captureUpdate: 'IMMEDIATELY' });
    else if (s.name === 'resizing' && (s.applied.sx !== 1 || s.applied.sy !== 1))
      editor.run(actionScaleSelection, {
        anchor: { x: 0, y: 0 },
        sx: 1,
        sy: 1,
        captureUpdate: 'IMMEDIATELY',
      });
    else if (s.name === 'rotating' && s.applied !== 0)
      editor.run(actionRotateSelectionAbout, {
        centre: s.centre,
        degrees: 0,
        captureUpdate: 'IMMEDIATELY',
      });
    else if (s.name === 'draggingVertex' && s.moved) editor.apply({ captureUpdate: 'IMMEDIATELY' });
  }

  cursorAt(editor: Editor, e: ToolPointer): string | null {
    return this.s.name === 'idle' ? hoverCursor(editor, e, radius(e)) : null;
  }

  onKey(editor: Editor, key: string): boolean {
    const { editingPoints, selectedVertex, selectedIds } = editor.appState;
    if (editingPoints !== null && selectedVertex !== null) {
      const step = ARROWS[key];
      const poly = step && polygonOf(editor.document, editingPoints);
      const at = poly ? poly.points[selectedVertex] : undefined;
      if (step && at) {
        const g = editor.appState.gridSize;
        const point = { x: at.x + step[0] * g, y: at.y + step[1] * g };
        const id = editingPoints;
        editor.run(actionMoveVertex, {
          id,
          index: selectedVertex,
          point,
          captureUpdate: 'IMMEDIATELY',
        });
        return true;
      }
      if (key === 'Delete' || key === 'Backspace') {
        // The last points a polygon needs are kept: the key is still consumed, so the whole
        // section is not deleted by a press meant for one vertex.
        editor.run(actionDeleteVertex, { id: editingPoints, index: selectedVertex });
        return true;
      }
    }
    if (key === 'Enter') {
      if (editingPoints !== null) return editor.run(actionEditPoints, null);
      const only = selectedIds.length === 1 ? (selectedIds[0] as string) : null;
      if (only && isPolygonRecord(editor.document, only)) return editor.run(actionEditPoints, only);
    }
    return false;
  }

  private selectInMarquee(editor: Editor, a: Point, b: Point, additive: boolean): void {
    const rect = {
      minX: Math.min(a.x, b.x),
      minY: Math.min(a.y, b.y),
      maxX: Math.max(a.x, b.x),
      maxY: Math.max(a.y, b.y),
    };
    if (rect.maxX - rect.minX === 0 && rect.maxY - rect.minY === 0) return;
    const seats = editor.scene.seatsIn(editor.appState.activeLevel, rect);
    const base = additive ? editor.appState.selectedIds : [];
    editor.run(actionSelect, [...base, ...seats]);
  }

  cancel(editor: Editor): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name !== 'brushing') this.finish(editor, s);
    if (editor.appState.preview) editor.setPreview(null);
  }
}
