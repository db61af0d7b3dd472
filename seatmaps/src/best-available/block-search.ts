// Finds the best block of `size` adjacent free matching seats in one row, over all rows, in one
// linear pass. A block's cost is the mean cost of its seats plus a small pull towards the middle
// of its row. A block that would leave exactly one free seat between itself and a taken seat or
// the row's end ("orphan") only wins when no orphan-free block exists anywhere.
import { matches, rowInSection } from './eligibility.ts';
import type { SeatFilter } from './eligibility.ts';
import type { PreparedBestAvailable } from './prepare.ts';

/** Weight of the distance from the row's middle (0…0.5 of the row) in a block's cost. */
export const ROW_CENTRE_WEIGHT = 0.05;

export interface Block {
  /** Seat index of the block's first seat; the block is `first … first + size - 1`. */
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
    const block = { first: lo + s, size, cost: total, orphan };
    if (orphan) scratch.orphan = block;
    else scratch.clean = block;
  }
}

/**
 * The cheapest orphan-free block of `size` seats, else the cheapest block at all, else null.
 * @example bestBlock({ prepared, status, filter, cost }, 4) // { first: 120, size: 4, … }
 */
export function bestBlock(search: BlockSearch, size: number): Block | null {
  const { prepared, filter } = search;
  const scratch: Scratch = {
    prefix: new Float64Array(prepared.longestRow + 1),
    runEnd: new Int32Array(prepared.longestRow),
    clean: null,
    orphan: null,
  };
  for (let r = 0; r < prepared.rowCount; r++) {
    if (rowInSection(prepared, filter, r)) scanRow(search, r, size, scratch);
  }
  return scratch.clean ?? scratch.orphan;
}
