// Drawing tools are small state machines (tldraw's StateNode: Idle → Pointing → …). The editor
// forwards pointer and key input in world coordinates to the active tool; a tool previews through
// appState.preview and commits by running actions.
import type { Point } from '@parterre/seatmaps';
import type { Editor } from './editor.ts';
import type { ToolId } from './types.ts';

/** A pointer event in world coordinates. */
export interface ToolPointer {
  /** World position, snapped to the grid when snapping is on. */
  readonly point: Point;
  /** World position as the pointer is, for hit-testing. */
  readonly raw: Point;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Double click / double tap. */
  readonly double?: boolean;
  /** A finger, not a mouse or pen: handles get a wider grab radius. */
  readonly touch?: boolean;
}

export interface Tool {
  readonly id: ToolId;
  /** Name of the current state, e.g. "idle" or "pointing" (shown to tests and for debugging). */
  readonly state: string;
  onPointerDown?(editor: Editor, e: ToolPointer): void;
  onPointerMove?(editor: Editor, e: ToolPointer): void;
  onPointerUp?(editor: Editor, e: ToolPointer): void;
  /** Returns true when the tool handled the key. */
  onKey?(editor: Editor, key: string): boolean;
  /** The CSS cursor for a hover at `e` with no button down (handles), or null for the default. */
  cursorAt?(editor: Editor, e: ToolPointer): string | null;
  /** Leaves any gesture and clears previews (Escape, tool switch). */
  cancel(editor: Editor): void;
}
