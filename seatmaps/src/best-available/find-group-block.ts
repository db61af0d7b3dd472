// Best-available for groups (a school class of 30): one block of adjacent seats in one row when a
// row has room, otherwise one contiguous run in each of as few adjacent rows of one section as
// possible, the runs lined up under each other. Never a group scattered over the hall.
// Tables are rings (see block-search.ts): a group that one table can seat stays at that table,
// else it takes an arc at each of as few consecutive tables of a section as it can. Rows and
// tables do not mix in one arrangement, and arcs round a table are not lined up.
import type { Point } from '../model/primitives.ts';
import { bestBlock, bestBlockInRow, blockSeats, ROW_CENTRE_WEIGHT } from './block-search.ts';
import { compileFilter, matches, rowInSection, type SeatFilter } from './eligibility.ts';
import { BestAvailableError, checkStatusLength } from './errors.ts';
import { bestTableSplit } from './one-table.ts';
import type { PreparedBestAvailable } from './prepare.ts';
import { seatCost } from './seat-cost.ts';

export interface GroupRequest {
  /** Size of the group, a positive integer. */
  readonly quantity: number;
  readonly focalPoint: Point;
  readonly category?: string;
  readonly sectionId?: string;
  /** At most this many rows (default 10). */
  readonly maxRows?: number;
}

export interface GroupResult {
  /** Seat indexes, row by row (or table by table), each run in order along the row or table. */
  readonly seats: number[];
  /** How many rows (or tables) the group sits in. */
  readonly rows: number;
}

/** Weight of the sideways offset between a run and the first row's run (share of the hall's width). */
export const GROUP_ALIGN_WEIGHT = 0.5;
/** Added to a run that would strand a single free seat: taken only when nothing else fits. */
const ORPHAN_PENALTY = 1;
const DEFAULT_MAX_ROWS = 10;

interface Run {
  first: number;
  cost: number;
  centreX: number;
}

interface Search {
  prepared: PreparedBestAvailable;
  status: ArrayLike<number>;
  filter: SeatFilter;
  cost: (i: number) => number;
  width: number;
}

/** The best run of `size` free matching seats in row r, pulled towards `anchorX` when given. */
function bestRun(s: Search, r: number, size: number, anchorX?: number): Run | null {
  const { prepared, status, filter, cost } = s;
  const lo = prepared.rowStart[r] as number;
  const len = (prepared.rowStart[r + 1] as number) - lo;
  if (len < size) return null;
  const ok = (i: number) => status[i] === 0 && matches(prepared, filter, i);
  let best: Run | null = null;
  let streak = 0;
  let sum = 0;
  for (let p = 0; p < len; p++) {
    const i = lo + p;
    if (!ok(i)) {
      streak = 0;
      sum = 0;
      continue;
    }
    streak++;
    sum += cost(i);
    if (streak > size) sum -= cost(i - size);
    if (streak < size) continue;
    const first = i - size + 1;
    const before =
      first - 1 >= lo && status[first - 1] === 0 && (first - 2 < lo || status[first - 2] !== 0);
    const afterIdx = i + 1;
    const end = lo + len;
    const after =
      afterIdx < end &&
      status[afterIdx] === 0 &&
      (afterIdx + 1 >= end || status[afterIdx + 1] !== 0);
    const centreX = ((prepared.x[first] as number) + (prepared.x[i] as number)) / 2;
    const middle = (len - 1) / 2;
    let total =
      sum / size + (ROW_CENTRE_WEIGHT * Math.abs(first - lo + (size - 1) / 2 - middle)) / len;
    if (before || after) total += ORPHAN_PENALTY;
    if (anchorX !== undefined)
      total += (GROUP_ALIGN_WEIGHT * Math.abs(centreX - anchorX)) / s.width;
    if (!best || total < best.cost) best = { first, cost: total, centreX };
  }
  return best;
}

/** `quantity` split over `k` rows as evenly as possible, larger parts first. */
export function splitGroup(quantity: number, k: number): number[] {
  const base = Math.floor(quantity / k);
  return Array.from({ length: k }, (_, j) => base + (j < quantity % k ? 1 : 0));
}

/** The best arc of `size` seats round table r, as a run of its seats and their cost. */
function bestArc(s: Search, r: number, size: number): { seats: number[]; cost: number } | null {
  const block = bestBlockInRow(s, r, size);
  if (!block) return null;
  const cost = block.cost + (block.orphan ? ORPHAN_PENALTY : 0);
  return { seats: blockSeats(s.prepared, block), cost };
}

/** Rows r … r+k−1 as one candidate: consecutive runs of one section, each with its part. */
function tryRows(s: Search, r: number, sizes: number[]): { seats: number[]; cost: number } | null {
  const { rowSection, rowRing } = s.prepared;
  const [section, ring] = [rowSection[r], rowRing[r]];
  const seats: number[] = [];
  let total = 0;
  let anchorX: number | undefined;
  for (let j = 0; j < sizes.length; j++) {
    const row = r + j;
    if (rowSection[row] !== section || rowRing[row] !== ring) return null;
    if (!rowInSection(s.prepared, s.filter, row)) return null;
    const size = sizes[j] as number;
    if (ring === 1) {
      const arc = bestArc(s, row, size);
      if (!arc) return null;
      total += arc.cost * size;
      seats.push(...arc.seats);
      continue;
    }
    const run = bestRun(s, row, size, anchorX);
    if (!run) return null;
    anchorX ??= run.centreX;
    total += run.cost * size;
    for (let k = 0; k < size; k++) seats.push(run.first + k);
  }
  return { seats, cost: total / seats.length };
}

/**
 * Seats for a group: one row or table if any has the block, else one table with room for all
 * (in as few arcs as it can), else the fewest adjacent rows (same section, one contiguous run
 * each, lined up) or consecutive tables (one arc each). Null when no such arrangement is free.
 * @example
 * findGroupBlock(prepared, status, { quantity: 30, focalPoint: doc.focalPoint })
 * // → { seats: [...10 in row C, 10 in row D, 10 in row E], rows: 3 }
 */
export function findGroupBlock(
  prepared: PreparedBestAvailable,
  status: ArrayLike<number>,
  request: GroupRequest,
): GroupResult | null {
  const { quantity } = request;
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new BestAvailableError(`quantity must be a positive integer, got ${String(quantity)}`);
  }
  checkStatusLength(prepared.seatCount, status);
  const filter = compileFilter(prepared, request);
  if (!filter) return null;
  const cost = seatCost(prepared, request.focalPoint);
  const one = bestBlock({ prepared, status, filter, cost }, quantity);
  if (one) return { seats: blockSeats(prepared, one), rows: 1 };
  const table = bestTableSplit({ prepared, status, filter, cost }, quantity);
  if (table) return { seats: table.seats, rows: 1 };
  const { bounds } = prepared;
  const search: Search = {
    prepared,
    status,
    filter,
    cost,
    width: Math.max(1, bounds.maxX - bounds.minX),
  };
  const maxRows = Math.min(request.maxRows ?? DEFAULT_MAX_ROWS, prepared.rowCount, quantity);
  for (let k = 2; k <= maxRows; k++) {
    const sizes = splitGroup(quantity, k);
    if ((sizes[0] as number) > prepared.longestRow) continue;
    let best: { seats: number[]; cost: number } | null = null;
    for (let r = 0; r + k <= prepared.rowCount; r++) {
      const found = tryRows(search, r, sizes);
      if (found && (!best || found.cost < best.cost)) best = found;
    }
    if (best) return { seats: best.seats, rows: k };
  }
  return null;
}
