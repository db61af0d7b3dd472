// Configuration is read once from the environment and validated; a bad value stops startup with
// a message naming the variable, instead of failing later in some request.
import { z } from 'zod';
import { parseClusterNodes, type RedisTarget } from './store/redis/connection.ts';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Unset: the in-process seat store (single node). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * A Redis Cluster instead of one server: comma-separated startup nodes `host:port` (or
   * `redis://user:pass@host:port`, `rediss://…` for TLS); the client discovers the others.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .transform((value, ctx) => {
      try {
        return parseClusterNodes(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('pt:'),
  /** Unset: PGlite (embedded Postgres) in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often expired holds are swept (ms). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Longest hold a client may ask for or extend to. */
  MAX_HOLD_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
  /** Days failed logins of unknown emails stay in login_failures; older rows are pruned daily. */
  LOGIN_FAILURES_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  /** Seed a demo organisation, venue and event on first start (embedded default). */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  /** API requests per second per public key and client IP (0: no limit). */
  RATE_LIMIT_PUBLIC_PER_SECOND: z.coerce.number().int().min(0).max(1_000_000).default(50),
  /** Requests one public key and client IP may send at once after a quiet spell (the rate refills it). */
  RATE_LIMIT_PUBLIC_BURST: z.coerce.number().int().min(0).max(1_000_000).default(100),
  /** API requests per second per secret key or staff session (0: no limit). */
  RATE_LIMIT_SECRET_PER_SECOND: z.coerce.number().int().min(0).max(1_000_000).default(200),
  /** Requests one secret key or staff session may send at once after a quiet spell. */
  RATE_LIMIT_SECRET_BURST: z.coerce.number().int().min(0).max(1_000_000).default(400),
  /** API requests per second per organisation, summed over its keys (0: no limit). */
  RATE_LIMIT_ORG_PER_SECOND: z.coerce.number().int().min(0).max(1_000_000).default(500),
  /**
   * Requests one organisation may send at once after a quiet spell, over all its keys. Small on
   * purpose: an organisation's burst runs the node at full speed while it lasts, and that is when
   * the other organisations wait (the isolation bench's slowest holds all fell in the flood's
   * first burst). Beyond it, requests are paced at the organisation rate.
   */
  RATE_LIMIT_ORG_BURST: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /**
   * How long a request over its key or organisation rate may wait for its turn (ms); a caller
   * further over gets 429. Pacing spreads a flood evenly instead of letting it burst.
   */
  RATE_LIMIT_MAX_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Failed authentications per client IP per minute before it gets 429 (0: no limit). */
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(60),
  /**
   * API requests one node works on at once; beyond, requests wait in one queue per organisation,
   * served in turn, so a flooding organisation cannot crowd out the others (0: no limit).
   */
  HTTP_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(8),
  /**
   * Which proxies' X-Forwarded-For to believe for the client IP (per-IP limits): Express's
   * "trust proxy" value, e.g. `1` (one proxy hop), `loopback`, `10.0.0.0/8`. Unset: none.
   */
  /**
   * Let webhooks go to loopback, link-local and private addresses (127.0.0.1, 10.x, 169.254.x…):
   * for self-hosting next to the receiver and for tests. Off by default, which refuses them at
   * registration and before every delivery (SSRF).
   */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]+$/, 'must be a hop count, true, or proxy addresses/subnets')
    .optional(),
});

/** Config plus the rules that span several variables. */
const CheckedConfig = Config.refine((c) => !(c.REDIS_URL && c.REDIS_CLUSTER_NODES), {
  path: ['REDIS_CLUSTER_NODES'],
  message: 'set either REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both',
});

export type Config = z.infer<typeof Config>;

/**
 * Where the node's Redis is, or undefined for the in-process store.
 * @example const target = redisTarget(config); // { url } or { cluster: [...] }
 */
export function redisTarget(config: Config): RedisTarget | undefined {
  if (config.REDIS_CLUSTER_NODES) return config.REDIS_CLUSTER_NODES;
  return config.REDIS_URL ? { url: config.REDIS_URL } : undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates the environment into a Config.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = CheckedConfig.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
