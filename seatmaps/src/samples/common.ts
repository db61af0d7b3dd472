// Small builders shared by the sample venues, so each sample file reads as a description of the
// venue rather than as JSON plumbing.
import type { SeatmapDocumentInput } from '../model/document.ts';
import type { Row, Seat } from '../model/elements.ts';
import { brand, type CategoryKey } from '../model/ids.ts';

export type SectionInput = NonNullable<SeatmapDocumentInput['sections']>[number];
export type ShapeInput = NonNullable<SeatmapDocumentInput['shapes']>[number];
export type TextInput = NonNullable<SeatmapDocumentInput['texts']>[number];

export const cat = (key: string): CategoryKey => brand<CategoryKey>(key);

/** A rectangle shape given by two corners. */
export function rect(
  id: string,
  level: string,
  [x0, y0, x1, y1]: readonly [number, number, number, number],
  style: { label?: string; fill: string; role?: 'stage' | 'decoration' },
): ShapeInput {
  return {
    type: 'shape',
    id,
    level,
    kind: 'rect',
    points: [
      { x: x0, y: y0 },
      { x: x1, y: y1 },
    ],
    ...style,
  };
}

/** A text label centred at (x, y). */
export function text(id: string, level: string, x: number, y: number, value: string): TextInput {
  return { type: 'text', id, level, x, y, text: value };
}

/** Applies `change` to the seats of `row` for which `pick(seat, index, seats)` holds. */
export function editSeats(
  row: Row,
  pick: (seat: Seat, index: number, seats: readonly Seat[]) => boolean,
  change: Partial<Seat>,
): Row {
  return {
    ...row,
    seats: row.seats.map((s, i, all) => (pick(s, i, all) ? { ...s, ...change } : s)),
  };
}
