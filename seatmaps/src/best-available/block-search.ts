// Finds the best block of `size` adjacent free matching seats in one row, over all rows, in one
// linear pass. A block's cost is the mean cost of its seats plus a small pull towards the middle
// of its row. A block that would leave exactly one free seat between itself and a taken seat or
// the row's end ("orphan") only wins when no orphan-free block exists anywhere.
// A table's seats are a ring (see prepare.ts): its blocks may run on past the last seat to the
// first, a free seat between the block and a taken one on either side strands, and there is no
// row middle to pull towards (every place at a round table is as central as the next).
import { matches, rowInSection } from './eligibility.ts';
import type { SeatFilter } from './eligibility.ts';
import type { PreparedBestAvailable } from './prepare.ts';

/** Weight of the distance from the row's middle (0…0.5 of the row) in a block's cost. */
export const ROW_CENTRE_WEIGHT = 0.05;

export interface Block {
  /** Row (or table) number of the block. */
  readonly row: number;
  /**
   * Seat index of the block's first seat; the block is `first … first + size - 1`, except at a
   * table, where it wraps from the table's last seat to its first (see `blockSeats`).
   */
  readonly first: number;
  readonly size: number;
  readonly cost: number;
  /** Whether taking the block leaves a single free seat next to it. */
  readonly orphan: boolean;
}

export interface BlockSearch {
  readonly prepared: PreparedBestAvailable;
  readonly status: ArrayLike<number>;
  readonly filter: SeatFilter;
  readonly cost: (i: number) => number;
}

interface Scratch {
  /** prefix[p] = sum of costs of matching seats before position p of the current run. */
  readonly prefix: Float64Array;
  /** runEnd[p] = last position of the free run holding position p. */
  readonly runEnd: Int32Array;
  clean: Block | null;
  orphan: Block | null;
}

function markRunEnds(status: ArrayLike<number>, lo: number, len: number, runEnd: Int32Array): void {
  let end = -1;
  for (let p = len - 1; p >= 0; p--) {
    if (status[lo + p] !== 0) end = -1;
    else {
      if (end < 0) end = p;
      runEnd[p] = end;
    }
  }
}

function scanRow(search: BlockSearch, r: number, size: number, scratch: Scratch): void {
  const { prepared, status, filter, cost } = search;
  const lo = prepared.rowStart[r] as number;
  const len = (prepared.rowStart[r + 1] as number) - lo;
  if (len < size) return;
  const { prefix, runEnd } = scratch;
  markRunEnds(status, lo, len, runEnd);
  const middle = (len - 1) / 2;
  let runStart = -1;
  let matching = 0;
  prefix[0] = 0;
  for (let p = 0; p < len; p++) {
    const i = lo + p;
    const free = status[i] === 0;
    if (!free) runStart = -1;
    else if (runStart < 0) runStart = p;
    if (!free || !matches(prepared, filter, i)) {
      matching = 0;
      prefix[p + 1] = prefix[p] as number;
      continue;
    }
    prefix[p + 1] = (prefix[p] as number) + cost(i);
    if (++matching < size) continue;
    const s = p - size + 1;
    const mean = ((prefix[p + 1] as number) - (prefix[s] as number)) / size;
    const total = mean + (ROW_CENTRE_WEIGHT * Math.abs((s + p) / 2 - middle)) / len;
    const orphan = s - runStart === 1 || (runEnd[p] as number) - p === 1;
    const best = orphan ? scratch.orphan : scratch.clean;
    if (best && best.cost <= total) continue;
    const block = { row: r, first: lo + s, size, cost: total, orphan };
    if (orphan) scratch.orphan = block;
    else scratch.clean = block;
  }
}

/** Whether taking `size` seats from position `s` of a ring of `len` strands a free seat. */
function ringStrands(status: ArrayLike<number>, lo: number, len: number, s: number, size: number) {
  if (size >= len) return false;
  // A free seat beside the block strands when its other neighbour is taken, or is the block
  // itself (one seat left over).
  const strands = (p: number, other: number) =>
    status[lo + p] === 0 && (size === len - 1 || status[lo + other] !== 0);
  return (
    strands((s - 1 + len) % len, (s - 2 + 2 * len) % len) ||
    strands((s + size) % len, (s + size + 1) % len)
  );
}

/** Like scanRow, for a table: a window may start at any seat and wrap round to the first. */
function scanRing(search: BlockSearch, r: number, size: number, scratch: Scratch): void {
  const { prepared, status, filter, cost } = search;
  const lo = prepared.rowStart[r] as number;
  const len = (prepared.rowStart[r + 1] as number) - lo;
  if (len < size) return;
  // The whole table is one block, whichever seat it starts at: count it once.
  const starts = size === len ? 1 : len;
  let streak = 0;
  let sum = 0;
  for (let q = 0; q < starts + size - 1; q++) {
    const i = lo + (q % len);
    if (status[i] !== 0 || !matches(prepared, filter, i)) {
      streak = 0;
      sum = 0;
      continue;
    }
    sum += cost(i);
    if (++streak > size) sum -= cost(lo + ((q - size) % len));
    if (streak < size) continue;
    const s = q - size + 1;
    const total = sum / size;
    const orphan = ringStrands(status, lo, len, s, size);
    const best = orphan ? scratch.orphan : scratch.clean;
    if (best && best.cost <= total) continue;
    const block = { row: r, first: lo + s, size, cost: total, orphan };
    if (orphan) scratch.orphan = block;
    else scratch.clean = block;
  }
}

/** Scratch space for rows of up to `longest` seats. */
function newScratch(longest: number): Scratch {
  return {
    prefix: new Float64Array(longest + 1),
    runEnd: new Int32Array(longest),
    clean: null,
    orphan: null,
  };
}

function scan(search: BlockSearch, r: number, size: number, scratch: Scratch): void {
  if (search.prepared.rowRing[r] === 1) scanRing(search, r, size, scratch);
  else scanRow(search, r, size, scratch);
}

/**
 * The seat indexes of a block, in order along its row or round its table.
 * @example blockSeats(prepared, { row: 3, first: 86, size: 4, … }) // [86, 87, 80, 81] at a table of 8
 */
export function blockSeats(prepared: PreparedBestAvailable, block: Block): number[] {
  const lo = prepared.rowStart[block.row] as number;
  const len = (prepared.rowStart[block.row + 1] as number) - lo;
  return Array.from({ length: block.size }, (_, k) => lo + ((block.first - lo + k) % len));
}

/**
 * Like `bestBlock`, within row (or table) r only.
 * @example bestBlockInRow({ prepared, status, filter, cost }, 12, 3)
 */
export function bestBlockInRow(search: BlockSearch, r: number, size: number): Block | null {
  const { rowStart } = search.prepared;
  const scratch = newScratch((rowStart[r + 1] as number) - (rowStart[r] as number));
  scan(search, r, size, scratch);
  return scratch.clean ?? scratch.orphan;
}

/**
 * The cheapest orphan-free block of `size` seats, else the cheapest block at all, else null.
 * @example bestBlock({ prepared, status, filter, cost }, 4) // { first: 120, size: 4, … }
 */
export function bestBlock(search: BlockSearch, size: number): Block | null {
  const { prepared, filter } = search;
  const scratch = newScratch(prepared.longestRow);
  for (let r = 0; r < prepared.rowCount; r++) {
    if (rowInSection(prepared, filter, r)) scan(search, r, size, scratch);
  }
  return scratch.clean ?? scratch.orphan;
}
