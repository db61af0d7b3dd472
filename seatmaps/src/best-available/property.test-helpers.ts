// What the best-available property tests share: the random request, the seats it may take, and
// the brute-force oracle's verdict on the block it chose.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { BestAvailableRequest } from './find-best-available.ts';
import type { BestAvailableSeat } from './prepare.ts';

/**
 * Arbitraries for a request's fields, to spread into a case's fc.record after its layout; the
 * stage ranges over x in [-100, 400] and y in [-100, maxY].
 * @example fc.record({ rows: rowsArb, ...requestArbs({ maxQuantity: 6, maxY: 300 }) })
 */
export function requestArbs({ maxQuantity, maxY }: { maxQuantity: number; maxY: number }) {
  return {
    quantity: fc.integer({ min: 1, max: maxQuantity }),
    category: fc.constantFrom(undefined, 'A', 'B'),
    sectionId: fc.constantFrom(undefined, 's0', 's1'),
    together: fc.constantFrom(undefined, true, false),
    accessible: fc.constantFrom(undefined, false, true),
    focalPoint: fc.record({
      x: fc.integer({ min: -100, max: 400 }),
      y: fc.integer({ min: -100, max: maxY }),
    }),
  };
}

/** Whether seat `i` is free and matches the request's category, section and accessibility. */
export function eligibleFor(
  seats: readonly BestAvailableSeat[],
  status: Uint8Array,
  request: BestAvailableRequest,
): (i: number) => boolean {
  return (i) => {
    const s = seats[i]!;
    return (
      status[i] === 0 &&
      (request.category === undefined || s.category === request.category) &&
      (request.sectionId === undefined || s.sectionId === request.sectionId) &&
      s.accessible === (request.accessible === true)
    );
  };
}

/** One block the oracle enumerated: its mean cost and whether taking it strands a seat. */
export interface OracleWindow {
  readonly cost: number;
  readonly strands: boolean;
}

/** `chosen` strands no seat when some block need not, and is the cheapest of those it could be. */
export function expectCheapest(
  windows: readonly OracleWindow[],
  chosen: OracleWindow | undefined,
): void {
  const clean = windows.filter((w) => !w.strands);
  if (clean.length > 0) expect(chosen?.strands).toBe(false);
  const pool = clean.length > 0 ? clean : windows;
  expect(chosen?.cost).toBeCloseTo(Math.min(...pool.map((w) => w.cost)), 9);
}
