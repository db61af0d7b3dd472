// Polygon tools (section outline, standing area): Idle → Drawing. Each click adds a vertex;
// clicking the first vertex again, a double click or Enter closes the polygon; Backspace removes
// the last vertex; Escape abandons it.
import type { Point } from '@parterre/seatmaps';
import { actionAddGaArea } from '../actions/action-add-ga-area.ts';
import { actionAddSection } from '../actions/action-add-section.ts';
import type { Editor } from '../editor.ts';
import type { Tool, ToolPointer } from '../tool.ts';

/** Screen pixels within which a click on the first vertex closes the polygon. */
const CLOSE_PX = 8;

abstract class PolygonTool implements Tool {
  abstract readonly id: 'section' | 'ga';
  private points: Point[] = [];

  get state(): string {
    return this.points.length > 0 ? 'drawing' : 'idle';
  }

  protected abstract commit(editor: Editor, outline: readonly Point[]): void;

  onPointerDown(editor: Editor, e: ToolPointer): void {
    const first = this.points[0];
    const zoom = editor.appState.camera.zoom;
    const nearFirst =
      first && Math.hypot(e.point.x - first.x, e.point.y - first.y) * zoom <= CLOSE_PX;
    if (this.points.length >= 3 && (nearFirst || e.double)) {
      this.close(editor);
      return;
    }
    if (!e.double) this.points.push(e.point);
    this.show(editor, e.point);
  }

  onPointerMove(editor: Editor, e: ToolPointer): void {
    if (this.points.length > 0) this.show(editor, e.point);
  }

  onKey(editor: Editor, key: string): boolean {
    if (this.points.length === 0) return false;
    if (key === 'Enter') {
      this.close(editor);
      return true;
    }
    if (key === 'Backspace' || key === 'Delete') {
      this.points.pop();
      this.show(editor, null);
      return true;
    }
    return false;
  }

  cancel(editor: Editor): void {
    this.points = [];
    if (editor.appState.preview) editor.setPreview(null);
  }

  private show(editor: Editor, cursor: Point | null): void {
    editor.setPreview({ kind: 'polygon', points: [...this.points], cursor });
  }

  private close(editor: Editor): void {
    const outline = this.points;
    this.points = [];
    editor.setPreview(null);
    if (outline.length >= 3) this.commit(editor, outline);
  }
}

export class SectionTool extends PolygonTool {
  readonly id = 'section' as const;
  protected commit(editor: Editor, outline: readonly Point[]): void {
    editor.run(actionAddSection, outline);
  }
}

export class GaAreaTool extends PolygonTool {
  readonly id = 'ga' as const;
  protected commit(editor: Editor, outline: readonly Point[]): void {
    editor.run(actionAddGaArea, outline);
  }
}
