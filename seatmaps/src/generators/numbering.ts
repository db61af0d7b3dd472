// Seat and row labels from the numbering schemes stored on rows and blocks (model/numbering.ts).
// Labels are derived, never typed in, so the studio can renumber after any edit.
import type { z } from 'zod';
import { RowLabeling, SeatNumbering } from '../model/numbering.ts';

/** A numbering scheme as written by hand: every field optional. */
export type SeatNumberingInput = z.input<typeof SeatNumbering>;
/** A row labeling scheme as written by hand: every field optional. */
export type RowLabelingInput = z.input<typeof RowLabeling>;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${count}`);
  }
}

/** The n-th number (0-based) a scheme hands out, before direction is applied. */
function nthNumber(n: SeatNumbering, position: number): number {
  if (n.pattern === 'consecutive') return n.start + position;
  const parity = n.pattern === 'odd' ? 1 : 0;
  const first = ((n.start % 2) + 2) % 2 === parity ? n.start : n.start + 1;
  return first + 2 * position;
}

/**
 * Labels of a row's seats in seat order (first seat = leftmost as generated).
 * `offset` is the number of seats numbered before this row in a continuously numbered block.
 * @example seatLabels(4, { pattern: 'odd', direction: 'rtl' }) // ['7', '5', '3', '1']
 */
export function seatLabels(
  count: number,
  numbering: SeatNumberingInput = {},
  offset = 0,
): string[] {
  checkCount(count, 'seat count');
  checkCount(offset, 'numbering offset');
  const n = SeatNumbering.parse(numbering);
  const labels = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const position = n.direction === 'ltr' ? i : count - 1 - i;
    labels[i] = `${n.prefix}${nthNumber(n, offset + position)}`;
  }
  return labels;
}

function letters(index: number, alphabet: string): string {
  // Bijective base-m: A…Z, then AA, AB…, so labels never need a "zero" letter.
  const m = alphabet.length;
  let label = '';
  let n = index;
  do {
    label = (alphabet[n % m] as string) + label;
    n = Math.floor(n / m) - 1;
  } while (n >= 0);
  return label;
}

function usableLetters(skip: readonly string[]): string {
  const skipped = new Set(skip.map((c) => c.toUpperCase()));
  const alphabet = [...ALPHABET].filter((c) => !skipped.has(c)).join('');
  if (!alphabet) throw new RangeError('row labeling skips every letter A–Z');
  return alphabet;
}

/**
 * Labels of `count` rows from front to back. Letters skip `labeling.skip` (I and O by default)
 * and continue AA, AB… after Z; `start` counts in that filtered sequence (0 = first letter).
 * @example rowLabels(10) // ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K']
 */
export function rowLabels(count: number, labeling: RowLabelingInput = {}): string[] {
  checkCount(count, 'row count');
  const l = RowLabeling.parse(labeling);
  const out = new Array<string>(count);
  if (l.style === 'numbers') {
    for (let i = 0; i < count; i++) out[i] = String(l.start + i);
    return out;
  }
  const alphabet = usableLetters(l.skip);
  for (let i = 0; i < count; i++) out[i] = letters(l.start + i, alphabet);
  return out;
}

/** One row's labels within a block. */
export interface BlockRowLabels {
  readonly row: string;
  readonly seats: string[];
  /** Seats numbered before this row (non-zero only for continuous numbering). */
  readonly offset: number;
}

/**
 * Row and seat labels for a block whose rows hold `rowSeatCounts[i]` seats, front to back.
 * With `labeling.continuousSeats` seat numbers run on from row to row instead of restarting.
 * @example blockLabels([2, 3], { continuousSeats: true }) // A: 1,2  B: 3,4,5
 */
export function blockLabels(
  rowSeatCounts: readonly number[],
  labeling: RowLabelingInput = {},
  numbering: SeatNumberingInput = {},
): BlockRowLabels[] {
  const continuous = RowLabeling.parse(labeling).continuousSeats;
  const rows = rowLabels(rowSeatCounts.length, labeling);
  let offset = 0;
  return rows.map((row, i) => {
    const count = rowSeatCounts[i] as number;
    const labels = { row, seats: seatLabels(count, numbering, offset), offset };
    if (continuous) offset += count;
    return labels;
  });
}
