// Single free seats nobody is likely to buy: squeezed between taken seats, or between a taken
// seat and the end of the row. The seat picker warns before a pick creates one, and the box office
// lists them to sell or block. Round a table there is no end: the first and last seats are
// neighbours, so a free seat is stranded only between two taken ones.
import { checkStatusLength } from './errors.ts';
import type { PreparedBestAvailable } from './prepare.ts';

/**
 * Indexes (ascending) of free seats whose neighbours along the row are each taken or the row's
 * end, with at least one taken: a free seat alone in a one-seat row is not an orphan. At a table
 * the neighbours wrap round (the first seat's other neighbour is the last).
 * Throws a BestAvailableError when `status` does not have one entry per seat.
 * @example findOrphans(prepared, status) // [17, 402]
 */
export function findOrphans(prepared: PreparedBestAvailable, status: ArrayLike<number>): number[] {
  checkStatusLength(prepared.seatCount, status);
  const orphans: number[] = [];
  for (let r = 0; r < prepared.rowCount; r++) {
    const lo = prepared.rowStart[r] as number;
    const hi = (prepared.rowStart[r + 1] as number) - 1;
    if (hi === lo) continue;
    const ring = prepared.rowRing[r] === 1;
    for (let i = lo; i <= hi; i++) {
      if (status[i] !== 0) continue;
      const left = i > lo ? i - 1 : ring ? hi : -1;
      const right = i < hi ? i + 1 : ring ? lo : -1;
      const leftTaken = left >= 0 && status[left] !== 0;
      const rightTaken = right >= 0 && status[right] !== 0;
      if ((leftTaken || left < 0) && (rightTaken || right < 0)) orphans.push(i);
    }
  }
  return orphans;
}
