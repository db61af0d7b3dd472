// Which seats a request may get: free, in the asked category and section, and accessible exactly
// when accessible seats were asked for. Wheelchair spaces are kept out of ordinary requests so the
// few there are stay available to the people who need them.
import { ACCESSIBLE } from './prepare.ts';
import type { PreparedBestAvailable } from './prepare.ts';

export interface SeatFilter {
  /** Category number, or -1 for any. */
  readonly category: number;
  /** Section number, or -1 for any. */
  readonly section: number;
  readonly accessible: boolean;
}

export interface FilterRequest {
  readonly category?: string;
  readonly sectionId?: string;
  readonly accessible?: boolean;
}

/** Compiles a request's filters to numbers; null when a category or section has no seats at all. */
export function compileFilter(
  prepared: PreparedBestAvailable,
  request: FilterRequest,
): SeatFilter | null {
  const category = request.category === undefined ? -1 : prepared.categoryIds.get(request.category);
  const section = request.sectionId === undefined ? -1 : prepared.sectionIds.get(request.sectionId);
  if (category === undefined || section === undefined) return null;
  return { category, section, accessible: request.accessible === true };
}

/** Whether a seat (known to be free) matches the filter's category and accessibility. */
export function matches(prepared: PreparedBestAvailable, filter: SeatFilter, i: number): boolean {
  if (filter.category >= 0 && prepared.category[i] !== filter.category) return false;
  return (((prepared.flags[i] as number) & ACCESSIBLE) !== 0) === filter.accessible;
}

/** Whether row r lies in the filter's section. */
export function rowInSection(
  prepared: PreparedBestAvailable,
  filter: SeatFilter,
  r: number,
): boolean {
  return filter.section < 0 || prepared.rowSection[r] === filter.section;
}

/** Free matching seats and the longest run of them along one row or round one table. */
export function countEligible(
  prepared: PreparedBestAvailable,
  status: ArrayLike<number>,
  filter: SeatFilter,
): { count: number; longestRun: number } {
  let count = 0;
  let longestRun = 0;
  for (let r = 0; r < prepared.rowCount; r++) {
    if (!rowInSection(prepared, filter, r)) continue;
    const lo = prepared.rowStart[r] as number;
    const hi = prepared.rowStart[r + 1] as number;
    let run = 0;
    let leading = -1;
    for (let i = lo; i < hi; i++) {
      run = status[i] === 0 && matches(prepared, filter, i) ? run + 1 : 0;
      if (run > 0) count++;
      else if (leading < 0) leading = i - lo;
      longestRun = Math.max(longestRun, run);
    }
    // Round a table the run at the end goes on into the run at the start.
    if (prepared.rowRing[r] === 1 && leading >= 0) longestRun = Math.max(longestRun, run + leading);
  }
  return { count, longestRun };
}
