// The composition root of the engine's services: one place decides which store and database a
// node uses (Redis or in-process, Postgres or PGlite) from its config, and wires the services.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createAuthenticator, type Authenticator } from './auth/authenticate.ts';
import { keyRevocations } from './auth/key-revocations.ts';
import { sessionSignals } from './auth/session-signals.ts';
import { channelChanges } from './channels/changes.ts';
import { ChannelService } from './channels/service.ts';
import { boxOfficeBus } from './boxoffice/bus.ts';
import { BoxOfficeHub } from './boxoffice/hub.ts';
import { redisTarget, type Config } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import { EventCatalog } from './events/catalog.ts';
import { HoldService } from './holds/service.ts';
import { Sweeper } from './holds/sweeper.ts';
import { instrumentStore } from './observability/instrument-store.ts';
import { createMetrics, type EngineMetrics } from './observability/metrics.ts';
import { OrderService } from './orders/service.ts';
import { MemorySeatStore } from './store/memory/memory-store.ts';
import { openRedis, type RedisConnection } from './store/redis/connection.ts';
import { RedisSeatStore } from './store/redis/redis-store.ts';
import type { SeatStore } from './store/seat-store.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import { enqueueHoldExpiries } from './webhooks/hold-expiry.ts';

export interface EngineContext {
  config: Config;
  db: Db;
  store: SeatStore;
  /** The store's Redis (server or cluster), when the store is Redis (rate limits, leases). */
  redis: RedisConnection | undefined;
  auth: Authenticator;
  catalog: EventCatalog;
  holds: HoldService;
  orders: OrderService;
  /** Sales channels of events: allocations, release, sell-through (channels/). */
  channels: ChannelService;
  /** The live box office of this node: statistics pushed on /boxoffice (boxoffice/). */
  boxoffice: BoxOfficeHub;
  sweeper: Sweeper;
  /** Delivers the webhook outbox; started by the server like the sweeper. */
  webhooks: WebhookDispatcher;
  /** This node's Prometheus registry and metrics (the store is instrumented with them). */
  metrics: EngineMetrics;
  logger: Logger;
  /** Closes store, database and connections (after the server stopped taking work). */
  close(): Promise<void>;
}

export interface ContextOverrides {
  logger?: Logger;
}

/**
 * Opens the database (running migrations), connects the seat store and wires the services.
 * @example const ctx = await createEngineContext(loadConfig(process.env));
 */
export async function createEngineContext(
  config: Config,
  overrides: ContextOverrides = {},
): Promise<EngineContext> {
  const logger = overrides.logger ?? pino({ level: config.LOG_LEVEL });
  // PGlite creates its own folder but not the parents; DATA_DIR may not exist on a first start.
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const db = await openDb({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.DATABASE_URL ? {} : { dataDir: join(config.DATA_DIR, 'pglite') }),
    ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
  });
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const target = redisTarget(config);
  const redis = target
    ? openRedis(target, { maxRetriesPerRequest: 2, enableAutoPipelining: true })
    : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const metrics = createMetrics();
  // Logout, password change and switch reach every node's staff sockets at once.
  const sessions = sessionSignals(redis, config.REDIS_PREFIX, (err) =>
    logger.warn({ err }, 'sessions: signal not published or heard'),
  );
  // A revoked key stops working on every node at once, not after the lookup cache's TTL.
  const revocations = keyRevocations(redis, config.REDIS_PREFIX, (err) =>
    logger.warn({ err }, 'keys: revocation not published or heard'),
  );
  const store: SeatStore = instrumentStore(
    redis ? new RedisSeatStore({ redis, prefix: config.REDIS_PREFIX }) : new MemorySeatStore(),
    metrics,
  );
  const catalog = new EventCatalog(db, store);
  const holds = new HoldService(db, store, catalog, config.MAX_HOLD_SECONDS);
  const orders = new OrderService(db, store, catalog, holds, {
    onBooked: () => metrics.bookings.inc(),
    logger,
  });
  const boxoffice = new BoxOfficeHub({
    db,
    store,
    catalog,
    bus: boxOfficeBus(redis, config.REDIS_PREFIX, (err) =>
      logger.warn({ err }, 'box office: signal not published or heard'),
    ),
    logger,
  });
  const sweeper = new Sweeper({
    store,
    intervalMs: config.SWEEP_INTERVAL_MS,
    logger,
    onExpired: (eventId, tokens) => enqueueHoldExpiries(db, eventId, tokens),
    ...(redis ? { redis, lockKey: `${config.REDIS_PREFIX}sweeper` } : {}),
  });
  const channels = new ChannelService(
    db,
    store,
    catalog,
    holds,
    channelChanges(catalog, redis, config.REDIS_PREFIX, (err) =>
      logger.warn({ err }, 'channels: change not published or heard'),
    ),
  );
  const webhooks = new WebhookDispatcher({
    db,
    logger,
    allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
    onAttempt: (r) => metrics.webhookAttempts.inc({ result: r.ok ? 'ok' : 'failed' }),
  });
  return {
    config,
    db,
    store,
    redis,
    auth: createAuthenticator(db, {
      onTouchError: (err) => logger.warn({ err }, 'could not record API key use'),
      sessionSignals: sessions,
      keyRevocations: revocations,
    }),
    catalog,
    holds,
    orders,
    channels,
    boxoffice,
    sweeper,
    webhooks,
    metrics,
    logger,
    async close() {
      await sweeper.stop();
      await webhooks.stop();
      await boxoffice.close();
      await sessions.close();
      await revocations.close();
      await channels.changes.close();
      await store.close();
      redis?.disconnect();
      await db.close();
    },
  };
}
