// Best-available on the stadium sample (92,240 seats), half of them taken at random: ms per
// findBestAvailable call for 4 seats, next to the least work any best-available must do in the
// same run — one pass over every seat computing its distance to the stage and keeping the
// closest free one. Value: p50 ms per request (lower is better; ratio = baseline / value).
import { readFileSync } from 'node:fs';
import {
  buildLayout,
  findBestAvailable,
  loadSeatmap,
  prepareBestAvailable,
} from '@parterre/seatmaps';
import type { Layout, Point } from '@parterre/seatmaps';
import { percentile, report } from './lib/report.ts';

/** Deterministic PRNG (mulberry32) so every run sees the same hall. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadStadium(): { layout: Layout; focalPoint: Point } {
  const url = new URL('../../seatmaps/samples/stadium.json', import.meta.url);
  const result = loadSeatmap(JSON.parse(readFileSync(url, 'utf8')));
  if (!result.success) throw new Error(`stadium sample does not load: ${result.error.message}`);
  return { layout: buildLayout(result.data), focalPoint: result.data.focalPoint };
}

/** The baseline: the closest free seat, one pass over flat arrays. */
function closestFree(xs: Float64Array, ys: Float64Array, status: Uint8Array, f: Point): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < status.length; i++) {
    if (status[i] !== 0) continue;
    const dx = (xs[i] as number) - f.x;
    const dy = (ys[i] as number) - f.y;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

function timeEach(n: number, f: (k: number) => unknown): number[] {
  for (let k = 0; k < Math.min(n, 20); k++) f(k);
  return Array.from({ length: n }, (_, k) => {
    const t0 = performance.now();
    f(k);
    return performance.now() - t0;
  });
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const { layout, focalPoint } = loadStadium();
  const t0 = performance.now();
  const prepared = prepareBestAvailable(layout);
  const prepareMs = performance.now() - t0;
  const rand = prng(7);
  const status = Uint8Array.from(layout.seats, () => (rand() < 0.5 ? 2 : 0));
  const categories = [...prepared.categoryIds.keys()];
  const xs = Float64Array.from(layout.seats, (s) => s.x);
  const ys = Float64Array.from(layout.seats, (s) => s.y);
  const n = quick ? 200 : 2000;

  const any = timeEach(n, () => findBestAvailable(prepared, status, { quantity: 4, focalPoint }));
  const byCategory = timeEach(n, (k) =>
    findBestAvailable(prepared, status, {
      quantity: 4,
      focalPoint,
      category: categories[k % categories.length],
    }),
  );
  const baseline = timeEach(n, () => closestFree(xs, ys, status, focalPoint));
  const found = findBestAvailable(prepared, status, { quantity: 4, focalPoint });

  report({
    bench: 'best-available',
    value: percentile(any, 50),
    unit: 'ms',
    baseline: percentile(baseline, 50),
    lowerIsBetter: true,
    extra: {
      seats: layout.seats.length,
      rows: prepared.rowCount,
      quantity: 4,
      requests: n,
      p99_ms: Number(percentile(any, 99).toFixed(3)),
      category_p50_ms: Number(percentile(byCategory, 50).toFixed(3)),
      prepare_ms: Number(prepareMs.toFixed(1)),
      found_together: found?.together ?? false,
    },
  });
}
