// Spatial index over 100,000 seats: how long SeatIndex takes to build, and what a hit-test
// (seatAt) and a viewport query (inRect) cost, next to a brute-force linear scan over the same
// seats in the same run. Value: µs per seatAt query (lower is better; ratio = speed-up).
import { SEAT_RADIUS, SeatIndex } from '@parterre/seatmaps';
import { prng } from './lib/prng.ts';
import { report } from './lib/report.ts';

const COLUMNS = 400;
const ROWS = 250;
const SPACING_X = 25;
const SPACING_Y = 40;
/** A typical viewport at a zoom where seats are readable: a few hundred seats. */
const VIEW = { width: 500, height: 400 };

function grid(): { x: number; y: number }[] {
  const rand = prng(1);
  return Array.from({ length: COLUMNS * ROWS }, (_, i) => ({
    x: (i % COLUMNS) * SPACING_X + rand() * 2,
    y: Math.floor(i / COLUMNS) * SPACING_Y + rand() * 2,
  }));
}

/** The baseline: what a renderer without an index does, over flat typed arrays. */
class LinearScan {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  constructor(seats: readonly { x: number; y: number }[]) {
    this.xs = Float64Array.from(seats, (s) => s.x);
    this.ys = Float64Array.from(seats, (s) => s.y);
  }
  seatAt(x: number, y: number, radius: number): number {
    let best = -1;
    let bestD = radius * radius;
    for (let i = 0; i < this.xs.length; i++) {
      const dx = (this.xs[i] as number) - x;
      const dy = (this.ys[i] as number) - y;
      const d = dx * dx + dy * dy;
      if (d < bestD || (best < 0 && d === bestD)) [best, bestD] = [i, d];
    }
    return best;
  }
  inRect(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.xs.length; i++) {
      const x = this.xs[i] as number;
      const y = this.ys[i] as number;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) out.push(i);
    }
    return out;
  }
}

interface Query {
  x: number;
  y: number;
}

function queries(n: number, seed: number): Query[] {
  const rand = prng(seed);
  const w = COLUMNS * SPACING_X;
  const h = ROWS * SPACING_Y;
  return Array.from({ length: n }, () => ({ x: rand() * w, y: rand() * h }));
}

/** Mean µs per call of `f` over `qs`, after one untimed warm-up pass. */
function timeQueries(qs: readonly Query[], f: (q: Query) => number): { us: number; check: number } {
  let check = 0;
  for (const q of qs) check += f(q);
  const t0 = performance.now();
  check = 0;
  for (const q of qs) check += f(q);
  return { us: ((performance.now() - t0) * 1000) / qs.length, check };
}

function timeBuild(seats: readonly { x: number; y: number }[], runs: number): number {
  SeatIndex.build(seats);
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) SeatIndex.build(seats);
  return (performance.now() - t0) / runs;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const seats = grid();
  const index = SeatIndex.build(seats);
  const scan = new LinearScan(seats);
  const buildMs = timeBuild(seats, quick ? 3 : 10);

  const indexQs = queries(quick ? 20_000 : 200_000, 2);
  // The scan is ~1000× slower: fewer queries give the same precision in reasonable time.
  const scanQs = indexQs.slice(0, quick ? 200 : 2_000);
  const seatAt = timeQueries(indexQs, (q) => index.seatAt(q.x, q.y, SEAT_RADIUS));
  const seatAtScan = timeQueries(scanQs, (q) => scan.seatAt(q.x, q.y, SEAT_RADIUS));
  const rect = (q: Query) => [q.x, q.y, q.x + VIEW.width, q.y + VIEW.height] as const;
  const inRect = timeQueries(
    indexQs.slice(0, indexQs.length / 10),
    (q) => index.inRect(...rect(q)).length,
  );
  const inRectScan = timeQueries(scanQs, (q) => scan.inRect(...rect(q)).length);

  // Both sides must give the same answers, or the comparison means nothing.
  const agreeSeatAt = scanQs.every(
    (q) => index.seatAt(q.x, q.y) === scan.seatAt(q.x, q.y, SEAT_RADIUS),
  );
  const agreeInRect = scanQs.every(
    (q) => index.inRect(...rect(q)).length === scan.inRect(...rect(q)).length,
  );
  if (!agreeSeatAt || !agreeInRect) throw new Error('SeatIndex and the linear scan disagree');

  console.log(
    `spatial: ${seats.length} seats, build ${buildMs.toFixed(1)} ms; ` +
      `inRect ${VIEW.width}×${VIEW.height} ${inRect.us.toFixed(2)} µs vs scan ${inRectScan.us.toFixed(0)} µs ` +
      `(~${Math.round(inRect.check / (indexQs.length / 10))} seats per rect)`,
  );
  report({
    bench: 'spatial',
    value: seatAt.us,
    unit: 'µs/seatAt',
    baseline: seatAtScan.us,
    lowerIsBetter: true,
    extra: {
      seats: seats.length,
      buildMs: Number(buildMs.toFixed(2)),
      inRectUs: Number(inRect.us.toFixed(3)),
      inRectBaselineUs: Number(inRectScan.us.toFixed(1)),
      seatAtQueries: indexQs.length,
      baselineQueries: scanQs.length,
    },
  });
}
