// validateSeatmap on the stadium sample (92,240 seats): ms per validation, next to buildLayout on
// the same document in the same run — the bare walk that flattens every seat into world
// coordinates, which any whole-plan check must at least do. Value: p50 ms (lower is better).
import { readFileSync } from 'node:fs';
import {
  SeatmapDocument,
  buildLayout,
  expandBlocks,
  validateSeatmap,
  validateSeatmapJson,
} from '@parterre/seatmaps';
import { percentile, report } from './lib/report.ts';

function timeEach(n: number, f: () => unknown): number[] {
  f();
  return Array.from({ length: n }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  });
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const url = new URL('../../seatmaps/samples/stadium.json', import.meta.url);
  const json: unknown = JSON.parse(readFileSync(url, 'utf8'));
  const doc = expandBlocks(SeatmapDocument.parse(json));
  const seats = buildLayout(doc).seats.length;
  const problems = validateSeatmap(doc).length;
  const n = quick ? 5 : 20;

  const validate = timeEach(n, () => validateSeatmap(doc));
  const baseline = timeEach(n, () => buildLayout(doc));
  const fromJson = timeEach(Math.min(n, 5), () => validateSeatmapJson(json));

  report({
    bench: 'validation',
    value: percentile(validate, 50),
    unit: 'ms',
    baseline: percentile(baseline, 50),
    lowerIsBetter: true,
    extra: {
      seats,
      problems,
      runs: n,
      json_p50_ms: Number(percentile(fromJson, 50).toFixed(1)),
    },
  });
}
