// Category brush: Idle → Painting. Pressing and dragging paints every seat the brush touches
// with appState.brushCategory; releasing ends the stroke as one undo step.
import { SEAT_RADIUS, type Point } from '@parterre/seatmaps';
import { actionPaintSeats } from '../actions/action-paint-seats.ts';
import type { Editor } from '../editor.ts';
import type { Tool, ToolPointer } from '../tool.ts';

/** Brush radius on screen (px); never smaller than a seat. */
const BRUSH_PX = 12;

/** Distance from `p` to the segment a–b. */
function toSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export class BrushTool implements Tool {
  readonly id = 'brush' as const;
  /** Where the stroke was at the last event: pointer events skip, the stroke must not. */
  private last: Point | null = null;

  get state(): string {
    return this.last ? 'painting' : 'idle';
  }

  private paint(editor: Editor, a: Point, b: Point): void {
    const r = Math.max(SEAT_RADIUS, BRUSH_PX / editor.appState.camera.zoom);
    const rect = {
      minX: Math.min(a.x, b.x) - r,
      minY: Math.min(a.y, b.y) - r,
      maxX: Math.max(a.x, b.x) + r,
      maxY: Math.max(a.y, b.y) + r,
    };
    const ids = editor.scene.seatsIn(editor.appState.activeLevel, rect).filter((id) => {
      const s = editor.scene.seatPosition(id);
      return s !== null && toSegment(s, a, b) <= r;
    });
    if (ids.length > 0) editor.run(actionPaintSeats, { seatIds: ids, captureUpdate: 'EVENTUALLY' });
  }

  onPointerDown(editor: Editor, e: ToolPointer): void {
    this.last = e.raw;
    this.paint(editor, e.raw, e.raw);
  }

  onPointerMove(editor: Editor, e: ToolPointer): void {
    if (!this.last) return;
    this.paint(editor, this.last, e.raw);
    this.last = e.raw;
  }

  onPointerUp(editor: Editor): void {
    this.end(editor);
  }

  cancel(editor: Editor): void {
    this.end(editor);
  }

  private end(editor: Editor): void {
    if (!this.last) return;
    this.last = null;
    editor.run(actionPaintSeats, { seatIds: [], captureUpdate: 'IMMEDIATELY' });
  }
}
