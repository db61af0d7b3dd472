// The select tool's cursor for a hover with no button down: what a press there would grab — a
// vertex or edge midpoint of the polygon being edited, a resize or rotate handle, or an unlocked
// background image with nothing on top of it.
import type { Editor } from '../editor.ts';
import {
  edgeMidpoints,
  HANDLE_SPOTS,
  hitHandle,
  nearestWithin,
  polygonOf,
  selectionFrame,
} from '../handles.ts';
import { hitTest } from '../hit-test.ts';
import type { ToolPointer } from '../tool.ts';
import { onUnlockedBackground } from './background-drag.ts';

const RESIZE_CURSORS = ['ew-resize', 'nwse-resize', 'ns-resize', 'nesw-resize'];

/** 'move' over an unlocked background image with nothing on top of it there. */
function backgroundCursor(editor: Editor, e: ToolPointer): string | null {
  if (!onUnlockedBackground(editor, e.raw)) return null;
  const { activeLevel, camera } = editor.appState;
  const hit = hitTest(editor.document, editor.scene, activeLevel, e.raw, 4 / camera.zoom);
  return hit ? null : 'move';
}

/**
 * The CSS cursor at `e` for the select tool at rest (`r`: grab radius in screen pixels), or null
 * for the default.
 */
export function hoverCursor(editor: Editor, e: ToolPointer, r: number): string | null {
  const { editingPoints: id, selectedIds, camera } = editor.appState;
  if (id !== null) {
    const poly = polygonOf(editor.document, id);
    if (!poly) return null;
    if (nearestWithin(poly.points, e.raw, camera.zoom, r) >= 0) return 'move';
    const mids = edgeMidpoints(poly.points, poly.closed);
    return nearestWithin(mids, e.raw, camera.zoom, r) >= 0 ? 'copy' : null;
  }
  const frame = selectionFrame(editor.document, editor.scene, selectedIds);
  const handle = frame && hitHandle(frame, e.raw, camera, r);
  if (!frame || !handle) return backgroundCursor(editor, e);
  if (handle === 'rotate') return 'grab';
  // The resize cursor closest to the handle's direction on screen, turned with the frame.
  const [fx, fy] = HANDLE_SPOTS[handle];
  const deg = (Math.atan2(fy - 0.5, fx - 0.5) * 180) / Math.PI + frame.angle;
  return RESIZE_CURSORS[(((Math.round(deg / 45) % 4) + 4) % 4) as 0] ?? null;
}
