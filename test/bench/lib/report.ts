// Shared output of every benchmark: a human line with figure, baseline and ratio, then exactly
// one JSON line for machines as the last line of output.

export interface BenchResult {
  bench: string;
  /** Throughput (ops/s) or, for latency benchmarks, the p99 in ms. */
  value: number;
  unit: string;
  /** The same figure for the bare baseline measured in the same run. */
  baseline: number;
  /** Extra figures (p50, sample counts, sizes, ...). */
  extra?: Record<string, number | string | boolean>;
  /** For latency benchmarks lower is better, so the ratio is baseline / value. */
  lowerIsBetter?: boolean;
}

export function report(result: BenchResult): void {
  const ratio = result.lowerIsBetter
    ? result.baseline / result.value
    : result.value / (result.baseline || Number.NaN);
  const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toString() : n.toFixed(2));
  console.log(
    `${result.bench}: ${fmt(result.value)} ${result.unit} vs baseline ${fmt(result.baseline)} ${result.unit}` +
      ` → ratio ${ratio.toFixed(2)}${result.lowerIsBetter ? ' (baseline/value, higher is better)' : ''}`,
  );
  console.log(
    JSON.stringify({
      bench: result.bench,
      value: Number(result.value.toFixed(3)),
      unit: result.unit,
      baseline: Number(result.baseline.toFixed(3)),
      ratio: Number(ratio.toFixed(3)),
      ...result.extra,
    }),
  );
}

/** Percentile of an unsorted sample (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
