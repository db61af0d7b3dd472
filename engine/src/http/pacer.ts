// Request pacing: the per-key and per-organisation rates as a GCRA (generic cell rate algorithm,
// the "virtual scheduling" form of a token bucket), counted in Redis so every node shares them, or
// in memory on the embedded node.
//
// Why not rate-limiter-flexible's fixed windows (still used for failed authentications): a window
// lets a flooding integration with many connections spend its whole allowance the instant the
// window opens, so every second another organisation's requests met a dense burst (and the
// garbage collection it causes), and the isolation bench's victim p99 rose 2–3× although the
// flooder sent 7% of what the node can serve. The library's `execEvenly` spreads a window's
// requests, but delays every request, a quiet caller's too. A GCRA lets a caller under its rate
// (plus a burst) straight through, and paces a caller over it, nginx's `limit_req` way: its
// request is given the next free slot and waits for it, up to `maxDelayMs`; beyond that it is
// refused. A flood is thus spread evenly over the second, one slot every 1/rate.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RedisConnection } from '../store/redis/connection.ts';

/** One rate a request counts against. */
export interface PaceLimit {
  /** The counter, e.g. `<prefix>rl:{<orgId>}:org`. */
  key: string;
  /** Requests per second. */
  perSecond: number;
  /** Requests that may pass at once after a quiet spell (≥ 1). */
  burst: number;
}

/**
 * Admitted after `waitMs` (set by `limits[limit]`; both 0 when at once), or refused by
 * `limits[limit]`, which frees a slot in `retryAfterMs`.
 */
export type PaceAnswer =
  | { admitted: true; waitMs: number; limit: number }
  | { admitted: false; limit: number; retryAfterMs: number };

/** Takes a slot in every one of `limits` at once, or in none (atomic). */
export interface Pacer {
  take(limits: readonly PaceLimit[]): Promise<PaceAnswer>;
}

/** The interval between two slots and how far ahead of now a slot may be taken without waiting. */
function shape(limit: PaceLimit): { periodMs: number; toleranceMs: number } {
  const periodMs = 1000 / limit.perSecond;
  return { periodMs, toleranceMs: (Math.max(1, limit.burst) - 1) * periodMs };
}

/**
 * GCRA state per limit: the theoretical arrival time (TAT) of the next request, in ms. A request
 * at `now` may pass at `max(tat, now) - tolerance`; taking its slot moves the TAT one period on.
 */
function decide(
  tats: readonly (number | undefined)[],
  limits: readonly PaceLimit[],
  now: number,
  maxDelayMs: number,
): { answer: PaceAnswer; next?: number[] } {
  let waitMs = 0;
  let worst = 0;
  const from = tats.map((tat) => Math.max(tat ?? now, now));
  limits.forEach((limit, i) => {
    const wait = (from[i] as number) - shape(limit).toleranceMs - now;
    if (wait > waitMs) {
      waitMs = wait;
      worst = i;
    }
  });
  if (waitMs > maxDelayMs)
    return { answer: { admitted: false, limit: worst, retryAfterMs: waitMs } };
  const next = limits.map((limit, i) => (from[i] as number) + shape(limit).periodMs);
  return { answer: { admitted: true, waitMs, limit: worst }, next };
}

/**
 * Entries a memory pacer keeps before it drops the idle ones (a TAT in the past is no state), at
 * most once a second: under a flood from many callers the map may stay large, and a sweep per
 * request would scan it every time.
 */
const MEMORY_SWEEP_AT = 10_000;
const MEMORY_SWEEP_EVERY_MS = 1000;

/**
 * This node's pacer (the embedded node, and the stand-in while Redis is unreachable).
 * @example const pacer = memoryPacer(1000); await pacer.take([{ key: 'k', perSecond: 5, burst: 5 }]);
 */
export function memoryPacer(maxDelayMs: number, now: () => number = Date.now): Pacer {
  const tats = new Map<string, number>();
  let sweptAt = -Infinity;
  return {
    async take(limits) {
      const at = now();
      const { answer, next } = decide(
        limits.map((l) => tats.get(l.key)),
        limits,
        at,
        maxDelayMs,
      );
      if (next) {
        if (tats.size >= MEMORY_SWEEP_AT && at - sweptAt >= MEMORY_SWEEP_EVERY_MS) {
          sweptAt = at;
          for (const [key, tat] of tats) if (tat <= at) tats.delete(key);
        }
        limits.forEach((limit, i) => tats.set(limit.key, next[i] as number));
      }
      return answer;
    },
  };
}

// The same decision in Redis, atomic over the request's two limits: lua/pace-2.lua.
const PACE_LUA = readFileSync(fileURLToPath(new URL('./lua/pace-2.lua', import.meta.url)), 'utf8');

interface PaceCommand {
  parterrePace(...args: (string | number)[]): Promise<[number, number, string]>;
}

/**
 * The pacer shared by every node through `redis`; while Redis fails, this node paces on its own
 * (a flood is still slowed; limits are per node until Redis is back).
 * @example const pacer = redisPacer(ctx.redis, 1000);
 */
export function redisPacer(redis: RedisConnection, maxDelayMs: number): Pacer {
  const fallback = memoryPacer(maxDelayMs);
  if (!('parterrePace' in redis)) {
    redis.defineCommand('parterrePace', { numberOfKeys: 2, lua: PACE_LUA });
  }
  const client = redis as unknown as PaceCommand;
  return {
    async take(limits) {
      if (limits.length < 1 || limits.length > 2) {
        throw new Error(`A request counts against 1 or 2 rates, not ${limits.length}`);
      }
      // The script takes two counters; a missing one is given period 0 (not in force) under the
      // first one's key, so both keys stay in one hash slot.
      const [first, second] = limits as [PaceLimit, PaceLimit | undefined];
      const args: (string | number)[] = [first.key, second?.key ?? first.key, maxDelayMs];
      for (const limit of [first, second]) {
        if (!limit) {
          args.push(0, 0);
          continue;
        }
        const { periodMs, toleranceMs } = shape(limit);
        args.push(periodMs, toleranceMs);
      }
      let reply: [number, number, string];
      try {
        reply = await client.parterrePace(...args);
      } catch {
        return fallback.take(limits);
      }
      const [admitted, limit, ms] = reply;
      return admitted === 1
        ? { admitted: true, waitMs: Number(ms), limit }
        : { admitted: false, limit, retryAfterMs: Number(ms) };
    },
  };
}
