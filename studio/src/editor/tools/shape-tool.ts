// Shape tool: drag a rectangle (hold Shift for an ellipse).
import type { Point } from '@parterre/seatmaps';
import { actionAddShape } from '../actions/action-add-shape.ts';
import type { Editor } from '../editor.ts';
import type { ToolPointer } from '../tool.ts';
import type { Preview } from '../types.ts';
import { DragTool } from './drag-tool.ts';

export class ShapeTool extends DragTool {
  readonly id = 'shape' as const;

  protected preview(_editor: Editor, from: Point, to: Point): Preview {
    return { kind: 'rect', from, to };
  }

  protected commit(editor: Editor, from: Point, to: Point, e: ToolPointer): void {
    editor.run(actionAddShape, { kind: e.shiftKey ? 'ellipse' : 'rect', from, to });
  }
}
