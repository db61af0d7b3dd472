// Property tests for venues mixing rows and tables, against a brute-force oracle with its own
// notion of neighbours: along a row, or round a table (the last chair next to the first).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROW_CENTRE_WEIGHT } from './block-search.ts';
import { findBestAvailable } from './find-best-available.ts';
import type { BestAvailableRequest } from './find-best-available.ts';
import { findGroupBlock } from './find-group-block.ts';
import { findOrphans } from './find-orphans.ts';
import { prepareBestAvailable } from './prepare.ts';
import { eligibleFor, expectCheapest, requestArbs } from './property.test-helpers.ts';
import type { BestAvailableSeat, PreparedBestAvailable } from './prepare.ts';
import { seatCost } from './seat-cost.ts';

const seatArb = fc.record({
  status: fc.constantFrom(0, 0, 0, 1, 2),
  category: fc.constantFrom('A', 'A', 'B'),
  accessible: fc.constantFrom(false, false, false, false, true),
  restrictedView: fc.constantFrom(false, false, false, true),
});
const runArb = fc.record({
  table: fc.boolean(),
  section: fc.constantFrom('s0', 's1'),
  // Few labels, so neighbouring runs often share section, label and kind (two "Table 3"s): only
  // the layout's container tells them apart, as in a real layout.
  label: fc.constantFrom('A', 'Table 3'),
  seats: fc.array(seatArb, { minLength: 1, maxLength: 10 }),
});
const caseArb = fc.record({
  runs: fc.array(runArb, { minLength: 1, maxLength: 6 }),
  ...requestArbs({ maxQuantity: 8, maxY: 400 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

interface Run {
  readonly table: boolean;
  /** Seat indexes in order along the row or round the table. */
  readonly seats: number[];
}

/** Rows as lines 30 apart; a table's chairs on a circle, numbered clockwise from the top. */
function build(c: Case) {
  const seats: BestAvailableSeat[] = [];
  const status: number[] = [];
  const runs: Run[] = [];
  c.runs.forEach((run, r) => {
    const len = run.seats.length;
    const first = seats.length;
    run.seats.forEach((s, p) => {
      const a = (2 * Math.PI * p) / len - Math.PI / 2;
      seats.push({
        index: seats.length,
        row: run.label,
        container: r,
        sectionId: run.section as BestAvailableSeat['sectionId'],
        category: s.category as BestAvailableSeat['category'],
        x: run.table ? 150 + 25 * Math.cos(a) : p * 30,
        y: 50 + r * 60 + (run.table ? 25 * Math.sin(a) : 0),
        accessible: s.accessible,
        restrictedView: s.restrictedView,
        ...(run.table ? { atTable: true as const } : {}),
      });
      status.push(s.status);
    });
    runs.push({ table: run.table, seats: Array.from({ length: len }, (_, p) => first + p) });
  });
  const { runs: _runs, ...request } = c;
  return { seats, runs, status: Uint8Array.from(status), request: request as BestAvailableRequest };
}

/** Each seat's neighbours: along its row, or round its table. */
function neighbours(runs: readonly Run[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const { table, seats } of runs) {
    const len = seats.length;
    seats.forEach((i, p) => {
      const near = table
        ? [seats[(p - 1 + len) % len]!, seats[(p + 1) % len]!]
        : [seats[p - 1], seats[p + 1]].filter((j) => j !== undefined);
      out.set(i, [...new Set(near.filter((j) => j !== i))]);
    });
  }
  return out;
}

/** Free seats with neighbours, all of them taken. */
function orphansOf(near: Map<number, number[]>, status: Uint8Array): number[] {
  return [...near.keys()].filter((i) => {
    const n = near.get(i)!;
    return status[i] === 0 && n.length > 0 && n.every((j) => status[j] !== 0);
  });
}

interface Window {
  readonly run: number;
  readonly seats: number[];
  readonly cost: number;
  readonly strands: boolean;
}

/** Every block of `size` adjacent seats: along a row, or starting at any chair of a table. */
function allWindows(
  prepared: PreparedBestAvailable,
  runs: readonly Run[],
  status: Uint8Array,
  req: BestAvailableRequest,
  eligible: (i: number) => boolean,
): Window[] {
  const cost = seatCost(prepared, req.focalPoint);
  const near = neighbours(runs);
  const before = new Set(orphansOf(near, status));
  const size = req.quantity;
  const windows: Window[] = [];
  runs.forEach(({ table, seats: run }, r) => {
    const len = run.length;
    const starts = size > len ? 0 : table ? (size === len ? 1 : len) : len - size + 1;
    for (let s = 0; s < starts; s++) {
      const seats = Array.from({ length: size }, (_, k) => run[(s + k) % len]!);
      if (!seats.every(eligible)) continue;
      const after = Uint8Array.from(status);
      for (const i of seats) after[i] = 1;
      const strands = orphansOf(near, after).some((i) => !before.has(i));
      const mean = seats.reduce((sum, i) => sum + cost(i), 0) / size;
      const centre = table ? 0 : Math.abs(s + (size - 1) / 2 - (len - 1) / 2) / len;
      windows.push({ run: r, seats, cost: mean + ROW_CENTRE_WEIGHT * centre, strands });
    }
  });
  return windows;
}

function setup(c: Case) {
  const { seats, runs, status, request } = build(c);
  const prepared = prepareBestAvailable({ seats });
  const eligible = eligibleFor(seats, status, request);
  const runOf = (i: number) => runs.findIndex((r) => r.seats.includes(i));
  /** Some table has room for the whole party, though maybe not in one arc. */
  const tableHasRoom = runs.some(
    (r) => r.table && r.seats.filter(eligible).length >= request.quantity,
  );
  return { seats, runs, status, request, prepared, eligible, runOf, tableHasRoom };
}

/** Whether `seats` follow each other round table `run`, each the next chair of the one before. */
function contiguousRound(run: Run, seats: readonly number[]): boolean {
  const len = run.seats.length;
  const at = (i: number) => run.seats.indexOf(i);
  return seats.every((i, k) => k === 0 || at(i) === (at(seats[k - 1]!) + 1) % len);
}

function checkBestAvailable(c: Case): void {
  const { runs, status, request, prepared, eligible, runOf, tableHasRoom } = setup(c);
  const free = runs.flatMap((r) => r.seats).filter(eligible).length;
  const windows = allWindows(prepared, runs, status, request, eligible);
  const result = findBestAvailable(prepared, status, request);
  if (result === null) {
    expect(free < request.quantity || (request.together === true && windows.length === 0)).toBe(
      true,
    );
    return;
  }
  expect(new Set(result.seats).size).toBe(request.quantity);
  expect(result.seats.every(eligible)).toBe(true);
  expect(result.together).toBe(windows.length > 0);
  const inRuns = new Set(result.seats.map(runOf));
  if (tableHasRoom) expect(inRuns.size, 'one table has room: never split').toBe(1);
  if (!result.together) return;

  expect(inRuns.size).toBe(1);
  const run = runs[runOf(result.seats[0]!)]!;
  if (run.table)
    expect(contiguousRound(run, result.seats), 'contiguous round the table').toBe(true);
  const chosen = windows.find((w) => w.seats.join() === result.seats.join());
  expect(chosen, 'result is one block, in order along its row or round its table').toBeDefined();
  expectCheapest(windows, chosen);
}

function checkGroup(c: Case): void {
  const { runs, status, request, prepared, eligible, runOf, tableHasRoom } = setup(c);
  const windows = allWindows(prepared, runs, status, request, eligible);
  const result = findGroupBlock(prepared, status, request);
  if (windows.length === 0 && !tableHasRoom) return;
  expect(result?.rows).toBe(1);
  expect(new Set(result!.seats.map(runOf)).size, 'one row or one table').toBe(1);
  expect(result!.seats.every(eligible)).toBe(true);
  const run = runs[runOf(result!.seats[0]!)]!;
  if (windows.length > 0 && run.table) expect(contiguousRound(run, result!.seats)).toBe(true);
}

describe('best-available with tables, properties', () => {
  it('finds orphans with neighbours along rows and round tables', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { runs, status, prepared } = setup(c);
        const expected = orphansOf(neighbours(runs), status).sort((a, b) => a - b);
        expect(findOrphans(prepared, status)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('offers one best block, contiguous round a table, and never splits a party a table can seat', () => {
    fc.assert(fc.property(caseArb, checkBestAvailable), { numRuns: 2000 });
  });

  it('seats a group at one row or table whenever one has a block or a table has room', () => {
    fc.assert(fc.property(caseArb, checkGroup), { numRuns: 1000 });
  });
});
