// What the best-available benchmarks measure against: the least work any best-available must do
// (one pass over every seat keeping the closest free one), and the timing loop they share.
import type { Point } from '@parterre/seatmaps';

/** The baseline: the closest free seat, one pass over flat arrays. */
export function closestFree(
  xs: Float64Array,
  ys: Float64Array,
  status: Uint8Array,
  f: Point,
): number {
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

/** Milliseconds for each of `n` calls of `f(k)`, after up to 20 warm-up calls. */
export function timeEach(n: number, f: (k: number) => unknown): number[] {
  for (let k = 0; k < Math.min(n, 20); k++) f(k);
  return Array.from({ length: n }, (_, k) => {
    const t0 = performance.now();
    f(k);
    return performance.now() - t0;
  });
}
