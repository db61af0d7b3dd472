// The shape every drag-to-draw tool shares: Idle → Pointing (pressed; the gesture runs from the
// press to the pointer) → Idle on release, when the subclass commits. Escape cancels.
import type { Point } from '@parterre/seatmaps';
import type { Editor } from '../editor.ts';
import type { Tool, ToolPointer } from '../tool.ts';
import type { Preview, ToolId } from '../types.ts';

export abstract class DragTool implements Tool {
  abstract readonly id: ToolId;
  private origin: Point | null = null;

  get state(): string {
    return this.origin ? 'pointing' : 'idle';
  }

  /** What to show while dragging from `from` to `to` (null: nothing yet). */
  protected abstract preview(
    editor: Editor,
    from: Point,
    to: Point,
    e: ToolPointer,
  ): Preview | null;

  /** Commits the gesture; a click without a drag comes with from = to. */
  protected abstract commit(editor: Editor, from: Point, to: Point, e: ToolPointer): void;

  onPointerDown(_editor: Editor, e: ToolPointer): void {
    this.origin = e.point;
  }

  onPointerMove(editor: Editor, e: ToolPointer): void {
    if (this.origin) editor.setPreview(this.preview(editor, this.origin, e.point, e));
  }

  onPointerUp(editor: Editor, e: ToolPointer): void {
    const from = this.origin;
    this.origin = null;
    editor.setPreview(null);
    if (from) this.commit(editor, from, e.point, e);
  }

  cancel(editor: Editor): void {
    this.origin = null;
    if (editor.appState.preview) editor.setPreview(null);
  }
}
