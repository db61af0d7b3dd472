// When to try a failed delivery again. Delays grow ×3 from 10 s (10 s, 30 s, 90 s, 4.5 min, …)
// up to 6 h, so a receiver that is down for a deploy gets its events minutes later and one down
// for a day still gets them. Up to +20% jitter spreads retries of many events that failed together
// (one receiver outage) so they do not all hit the receiver again in the same second.

const FIRST_DELAY_MS = 10_000;
const FACTOR = 3;
const MAX_DELAY_MS = 6 * 3600_000;
const JITTER = 0.2;

/**
 * Delay before the next attempt after attempt number `attempt` (1-based) failed. `random` returns
 * [0, 1) and picks the jitter.
 * @example retryDelayMs(1, () => 0) // 10_000
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * FACTOR ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(base * (1 + JITTER * random()));
}
