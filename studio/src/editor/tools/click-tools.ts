// Tools that place something with one click: round table, rectangular table, text.
import { actionAddTable } from '../actions/action-add-table.ts';
import { actionAddText } from '../actions/action-add-text.ts';
import type { Editor } from '../editor.ts';
import type { Tool, ToolPointer } from '../tool.ts';

abstract class ClickTool implements Tool {
  abstract readonly id: 'roundTable' | 'rectTable' | 'text';
  private pressed = false;

  get state(): string {
    return this.pressed ? 'pointing' : 'idle';
  }

  protected abstract place(editor: Editor, e: ToolPointer): void;

  onPointerDown(): void {
    this.pressed = true;
  }

  onPointerUp(editor: Editor, e: ToolPointer): void {
    if (!this.pressed) return;
    this.pressed = false;
    this.place(editor, e);
  }

  cancel(): void {
    this.pressed = false;
  }
}

export class RoundTableTool extends ClickTool {
  readonly id = 'roundTable' as const;
  protected place(editor: Editor, e: ToolPointer): void {
    editor.run(actionAddTable, { shape: 'round', center: e.point });
  }
}

export class RectTableTool extends ClickTool {
  readonly id = 'rectTable' as const;
  protected place(editor: Editor, e: ToolPointer): void {
    editor.run(actionAddTable, { shape: 'rect', center: e.point });
  }
}

export class TextTool extends ClickTool {
  readonly id = 'text' as const;
  protected place(editor: Editor, e: ToolPointer): void {
    editor.run(actionAddText, { at: e.point });
  }
}
