// Fair use: per-key and per-organisation request limits, so one organisation's on-sale peak (or a
// runaway integration) cannot slow the others, plus a per-IP limit on failed authentications.
//
// Counters live in Redis when the node has one (every node shares them), in memory otherwise (the
// embedded single node). Both are fixed one-second windows from rate-limiter-flexible; a burst
// allowance above the rate comes from a second, slower-refilling pool that is only consulted once
// the rate is spent. The key and organisation counters are consumed together: on ioredis with
// auto-pipelining the two scripts travel in one round trip.
//
// Public keys are embedded in storefronts and so shared by every visitor of an organisation: their
// limit counts per key AND client IP, or one busy on-sale would throttle all its own visitors. The
// organisation limit is the one that bounds an organisation's total.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { RedisConnection } from '../store/redis/connection.ts';

/** The configuration the limits are read from. */
export type RateLimitConfig = Pick<
  Config,
  | 'REDIS_PREFIX'
  | 'RATE_LIMIT_PUBLIC_PER_SECOND'
  | 'RATE_LIMIT_PUBLIC_BURST'
  | 'RATE_LIMIT_SECRET_PER_SECOND'
  | 'RATE_LIMIT_SECRET_BURST'
  | 'RATE_LIMIT_ORG_PER_SECOND'
  | 'RATE_LIMIT_AUTH_FAILURES_PER_MINUTE'
>;

/** The limits one API request goes through. */
export interface RateLimiter {
  /** 429 when this client IP failed authentication too often; costs no Redis call. */
  assertNotBlocked(ip: string): Promise<void>;
  /** Counts a failed authentication; 429 (instead of the 401) once the IP is over its limit. */
  recordAuthFailure(ip: string): Promise<void>;
  /**
   * Counts an authenticated request against its key and organisation; 429 when either is spent.
   * `refused` is called as soon as the request is refused, before the pause that precedes the
   * answer (so the caller can give back what it holds meanwhile).
   */
  consume(principal: Principal, ip: string, refused?: () => void): Promise<void>;
}

/** The burst pool refills over this many seconds (so a burst is available every 10 s). */
const BURST_REFILL_SECONDS = 10;
/** Longest pause before a refusal is answered (ms). */
const MAX_REFUSAL_PAUSE_MS = 1000;
/**
 * Refusals wait up to this much longer, at random: the refused requests of a flood all wait for
 * the same window end, and would otherwise all come back at the same instant, every second.
 */
const REFUSAL_JITTER_MS = 100;
/** Blocked IPs remembered at most (bounds memory under floods from many addresses). */
const MAX_BLOCKED_IPS = 10_000;

interface Consumer {
  consume(key: string): Promise<unknown>;
}

type Store = (name: string, points: number, duration: number) => RateLimiterAbstract;

/** A store-backed limiter; on Redis errors it falls back to this node's memory (fails open-ish). */
function storeOf(redis: RedisConnection | undefined, prefix: string): Store {
  return (name, points, duration) => {
    const keyPrefix = `${prefix}rl:${name}`;
    if (!redis) return new RateLimiterMemory({ keyPrefix, points, duration });
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
      // Once a counter is over its limit, this node refuses it from memory until the window ends:
      // a flood's rejections cost no Redis call.
      inMemoryBlockOnConsumed: points + 1,
    });
  };
}

/** `perSecond` requests a second, up to `burst` in one second while the burst pool lasts. */
function bursty(store: Store, name: string, perSecond: number, burst: number): Consumer | null {
  if (perSecond === 0) return null;
  const rate = store(name, perSecond, 1);
  if (burst <= perSecond) return rate;
  return new BurstyRateLimiter(
    rate,
    store(`${name}:burst`, burst - perSecond, BURST_REFILL_SECONDS),
  );
}

/**
 * The 429 of a spent limit, answered after a pause until the window ends (at most
 * MAX_REFUSAL_PAUSE_MS, plus a random REFUSAL_JITTER_MS): a client that ignores Retry-After and
 * retries at once would otherwise turn refusals into a flood of their own, and a waiting refusal
 * costs the node one timer.
 */
async function limited(
  what: string,
  limit: string,
  msBeforeNext: number,
  refused?: () => void,
): Promise<DomainError> {
  refused?.();
  await sleep(Math.min(msBeforeNext, MAX_REFUSAL_PAUSE_MS) + Math.random() * REFUSAL_JITTER_MS);
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
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
 * @example const limits = sharedRateLimiter(ctx.auth, ctx.config, ctx.redis);
 */
export function sharedRateLimiter(
  owner: object,
  config: RateLimitConfig,
  redis: RedisConnection | undefined,
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
    config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
  ]);
  let limiter = byConfig.get(key);
  if (!limiter) {
    limiter = createRateLimiter(config, redis);
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
): RateLimiter {
  const store = storeOf(redis, config.REDIS_PREFIX);
  const publicKeys = bursty(
    store,
    'pk',
    config.RATE_LIMIT_PUBLIC_PER_SECOND,
    config.RATE_LIMIT_PUBLIC_BURST,
  );
  const secretKeys = bursty(
    store,
    'sk',
    config.RATE_LIMIT_SECRET_PER_SECOND,
    config.RATE_LIMIT_SECRET_BURST,
  );
  const orgs = config.RATE_LIMIT_ORG_PER_SECOND
    ? store('org', config.RATE_LIMIT_ORG_PER_SECOND, 1)
    : null;
  const failures = config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE
    ? store('authfail', config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE, 60)
    : null;
  /** Until when (ms) an IP over its failure limit is refused without asking the store. */
  const blocked = new Map<string, number>();
  const failureLimit = `${config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE}/min`;

  const keyLimit = (kind: Principal['kind']) =>
    kind === 'public'
      ? `${config.RATE_LIMIT_PUBLIC_PER_SECOND}/s, bursts of ${config.RATE_LIMIT_PUBLIC_BURST}, per key and client`
      : `${config.RATE_LIMIT_SECRET_PER_SECOND}/s, bursts of ${config.RATE_LIMIT_SECRET_BURST}`;

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
        throw await limited(
          'failed authentications from this address',
          failureLimit,
          err.msBeforeNext,
        );
      }
    },
    async consume(principal, ip, refused) {
      const keys = principal.kind === 'public' ? publicKeys : secretKeys;
      const [key, org] = await Promise.allSettled([
        keys?.consume(principal.kind === 'public' ? `${principal.keyId}:${ip}` : principal.keyId),
        orgs?.consume(principal.orgId),
      ]);
      if (key.status === 'rejected') {
        if (!(key.reason instanceof RateLimiterRes)) throw key.reason;
        const limit = keyLimit(principal.kind);
        throw await limited('this key', limit, key.reason.msBeforeNext, refused);
      }
      if (org.status === 'rejected') {
        if (!(org.reason instanceof RateLimiterRes)) throw org.reason;
        const limit = `${config.RATE_LIMIT_ORG_PER_SECOND}/s over all its keys`;
        throw await limited('this organisation', limit, org.reason.msBeforeNext, refused);
      }
    },
  };
}
