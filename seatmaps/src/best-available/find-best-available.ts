// Best-available: the seats a box office would pick for "N of your best seats". Prefers one block
// of adjacent seats in one row (see block-search.ts), never leaves a single stranded seat when it
// can avoid it, and otherwise keeps the party at one table when a table has room (one-table.ts)
// or splits it into as few blocks as it can. A table's block may wrap round from its last seat
// to its first.
import type { Point } from '../model/primitives.ts';
import { bestBlock, blockSeats } from './block-search.ts';
import type { BlockSearch } from './block-search.ts';
import { compileFilter, countEligible } from './eligibility.ts';
import { BestAvailableError, checkStatusLength } from './errors.ts';
import { bestTableSplit } from './one-table.ts';
import type { PreparedBestAvailable } from './prepare.ts';
import { seatCost } from './seat-cost.ts';

export interface BestAvailableRequest {
  /** Number of seats, a positive integer. */
  readonly quantity: number;
  /** Where the audience looks (the document's `focalPoint`); closer seats are better. */
  readonly focalPoint: Point;
  /** Only seats of this category key. */
  readonly category?: string;
  /** Only seats of this section. */
  readonly sectionId?: string;
  /**
   * `true`: one block of adjacent seats or nothing. Otherwise (default) a block is still preferred
   * and seats split over several rows are the fallback.
   */
  readonly together?: boolean;
  /** `true`: only accessible seats; otherwise accessible seats are left out. */
  readonly accessible?: boolean;
}

export interface BestAvailableResult {
  /** Seat indexes, block by block, each in order along its row or round its table. */
  readonly seats: number[];
  /** Whether the seats form one block of adjacent seats in one row or round one table. */
  readonly together: boolean;
}

function checkInput(
  prepared: PreparedBestAvailable,
  status: ArrayLike<number>,
  request: BestAvailableRequest,
): void {
  if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
    throw new BestAvailableError(
      `quantity must be a positive integer, got ${String(request.quantity)}`,
    );
  }
  checkStatusLength(prepared.seatCount, status);
  const { x, y } = request.focalPoint;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new BestAvailableError(`focalPoint must have finite x and y, got (${x}, ${y})`);
  }
}

/** Largest blocks first: the fewest, biggest groups, each as good as it can be. */
function splitAcrossRows(search: BlockSearch, quantity: number, longestRun: number): number[] {
  const { prepared } = search;
  const work = Uint8Array.from(search.status);
  const split = { ...search, status: work };
  const seats: number[] = [];
  let size = Math.min(longestRun, quantity - 1);
  while (seats.length < quantity) {
    size = Math.min(size, quantity - seats.length);
    const block = bestBlock(split, size);
    if (!block) {
      size--;
      continue;
    }
    for (const i of blockSeats(prepared, block)) {
      work[i] = 1;
      seats.push(i);
    }
  }
  return seats;
}

/**
 * Picks the best `quantity` free seats. `status` holds one byte per seat index (0 free, anything
 * else taken). Returns null when fewer matching seats are free, or when `together: true` and no
 * row or table has a block that large. Linear in the number of seats: a few milliseconds for 80,000.
 * @example
 * const prepared = prepareBestAvailable(layout); // cache per published map version
 * findBestAvailable(prepared, status, { quantity: 4, focalPoint: doc.focalPoint, category: 'A' });
 * // → { seats: [812, 813, 814, 815], together: true }
 */
export function findBestAvailable(
  prepared: PreparedBestAvailable,
  status: ArrayLike<number>,
  request: BestAvailableRequest,
): BestAvailableResult | null {
  checkInput(prepared, status, request);
  const filter = compileFilter(prepared, request);
  if (!filter) return null;
  const search = { prepared, status, filter, cost: seatCost(prepared, request.focalPoint) };
  const block = bestBlock(search, request.quantity);
  if (block) return { seats: blockSeats(prepared, block), together: true };
  if (request.together === true) return null;
  const { count, longestRun } = countEligible(prepared, status, filter);
  if (count < request.quantity) return null;
  const table = bestTableSplit(search, request.quantity);
  if (table) return { seats: table.seats, together: false };
  return { seats: splitAcrossRows(search, request.quantity, longestRun), together: false };
}
