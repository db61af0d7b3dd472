// Single free seats nobody is likely to buy: squeezed between taken seats, or between a taken
// seat and the end of the row. The seat picker warns before a pick creates one, and the box office
// lists them to sell or block.
import { checkStatusLength } from './errors.ts';
import type { PreparedBestAvailable } from './prepare.ts';

/**
 * Indexes (ascending) of free seats whose neighbours along the row are each taken or the row's
 * end, with at least one taken: a free seat alone in a one-seat row is not an orphan.
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
    for (let i = lo; i <= hi; i++) {
      if (status[i] !== 0) continue;
      const leftTaken = i > lo && status[i - 1] !== 0;
      const rightTaken = i < hi && status[i + 1] !== 0;
      if ((leftTaken || i === lo) && (rightTaken || i === hi)) orphans.push(i);
    }
  }
  return orphans;
}
