// Fair use: per-key and per-organisation request rates, so one organisation's on-sale peak (or a
// runaway integration) cannot slow the others, plus a per-IP limit on failed authentications.
//
// The key and organisation rates are paced (pacer.ts, a GCRA): a caller under its rate plus its
// burst passes at once; a caller over it waits for its next slot, up to RATE_LIMIT_MAX_DELAY_MS,
// and beyond that gets 429. Both rates are taken in one atomic step (one Redis round trip). The
// failed-authentication limit stays a per-minute counter from rate-limiter-flexible, which also
// blocks the address in memory once it is over. Counters live in Redis when the node has one
// (every node shares them), in memory otherwise (the embedded single node).
//
// Public keys are embedded in storefronts and so shared by every visitor of an organisation: their
// rate counts per key AND client IP, or one busy on-sale would throttle all its own visitors. The
// organisation rate is the one that bounds an organisation's total.
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EngineMetrics } from '../observability/metrics.ts';
import type { RedisConnection } from '../store/redis/connection.ts';
import { memoryPacer, redisPacer, type PaceLimit } from './pacer.ts';

/** The configuration the limits are read from. */
export type RateLimitConfig = Pick<
  Config,
  | 'REDIS_PREFIX'
  | 'RATE_LIMIT_PUBLIC_PER_SECOND'
  | 'RATE_LIMIT_PUBLIC_BURST'
  | 'RATE_LIMIT_SECRET_PER_SECOND'
  | 'RATE_LIMIT_SECRET_BURST'
  | 'RATE_LIMIT_ORG_PER_SECOND'
  | 'RATE_LIMIT_ORG_BURST'
  | 'RATE_LIMIT_MAX_DELAY_MS'
  | 'RATE_LIMIT_AUTH_FAILURES_PER_MINUTE'
>;

/** The limits one API request goes through. */
export interface RateLimiter {
  /** 429 when this client IP failed authentication too often; costs no Redis call. */
  assertNotBlocked(ip: string): Promise<void>;
  /** Counts a failed authentication; 429 (instead of the 401) once the IP is over its limit. */
  recordAuthFailure(ip: string): Promise<void>;
  /**
   * Takes a slot of the request's key and organisation rates: resolves at once while both have
   * room, after a pause (at most RATE_LIMIT_MAX_DELAY_MS) when the caller runs over them, and
   * throws 429 RATE_LIMITED when even that would not do.
   */
  consume(principal: Principal, ip: string): Promise<void>;
}

/** A rate a request counts against, with what a refusal by it says and its metric label. */
interface Rate extends PaceLimit {
  /** Whose rate, in a refusal's words ("this key"). */
  what: string;
  /** Its figures, in a refusal's words ("200/s, bursts of 400"). */
  figures: string;
  label: 'key' | 'organisation';
}

/** A rate before a request's counter key is known. */
type RateOf = Omit<Rate, 'key'>;

/** Longest pause before a refusal is answered (ms). */
const MAX_REFUSAL_PAUSE_MS = 1000;
/**
 * Refusals wait up to this much longer, at random: the refused requests of a flood all wait for
 * the same moment, and would otherwise all come back at the same instant.
 */
const REFUSAL_JITTER_MS = 100;
/** Blocked IPs remembered at most (bounds memory under floods from many addresses). */
const MAX_BLOCKED_IPS = 10_000;

/**
 * The 429 of a spent limit, answered after a pause (at most MAX_REFUSAL_PAUSE_MS, plus a random
 * REFUSAL_JITTER_MS): a client that ignores Retry-After and retries at once would otherwise turn
 * refusals into a flood of their own, and a waiting refusal costs the node one timer.
 */
async function limited(what: string, limit: string, msBeforeNext: number): Promise<DomainError> {
  const pause = Math.min(msBeforeNext, MAX_REFUSAL_PAUSE_MS) + Math.random() * REFUSAL_JITTER_MS;
  await sleep(pause);
  const seconds = Math.max(1, Math.ceil((msBeforeNext - pause) / 1000));
  return new DomainError(
    'RATE_LIMITED',
    `Rate limit of ${what} exceeded (${limit}); retry after ${seconds} s`,
    { retryAfterSeconds: seconds },
  );
}

const shared = new WeakMap<object, Map<string, RateLimiter>>();

/**
 * One limiter per engine (`owner`, e.g. ctx.auth) and configuration, so the REST guard and the
 * socket handshakes count failed authentications from an address together, on every store.
 * @example const limits = sharedRateLimiter(ctx.auth, ctx.config, ctx.redis, ctx.metrics);
 */
