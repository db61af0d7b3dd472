// Hand-made layouts for best-available tests: rows of seats 30 units apart, row r at y = 50 + 30r,
// described by a compact spec so a test reads like a seating chart.
import type { BestAvailableSeat } from './prepare.ts';

export interface RowSpec {
  readonly section?: string;
  readonly row: string;
  readonly seats: number;
  /** Category per seat, or one for the whole row (default 'A'). */
  readonly category?: string | readonly string[];
  /** Positions (0-based, along the row) of accessible seats. */
  readonly accessible?: readonly number[];
  readonly restricted?: readonly number[];
  /** x of the first seat (default 0). */
  readonly x?: number;
  /** Layout `container` of the row's seats (default: none, as a label-only client sends). */
  readonly container?: number;
}

/** Seats for `rows`, in index order, as `prepareBestAvailable` takes them. */
export function rowsLayout(rows: readonly RowSpec[]): { seats: BestAvailableSeat[] } {
  const seats: BestAvailableSeat[] = [];
  rows.forEach((spec, r) => {
    for (let p = 0; p < spec.seats; p++) {
      const category =
        typeof spec.category === 'string' ? spec.category : (spec.category?.[p] ?? 'A');
      seats.push({
        index: seats.length,
        row: spec.row,
        sectionId: (spec.section ?? 'main') as BestAvailableSeat['sectionId'],
        category: category as BestAvailableSeat['category'],
        x: (spec.x ?? 0) + p * 30,
        y: 50 + r * 30,
        accessible: spec.accessible?.includes(p) ?? false,
        restrictedView: spec.restricted?.includes(p) ?? false,
        ...(spec.container === undefined ? {} : { container: spec.container }),
      });
    }
  });
  return { seats };
}

/** Status bytes from a picture: '.' free, 'h' held, 'x' booked, rows concatenated. */
export function statusOf(picture: string): Uint8Array {
  const codes: Record<string, number> = { '.': 0, h: 1, x: 2, b: 3 };
  return Uint8Array.from(picture.replace(/\s/g, ''), (c) => {
    const code = codes[c];
    if (code === undefined) throw new Error(`unknown status character '${c}'`);
    return code;
  });
}
