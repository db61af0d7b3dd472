// The sales-velocity chart's scale: a round maximum for the y axis and the minute labels.

/** The smallest of 1, 2, 5, 10, 20, 50, … at or above `max` (at least 1). */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * exp >= max) return step * exp;
  return 10 * exp;
}

/** Total and peak of the series, in plain words for screen readers. */
export function describeVelocity(perMinute: readonly number[]): string {
  const total = perMinute.reduce((a, b) => a + b, 0);
  const peak = Math.max(0, ...perMinute);
  const last = perMinute[perMinute.length - 1] ?? 0;
  return `${total} tickets in the last hour; busiest minute ${peak}; this minute ${last}.`;
}
