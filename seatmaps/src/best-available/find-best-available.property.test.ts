// Property tests against a brute-force oracle that enumerates every block of every row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROW_CENTRE_WEIGHT } from './block-search.ts';
import { findBestAvailable } from './find-best-available.ts';
import type { BestAvailableRequest } from './find-best-available.ts';
import { findOrphans } from './find-orphans.ts';
import { prepareBestAvailable } from './prepare.ts';
import { eligibleFor, expectCheapest, requestArbs } from './property.test-helpers.ts';
import type { BestAvailableSeat, PreparedBestAvailable } from './prepare.ts';
import { seatCost } from './seat-cost.ts';

const seatArb = fc.record({
  status: fc.constantFrom(0, 0, 0, 1, 2, 3),
  category: fc.constantFrom('A', 'B'),
  accessible: fc.constantFrom(false, false, false, false, true),
  restrictedView: fc.constantFrom(false, false, false, true),
});
const rowArb = fc.record({
  section: fc.constantFrom('s0', 's1'),
  seats: fc.array(seatArb, { minLength: 1, maxLength: 10 }),
});
const caseArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 5 }),
  ...requestArbs({ maxQuantity: 6, maxY: 300 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const seats: BestAvailableSeat[] = [];
  const status: number[] = [];
  c.rows.forEach((row, r) =>
    row.seats.forEach((s, p) => {
      seats.push({
        index: seats.length,
        row: `R${r}`,
        sectionId: row.section as BestAvailableSeat['sectionId'],
        category: s.category as BestAvailableSeat['category'],
        x: p * 30,
        y: 50 + r * 30,
        accessible: s.accessible,
        restrictedView: s.restrictedView,
      });
      status.push(s.status);
    }),
  );
  const { rows: _rows, ...request } = c;
  return { seats, status: Uint8Array.from(status), request: request as BestAvailableRequest };
}

interface Window {
  readonly seats: number[];
  readonly cost: number;
  readonly strands: boolean;
}

/** Every block of `quantity` adjacent eligible seats, with its cost and whether it strands a seat. */
function allWindows(
  prepared: PreparedBestAvailable,
  status: Uint8Array,
  req: BestAvailableRequest,
  eligible: (i: number) => boolean,
): Window[] {
  const cost = seatCost(prepared, req.focalPoint);
  const before = new Set(findOrphans(prepared, status));
  const windows: Window[] = [];
  for (let r = 0; r < prepared.rowCount; r++) {
    const lo = prepared.rowStart[r] as number;
    const len = (prepared.rowStart[r + 1] as number) - lo;
    for (let s = 0; s + req.quantity <= len; s++) {
      const seats = Array.from({ length: req.quantity }, (_, k) => lo + s + k);
      if (!seats.every(eligible)) continue;
      const after = Uint8Array.from(status);
      for (const i of seats) after[i] = 1;
      const strands = findOrphans(prepared, after).some((i) => !before.has(i));
      const mean = seats.reduce((sum, i) => sum + cost(i), 0) / req.quantity;
      const centre = Math.abs(s + (req.quantity - 1) / 2 - (len - 1) / 2) / len;
      windows.push({ seats, cost: mean + ROW_CENTRE_WEIGHT * centre, strands });
    }
  }
  return windows;
}

function check(c: Case): void {
  const { seats, status, request } = build(c);
  const prepared = prepareBestAvailable({ seats });
  const eligible = eligibleFor(seats, status, request);
  const freeMatching = seats.filter((s) => eligible(s.index)).length;
  const windows = allWindows(prepared, status, request, eligible);
  const result = findBestAvailable(prepared, status, request);

  if (result === null) {
    expect(
      freeMatching < request.quantity || (request.together === true && windows.length === 0),
    ).toBe(true);
    return;
  }
  expect(result.seats).toHaveLength(request.quantity);
  expect(new Set(result.seats).size).toBe(request.quantity);
  expect(result.seats.every(eligible)).toBe(true);
  expect(result.together).toBe(windows.length > 0);
  if (windows.length === 0) return;

  const chosen = windows.find(
    (w) => w.seats.join() === [...result.seats].sort((a, b) => a - b).join(),
  );
  expect(chosen, 'result is one block of adjacent seats in one row').toBeDefined();
  expectCheapest(windows, chosen);
}

describe('findBestAvailable properties', () => {
  it('returns free, distinct, matching seats; one best block when any exists; strands a seat only when it must', () => {
    fc.assert(fc.property(caseArb, check), { numRuns: 2000 });
  });

  it('always finds seats when enough match and together is not required', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { seats, status, request } = build({
          ...c,
          together: undefined,
          accessible: undefined,
          category: undefined,
          sectionId: undefined,
        });
        const free = status.filter((s, i) => s === 0 && !seats[i]?.accessible).length;
        const result = findBestAvailable(prepareBestAvailable({ seats }), status, request);
        expect(result !== null).toBe(free >= request.quantity);
      }),
      { numRuns: 500 },
    );
  });
});
