// Undo/redo over record-level deltas. IMMEDIATELY updates make a step (together with the
// EVENTUALLY updates before them, which is how a drag becomes one step); NEVER updates are not
// recorded, and because undo only resets the records a step touched, they survive undo and redo.
import type { SeatmapDocument } from '@parterre/seatmaps';
import type { CaptureUpdate } from './types.ts';
import {
  applyDelta,
  composeDeltas,
  diffDocuments,
  invertDelta,
  isEmptyDelta,
  type DocumentDelta,
} from './delta.ts';

/** Steps kept; older ones are dropped (a long session must not grow memory without bound). */
const MAX_STEPS = 200;

export class History {
  private undoStack: DocumentDelta[] = [];
  private redoStack: DocumentDelta[] = [];
  /** EVENTUALLY changes waiting to join the next IMMEDIATELY step. */
  private pending: DocumentDelta | null = null;

  /** Records the change from `before` to `after` as `capture` says. */
  record(before: SeatmapDocument, after: SeatmapDocument, capture: CaptureUpdate): void {
    if (capture === 'NEVER' || before === after) {
      if (capture === 'IMMEDIATELY') this.flush();
      return;
    }
    const delta = diffDocuments(before, after);
    this.pending = this.pending ? composeDeltas(this.pending, delta) : delta;
    if (capture === 'IMMEDIATELY') this.flush();
  }

  /** Closes the pending gesture as one step (no-op when nothing is pending). */
  flush(): void {
    const step = this.pending;
    this.pending = null;
    if (!step || isEmptyDelta(step)) return;
    this.undoStack.push(step);
    if (this.undoStack.length > MAX_STEPS) this.undoStack.shift();
    this.redoStack = [];
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || this.pending !== null;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The document with the last step undone, or `null` when there is nothing to undo. */
  undo(doc: SeatmapDocument): SeatmapDocument | null {
    this.flush();
    const step = this.undoStack.pop();
    if (!step) return null;
    this.redoStack.push(step);
    return applyDelta(doc, invertDelta(step));
  }

  /** The document with the last undone step redone, or `null`. */
  redo(doc: SeatmapDocument): SeatmapDocument | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.undoStack.push(step);
    return applyDelta(doc, step);
  }

  /** Forgets everything (a different document was opened). */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.pending = null;
  }
}
