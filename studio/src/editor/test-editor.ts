// Drives an Editor the way a person does (excalidraw's tests/helpers/api.ts): pointer gestures
// in world coordinates, key presses, then assertions on the document, selection and history.
import type { Point, SeatmapDocument } from '@parterre/seatmaps';
import { Editor } from './editor.ts';
import { newDocument } from './new-document.ts';
import type { AppState, ToolId } from './types.ts';

interface Modifiers {
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly double?: boolean;
  readonly touch?: boolean;
}

export class TestEditor extends Editor {
  /** An editor on `doc` (default: a blank 2000×1500 plan) with snapping off unless asked for. */
  constructor(doc: SeatmapDocument = newDocument('Test plan'), appState: Partial<AppState> = {}) {
    super(doc, { snapToGrid: false, ...appState });
  }

  private pointer(p: Point, m: Modifiers) {
    return {
      point: this.snap(p),
      raw: p,
      shiftKey: m.shiftKey ?? false,
      altKey: m.altKey ?? false,
      double: m.double ?? false,
      touch: m.touch ?? false,
    };
  }

  down(x: number, y: number, m: Modifiers = {}): this {
    this.pointerDown(this.pointer({ x, y }, m));
    return this;
  }

  move(x: number, y: number, m: Modifiers = {}): this {
    this.pointerMove(this.pointer({ x, y }, m));
    return this;
  }

  up(x: number, y: number, m: Modifiers = {}): this {
    this.pointerUp(this.pointer({ x, y }, m));
    return this;
  }

  /** Press at `from`, move in `steps` frames to `to`, release. */
  drag(from: Point, to: Point, m: Modifiers = {}, steps = 4): this {
    this.down(from.x, from.y, m);
    for (let i = 1; i <= steps; i++) {
      this.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps, m);
    }
    return this.up(to.x, to.y, m);
  }

  click(x: number, y: number, m: Modifiers = {}): this {
    return this.down(x, y, m).up(x, y, m);
  }

  /** A key press as the canvas would report it; `mod` is Ctrl/Cmd. */
  press(key: string, m: { shiftKey?: boolean; altKey?: boolean; mod?: boolean } = {}): boolean {
    return this.key({
      key,
      shiftKey: m.shiftKey ?? false,
      altKey: m.altKey ?? false,
      mod: m.mod ?? false,
    });
  }

  use(tool: ToolId): this {
    this.setTool(tool);
    return this;
  }

  /** Seats of every row and table. */
  get seatCount(): number {
    return this.scene.seatCount;
  }
}
