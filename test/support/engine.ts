// Builds a real engine context for integration tests: real Postgres (a schema of its own in this
// run's database) and real Redis (a key prefix of its own), or the in-process store. `dispose()`
// closes everything and removes the schema and keys.
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import type { SeatmapDocumentInput } from '@parterre/seatmaps';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { loadConfig } from '../../engine/src/config.ts';
import { createEngineContext, type EngineContext } from '../../engine/src/context.ts';
import type { Principal } from '../../engine/src/errors.ts';
import { createEvent, type Price } from '../../engine/src/events/repo.ts';
import { publishSeatmap } from '../../engine/src/maps/publish.ts';
import { createSeatmap } from '../../engine/src/maps/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { databaseUrl, redisUrl, uniqueName } from './services.ts';

export interface TestEngine {
  ctx: EngineContext;
  prefix: string;
  dispose(): Promise<void>;
  /** Removes the schema and keys only, for a context something else (a server) already closed. */
  removeData(): Promise<void>;
}

/**
 * A real engine context on its own Postgres schema and Redis prefix (or the memory store); `env`
 * overrides settings.
 */
export async function testEngine(
  opts: { store?: 'redis' | 'memory'; env?: Record<string, string> } = {},
): Promise<TestEngine> {
  const schema = uniqueName('eng');
  const prefix = `${schema}:`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl(),
    DATABASE_SCHEMA: schema,
    ...(opts.store === 'memory' ? {} : { REDIS_URL: redisUrl(), REDIS_PREFIX: prefix }),
    SWEEP_INTERVAL_MS: '200',
    SEED_DEMO: 'false',
    // Test receivers listen on 127.0.0.1 (the refusal has its own test, with this off).
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    ...opts.env,
  });
  const ctx = await createEngineContext(config, { logger: pino({ level: 'silent' }) });
  const removeData = async () => {
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await deleteKeys(prefix);
  };
  return {
    ctx,
    prefix,
    removeData,
    async dispose() {
      await ctx.close();
      await removeData();
    },
  };
}

/** Deletes every Redis key under a prefix (also used to simulate Redis losing its data). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl());
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** A hall of `rows` × `perRow` seats (ids `R<r>-<n>`, category A for the first half of rows,
 * B for the rest) plus a standing area of 50. */
export function hallDocument(rows = 4, perRow = 10): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Test hall',
    size: { width: 100 + perRow * 30, height: 200 + rows * 40 },
    focalPoint: { x: 50 + (perRow * 30) / 2, y: 20 },
    categories: [
      { key: 'A', label: 'Front', color: '#d9480f' },
      { key: 'B', label: 'Back', color: '#1971c2' },
    ],
    levels: [{ id: 'main', name: 'Main floor' }],
    sections: [
      {
        type: 'section',
        id: 'stalls',
        label: 'Stalls',
        level: 'main',
        transform: { x: 50, y: 80 },
        rows: Array.from({ length: rows }, (_, r) => ({
          type: 'row' as const,
          id: `row-${r + 1}`,
          label: String.fromCharCode(65 + r),
          category: r < rows / 2 ? 'A' : 'B',
          generator: { kind: 'manual' as const },
          seats: Array.from({ length: perRow }, (_, n) => ({
            type: 'seat' as const,
            id: `R${r + 1}-${n + 1}`,
            label: String(n + 1),
            x: n * 30,
            y: r * 40,
          })),
        })),
        gaAreas: [
          {
            type: 'ga',
            id: 'floor',
            label: 'Standing',
            capacity: 50,
            category: 'B',
            outline: [
              { x: 0, y: rows * 40 + 10 },
              { x: 200, y: rows * 40 + 10 },
              { x: 200, y: rows * 40 + 60 },
            ],
          },
        ],
      },
    ],
  };
}

export interface SeededEvent {
  orgId: string;
  eventId: string;
  seatmapId: string;
  secret: Principal;
  pub: Principal;
  secretKey: string;
  publicKey: string;
}

/** An organisation with keys and a published on-sale event of `hallDocument()`. */
export async function seedEvent(
  ctx: EngineContext,
  opts: { rows?: number; perRow?: number; prices?: Price[]; holdTtlSeconds?: number } = {},
): Promise<SeededEvent> {
  const org = await createOrganisation(ctx.db, { name: uniqueName('org') });
  const map = await createSeatmap(ctx.db, {
    orgId: org.id,
    name: 'Test hall',
    draft: hallDocument(opts.rows, opts.perRow),
  });
  await publishSeatmap(ctx.db, org.id, map.id);
  const event = await createEvent(ctx.db, {
    orgId: org.id,
    name: 'Test night',
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
    holdTtlSeconds: opts.holdTtlSeconds ?? 600,
    prices: opts.prices ?? [
      { category: 'A', amount: 5000, currency: 'EUR' },
      { category: 'B', amount: 3000, currency: 'EUR' },
      { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
      { category: 'B', priceType: 'reduced', amount: 1500, currency: 'EUR' },
    ],
  });
  const secretKey = await createApiKey(ctx.db, org.id, 'secret', 'test secret');
  const publicKey = await createApiKey(ctx.db, org.id, 'public', 'test public');
  return {
    orgId: org.id,
    eventId: event.id,
    seatmapId: map.id,
    secret: { orgId: org.id, kind: 'secret', keyId: secretKey.id },
    pub: { orgId: org.id, kind: 'public', keyId: publicKey.id },
    secretKey: secretKey.key,
    publicKey: publicKey.key,
  };
}
