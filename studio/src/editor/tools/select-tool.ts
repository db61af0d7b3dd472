// Select tool: Idle → Pointing (pressed on something) → Dragging (moved it), or Idle → Brushing
// (pressed on empty space, marquee). A click on a seat selects its row or table; Alt-click or a
// double click selects the seat itself. A drag is EVENTUALLY frames closed by one IMMEDIATELY
// update, so it undoes in one step.
import type { Point } from '@parterre/seatmaps';
import { actionMoveSelection } from '../actions/action-move-selection.ts';
import { actionSelect } from '../actions/action-select.ts';
import type { Editor } from '../editor.ts';
import { hitTest } from '../hit-test.ts';
import type { Tool, ToolPointer } from '../tool.ts';

/** Screen pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3;

type State =
  | { readonly name: 'idle' }
  | { readonly name: 'pointing'; readonly origin: Point; readonly screenOrigin: Point }
  | { readonly name: 'dragging'; readonly origin: Point; applied: Point }
  | { readonly name: 'brushing'; readonly origin: Point; readonly additive: boolean };

export class SelectTool implements Tool {
  readonly id = 'select' as const;
  private s: State = { name: 'idle' };

  get state(): string {
    return this.s.name;
  }

  onPointerDown(editor: Editor, e: ToolPointer): void {
    const { selectedIds, activeLevel, camera } = editor.appState;
    const hit = hitTest(editor.document, editor.scene, activeLevel, e.raw, 4 / camera.zoom);
    if (!hit) {
      if (!e.shiftKey) editor.run(actionSelect, []);
      this.s = { name: 'brushing', origin: e.raw, additive: e.shiftKey };
      return;
    }
    const id = (e.altKey || e.double) && hit.seatId ? hit.seatId : hit.id;
    if (e.shiftKey) {
      const has = selectedIds.includes(id);
      editor.run(actionSelect, has ? selectedIds.filter((x) => x !== id) : [...selectedIds, id]);
    } else if (!selectedIds.includes(id)) {
      editor.run(actionSelect, [id]);
    }
    const screen = { x: e.raw.x * camera.zoom, y: e.raw.y * camera.zoom };
    this.s = { name: 'pointing', origin: editor.snap(e.raw), screenOrigin: screen };
  }

  onPointerMove(editor: Editor, e: ToolPointer): void {
    const s = this.s;
    if (s.name === 'brushing') {
      editor.setPreview({ kind: 'marquee', from: s.origin, to: e.raw });
    } else if (s.name === 'pointing') {
      const z = editor.appState.camera.zoom;
      const moved = Math.hypot(e.raw.x * z - s.screenOrigin.x, e.raw.y * z - s.screenOrigin.y);
      if (moved >= DRAG_THRESHOLD_PX && editor.appState.selectedIds.length > 0) {
        this.s = { name: 'dragging', origin: s.origin, applied: { x: 0, y: 0 } };
        this.onPointerMove(editor, e);
      }
    } else if (s.name === 'dragging') {
      const p = editor.snap(e.raw);
      const total = { x: p.x - s.origin.x, y: p.y - s.origin.y };
      const dx = total.x - s.applied.x;
      const dy = total.y - s.applied.y;
      if (dx === 0 && dy === 0) return;
      editor.run(actionMoveSelection, { dx, dy, captureUpdate: 'EVENTUALLY' });
      s.applied = total;
    }
  }

  onPointerUp(editor: Editor, e: ToolPointer): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name === 'dragging') {
      editor.run(actionMoveSelection, { dx: 0, dy: 0, captureUpdate: 'IMMEDIATELY' });
    } else if (s.name === 'brushing') {
      editor.setPreview(null);
      this.selectInMarquee(editor, s.origin, e.raw, s.additive);
    }
  }

  private selectInMarquee(editor: Editor, a: Point, b: Point, additive: boolean): void {
    const rect = {
      minX: Math.min(a.x, b.x),
      minY: Math.min(a.y, b.y),
      maxX: Math.max(a.x, b.x),
      maxY: Math.max(a.y, b.y),
    };
    if (rect.maxX - rect.minX === 0 && rect.maxY - rect.minY === 0) return;
    const seats = editor.scene.seatsIn(editor.appState.activeLevel, rect);
    const base = additive ? editor.appState.selectedIds : [];
    editor.run(actionSelect, [...base, ...seats]);
  }

  cancel(editor: Editor): void {
    const s = this.s;
    this.s = { name: 'idle' };
    if (s.name === 'dragging')
      editor.run(actionMoveSelection, { dx: 0, dy: 0, captureUpdate: 'IMMEDIATELY' });
    if (editor.appState.preview) editor.setPreview(null);
  }
}
