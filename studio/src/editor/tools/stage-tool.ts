// Stage tool: drag a rectangle; it becomes the stage and its centre the focal point.
import type { Point } from '@parterre/seatmaps';
import { actionAddStage } from '../actions/action-add-stage.ts';
import type { Editor } from '../editor.ts';
import type { Preview } from '../types.ts';
import { DragTool } from './drag-tool.ts';

export class StageTool extends DragTool {
  readonly id = 'stage' as const;

  protected preview(_editor: Editor, from: Point, to: Point): Preview {
    return { kind: 'rect', from, to };
  }

  protected commit(editor: Editor, from: Point, to: Point): void {
    editor.run(actionAddStage, { from, to });
  }
}
