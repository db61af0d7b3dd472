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
import { closestFree, timeEach } from './lib/best-available-baseline.ts';
import { prng } from './lib/prng.ts';
import { percentile, report } from './lib/report.ts';

function loadStadium(): { layout: Layout; focalPoint: Point } {
  const url = new URL('../../seatmaps/samples/stadium.json', import.meta.url);
  const result = loadSeatmap(JSON.parse(readFileSync(url, 'utf8')));
  if (!result.success) throw new Error(`stadium sample does not load: ${result.error.message}`);
  return { layout: buildLayout(result.data), focalPoint: result.data.focalPoint };
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
