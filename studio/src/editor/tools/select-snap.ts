// The select tool's object snapping during a drag or a resize: targets are collected once when
// the gesture starts (snap-targets.ts), each frame compares the moving box with them
// (snapping.ts) and publishes the guide lines as a NEVER update. Alt held skips it for that
// frame; grid snapping still applies to whatever did not snap to an object.
import type { Bounds, Point } from '@parterre/seatmaps';
import type { Editor } from '../editor.ts';
import { frameCorners, selectionFrame, type Frame } from '../handles.ts';
import { snapTargets } from '../snap-targets.ts';
import {
  guidesFor,
  offsetBounds,
  snapEdge,
  snapMove,
  SNAP_PX,
  type SnapGuide,
} from '../snapping.ts';

/** What one gesture snaps: the selection's box when it started, and the boxes it snaps to. */
export interface GestureSnap {
  readonly box: Bounds;
  readonly targets: readonly Bounds[];
}

/** The world-axis box round a frame (a turned frame's corners). */
function frameBox(frame: Frame): Bounds {
  const corners = frameCorners(frame);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
  };
}

/** The snapping set-up for a gesture on the current selection, or null when it has none. */
export function startSnap(editor: Editor): GestureSnap | null {
  const { snapToObjects, selectedIds, camera, viewport, activeLevel } = editor.appState;
  if (!snapToObjects) return null;
  const frame = selectionFrame(editor.document, editor.scene, selectedIds);
  if (!frame) return null;
  const view = {
    minX: -camera.x / camera.zoom,
    minY: -camera.y / camera.zoom,
    maxX: (viewport.width - camera.x) / camera.zoom,
    maxY: (viewport.height - camera.y) / camera.zoom,
  };
  const targets = snapTargets(editor.document, editor.scene, selectedIds, activeLevel, view);
  return targets.length > 0 ? { box: frameBox(frame), targets } : null;
}

const threshold = (editor: Editor) => SNAP_PX / editor.appState.camera.zoom;

/**
 * A drag's total offset: `grid` (the grid-snapped offset) with each axis in `free` that lines
 * the box up with another object replaced by the snapped offset, and the guides to show.
 * `lock` keeps one axis at 0 (Shift).
 */
export function snapDrag(
  editor: Editor,
  snap: GestureSnap,
  free: Point,
  grid: Point,
  lock: 'x' | 'y' | null,
): { total: Point; guides: readonly SnapGuide[] } {
  const r = snapMove(offsetBounds(snap.box, free.x, free.y), snap.targets, threshold(editor));
  const total = {
    x: lock === 'x' ? 0 : r.x === null ? grid.x : free.x + r.x,
    y: lock === 'y' ? 0 : r.y === null ? grid.y : free.y + r.y,
  };
  return { total, guides: r.guides.filter((g) => g.axis !== lock) };
}

/** The dragged resize handle's point with each moving axis snapped to an object's line. */
export function snapHandle(
  editor: Editor,
  snap: GestureSnap,
  raw: Point,
  grid: Point,
  moves: { readonly x: boolean; readonly y: boolean },
): { point: Point; snapped: { x: boolean; y: boolean } } {
  const t = threshold(editor);
  const x = moves.x ? snapEdge(raw.x, snap.targets, 'x', t) : null;
  const y = moves.y ? snapEdge(raw.y, snap.targets, 'y', t) : null;
  return { point: { x: x ?? grid.x, y: y ?? grid.y }, snapped: { x: x !== null, y: y !== null } };
}

/** Guides for the box a resize produced, on the axes its handle snapped. */
export function resizeGuides(
  snap: GestureSnap,
  box: Bounds,
  snapped: { readonly x: boolean; readonly y: boolean },
): SnapGuide[] {
  return [
    ...(snapped.x ? guidesFor(box, snap.targets, 'x') : []),
    ...(snapped.y ? guidesFor(box, snap.targets, 'y') : []),
  ];
}

const same = (a: readonly SnapGuide[], b: readonly SnapGuide[]) =>
  a.length === b.length &&
  a.every((g, i) => {
    const h = b[i];
    return !!h && g.axis === h.axis && g.at === h.at && g.from === h.from && g.to === h.to;
  });

/** Publishes the guides to draw (a NEVER update, skipped when nothing changed). */
export function showGuides(editor: Editor, guides: readonly SnapGuide[]): void {
  if (same(editor.appState.snapGuides, guides)) return;
  editor.apply({ appState: { snapGuides: guides }, captureUpdate: 'NEVER' });
}