export function sharedRateLimiter(
  owner: object,
  config: RateLimitConfig,
  redis: RedisConnection | undefined,
  metrics?: Pick<EngineMetrics, 'rateLimits'>,
): RateLimiter {
  const byConfig = shared.get(owner) ?? new Map<string, RateLimiter>();
  shared.set(owner, byConfig);
  const key = JSON.stringify([
    redis ? 'redis' : 'memory',
    config.REDIS_PREFIX,
    config.RATE_LIMIT_PUBLIC_PER_SECOND,
    config.RATE_LIMIT_PUBLIC_BURST,
    config.RATE_LIMIT_SECRET_PER_SECOND,
    config.RATE_LIMIT_SECRET_BURST,
    config.RATE_LIMIT_ORG_PER_SECOND,
    config.RATE_LIMIT_ORG_BURST,
    config.RATE_LIMIT_MAX_DELAY_MS,
    config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
  ]);
  let limiter = byConfig.get(key);
  if (!limiter) {
    limiter = createRateLimiter(config, redis, metrics);
    byConfig.set(key, limiter);
  }
  return limiter;
}

/**
 * The limits of `config`, counted in `redis` (shared by all nodes) or in memory when undefined.
 * @example
 * const limits = createRateLimiter(ctx.config, ctx.redis);
 * await limits.consume(principal, req.ip); // throws DomainError RATE_LIMITED (429)
 */
export function createRateLimiter(
  config: RateLimitConfig,
  redis: RedisConnection | undefined,
  metrics?: Pick<EngineMetrics, 'rateLimits'>,
): RateLimiter {
  const count = (limit: string, outcome: 'paced' | 'refused') =>
    metrics?.rateLimits.inc({ limit, outcome });
  const prefix = config.REDIS_PREFIX;
  const maxDelay = config.RATE_LIMIT_MAX_DELAY_MS;
  const pacer = redis ? redisPacer(redis, maxDelay) : memoryPacer(maxDelay);
  const failures = config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE
    ? failureCounter(redis, `${prefix}rl:authfail`, config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE)
    : null;
  /** Until when (ms) an IP over its failure limit is refused without asking the store. */
  const blocked = new Map<string, number>();
  const failureLimit = `${config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE}/min`;

  // What each rate is does not change per request: built once, each request adds its counter key.
  const keyRate = (perSecond: number, burstSetting: number, per: string): RateOf | null => {
    if (perSecond === 0) return null;
    const burst = Math.max(perSecond, burstSetting);
    const figures = `${perSecond}/s, bursts of ${burst}${per}`;
    return { perSecond, burst, what: 'this key', figures, label: 'key' };
  };
  const publicRate = keyRate(
    config.RATE_LIMIT_PUBLIC_PER_SECOND,
    config.RATE_LIMIT_PUBLIC_BURST,
    ', per key and client',
  );
  const secretRate = keyRate(
    config.RATE_LIMIT_SECRET_PER_SECOND,
    config.RATE_LIMIT_SECRET_BURST,
    '',
  );
  const orgPerSecond = config.RATE_LIMIT_ORG_PER_SECOND;
  const orgBurst = config.RATE_LIMIT_ORG_BURST;
  const orgRate: RateOf | null = orgPerSecond
    ? {
        perSecond: orgPerSecond,
        burst: orgBurst,
        what: 'this organisation',
        figures: `${orgPerSecond}/s, bursts of ${orgBurst}, over all its keys`,
        label: 'organisation',
      }
    : null;

  /** The rates `principal` counts against, each with its counter. */
  const ratesOf = (principal: Principal, ip: string): Rate[] => {
    // Every counter carries the organisation's hash tag: one Redis Cluster slot per organisation.
    const tag = `${prefix}rl:{${principal.orgId}}`;
    const rates: Rate[] = [];
    if (principal.kind === 'public') {
      if (publicRate) rates.push({ ...publicRate, key: `${tag}:pk:${principal.keyId}:${ip}` });
    } else if (secretRate) {
      rates.push({ ...secretRate, key: `${tag}:sk:${principal.keyId}` });
    }
    if (orgRate) rates.push({ ...orgRate, key: `${tag}:org` });
    return rates;
  };

  return {
    async assertNotBlocked(ip) {
      const until = blocked.get(ip);
      if (until === undefined) return;
      const left = until - Date.now();
      if (left > 0)
        throw await limited('failed authentications from this address', failureLimit, left);
      blocked.delete(ip);
    },
    async recordAuthFailure(ip) {
      if (!failures) return;
      try {
        await failures.consume(ip);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        if (blocked.size >= MAX_BLOCKED_IPS) blocked.delete(blocked.keys().next().value as string);
        blocked.set(ip, Date.now() + err.msBeforeNext);
        count('address', 'refused');
        throw await limited(
          'failed authentications from this address',
          failureLimit,
          err.msBeforeNext,
        );
      }
    },
    async consume(principal, ip) {
      const rates = ratesOf(principal, ip);
      if (!rates.length) return;
      const answer = await pacer.take(rates);
      const rate = rates[answer.limit] as Rate;
      if (answer.admitted) {
        if (answer.waitMs > 0) {
          count(rate.label, 'paced');
          await sleep(answer.waitMs);
        }
        return;
      }
      count(rate.label, 'refused');
      throw await limited(rate.what, rate.figures, answer.retryAfterMs);
    },
  };
}

/** Failed authentications per address and minute; on Redis errors it counts in memory. */
function failureCounter(redis: RedisConnection | undefined, keyPrefix: string, points: number) {
  const duration = 60;
  if (!redis) return new RateLimiterMemory({ keyPrefix, points, duration });
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}
