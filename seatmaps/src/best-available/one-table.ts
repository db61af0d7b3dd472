// When no row or table has a block for the whole party, a table that still has enough free seats
// beats spreading the party over the hall: people at one table share it even when a taken chair
// sits between them. The seats are taken in as few arcs round the table as possible.
import { bestBlockInRow, blockSeats } from './block-search.ts';
import type { BlockSearch } from './block-search.ts';
import { matches, rowInSection } from './eligibility.ts';

export interface TableSeats {
  /** Seat indexes, arc by arc, each arc in order round the table. */
  readonly seats: number[];
  /** Number of arcs (separate blocks) the seats form. */
  readonly arcs: number;
  /** Mean seat cost. */
  readonly cost: number;
}

/** Free matching seats at table r. */
function freeAt(search: BlockSearch, r: number): number {
  const { prepared, status, filter } = search;
  let count = 0;
  for (let i = prepared.rowStart[r] as number; i < (prepared.rowStart[r + 1] as number); i++) {
    if (status[i] === 0 && matches(prepared, filter, i)) count++;
  }
  return count;
}

/** Largest arcs first at table r, marking taken seats in `work` (restored by the caller). */
function arcsAt(search: BlockSearch, work: Uint8Array, r: number, quantity: number): TableSeats {
  const split = { ...search, status: work };
  const seats: number[] = [];
  let arcs = 0;
  let cost = 0;
  let size = quantity;
  while (seats.length < quantity) {
    size = Math.min(size, quantity - seats.length);
    const block = bestBlockInRow(split, r, size);
    if (!block) {
      size--;
      continue;
    }
    arcs++;
    cost += block.cost * block.size;
    for (const i of blockSeats(search.prepared, block)) {
      work[i] = 1;
      seats.push(i);
    }
  }
  return { seats, arcs, cost: cost / quantity };
}

/**
 * The best single table for `quantity` seats that are not all adjacent: fewest arcs, then lowest
 * mean cost. Null when no table in the request's section has that many free matching seats.
 * @example bestTableSplit(search, 4) // { seats: [81, 82, 84, 85], arcs: 2, cost: 0.31 }
 */
export function bestTableSplit(search: BlockSearch, quantity: number): TableSeats | null {
  const { prepared, status, filter } = search;
  let work: Uint8Array | undefined;
  let best: TableSeats | null = null;
  for (let r = 0; r < prepared.rowCount; r++) {
    if (prepared.rowRing[r] !== 1 || !rowInSection(prepared, filter, r)) continue;
    if (freeAt(search, r) < quantity) continue;
    work ??= Uint8Array.from(status);
    const found = arcsAt(search, work, r, quantity);
    for (const i of found.seats) work[i] = status[i] as number;
    if (!best || found.arcs < best.arcs || (found.arcs === best.arcs && found.cost < best.cost))
      best = found;
  }
  return best;
}
