// Block tool: drag a rectangle and get as many rows and seats as fit (seatmaps generateBlock),
// the front row along the edge where the drag started.
import { generateBlock, type Point } from '@parterre/seatmaps';
import { actionAddBlock, type DrawnBlock } from '../actions/action-add-block.ts';
import type { Editor } from '../editor.ts';
import type { Preview } from '../types.ts';
import { DragTool } from './drag-tool.ts';
import { SEAT_SPACING } from './row-tools.ts';

export const ROW_SPACING = 40;

/** The block that fills the rectangle from `a` to `b`, or null when it is smaller than 2×2 seats. */
export function blockFromDrag(a: Point, b: Point): DrawnBlock | null {
  const w = Math.abs(b.x - a.x);
  const h = Math.abs(b.y - a.y);
  const seatsPerRow = Math.min(1000, Math.floor(w / SEAT_SPACING) + 1);
  const rows = Math.min(200, Math.floor(h / ROW_SPACING) + 1);
  if (seatsPerRow < 2 || rows < 2) return null;
  return {
    origin: { x: (a.x + b.x) / 2, y: Math.min(a.y, b.y) },
    block: { kind: 'rect', rows, seatsPerRow, seatSpacing: SEAT_SPACING, rowSpacing: ROW_SPACING },
  };
}

export class BlockTool extends DragTool {
  readonly id = 'block' as const;

  protected preview(_editor: Editor, from: Point, to: Point): Preview | null {
    const drawn = blockFromDrag(from, to);
    if (!drawn) return { kind: 'rect', from, to };
    const { origin } = drawn;
    const seats = generateBlock(drawn.block, { idPrefix: 'preview' }).flatMap((r) =>
      r.seats.map((s) => ({ x: s.x + origin.x, y: s.y + origin.y })),
    );
    return { kind: 'seats', seats };
  }

  protected commit(editor: Editor, from: Point, to: Point): void {
    const drawn = blockFromDrag(from, to);
    if (drawn) editor.run(actionAddBlock, drawn);
  }
}
