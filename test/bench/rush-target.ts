// Where the rush runs: real engine processes, either the embedded default (one node, in-process
// seat store, PGlite in a temporary DATA_DIR) or a cluster (two nodes on Redis + Postgres, one
// key prefix and one schema). The event is set up through the REST API with the demo
// organisation's keys, exactly as an integrator would; afterwards the live bookings are read from
// the database for the double-sell check.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openPgliteDb } from '../../engine/src/db/pglite-db.ts';
import { hallDocument } from '../support/engine.ts';
import { rest, startEngineNode, type EngineNode } from '../support/node-process.ts';

export type TargetKind = 'embedded' | 'cluster';

export interface RushTarget {
  kind: TargetKind;
  nodes: EngineNode[];
  eventId: string;
  publicKey: string;
  secretKey: string;
  /** Live booked seat indexes in the database (read after the nodes stopped, for PGlite). */
  liveBookedSeats(): Promise<number[]>;
  /** Stops the nodes and removes data dir, schema and keys. */
  close(): Promise<void>;
}

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function must(
  what: string,
  answer: Promise<{ status: number; body: any }>, // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers
  status: number,
) {
  const r = await answer;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Draws, publishes and puts on sale a `rows` × `perRow` hall with the demo secret key. */
async function createRushEvent(url: string, secretKey: string, rows: number, perRow: number) {
  const map = await must(
    'create seat map',
    rest(url, secretKey, 'POST', '/seatmaps', {
      name: 'Rush hall',
      document: hallDocument(rows, perRow),
    }),
    201,
  );
  await must('publish', rest(url, secretKey, 'POST', `/seatmaps/${map.id}/publish`, {}), 201);
  const event = await must(
    'create event',
    rest(url, secretKey, 'POST', '/events', {
      name: 'On-sale rush',
      seatmapId: map.id,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      holdTtlSeconds: 120,
      prices: [
        { category: 'A', amount: 5000, currency: 'EUR' },
        { category: 'B', amount: 3000, currency: 'EUR' },
      ],
    }),
    201,
  );
  return event.id as string;
}

/**
 * Fair-use limits off: every virtual visitor shares 127.0.0.1 and one public key, which the
 * per-key-and-IP limit would throttle as one client; the rush measures the engine, not the limits.
 */
const NO_RATE_LIMITS = {
  RATE_LIMIT_PUBLIC_PER_SECOND: '0',
  RATE_LIMIT_SECRET_PER_SECOND: '0',
  RATE_LIMIT_ORG_PER_SECOND: '0',
};

const LIVE_SEATS_SQL = 'SELECT seat_index FROM booking_seats WHERE live AND event_id = $1';

/**
 * Starts the target's nodes and creates a `rows` × `perRow` event on it.
 * @example const target = await startTarget('cluster', 50, 100);
 */
export async function startTarget(
  kind: TargetKind,
  rows: number,
  perRow: number,
): Promise<RushTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parterre-rush-'));
  const schema = `bench_rush_${randomBytes(4).toString('hex')}`;
  const shared: Record<string, string> =
    kind === 'cluster'
      ? {
          REDIS_URL,
          REDIS_PREFIX: `${schema}:`,
          DATABASE_URL: PG_URL,
          DATABASE_SCHEMA: schema,
        }
      : // Empty means unset (config.ts): the embedded default, whatever this shell exports.
        { REDIS_URL: '', DATABASE_URL: '' };
  const env = {
    ...shared,
    ...NO_RATE_LIMITS,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SWEEP_INTERVAL_MS: '1000',
  };
  const nodes: EngineNode[] = [];
  const cleanup = async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
    await rm(dataDir, { recursive: true, force: true });
    if (kind !== 'cluster') return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${schema}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  };
  try {
    nodes.push(await startEngineNode('node-A', { ...env, SEED_DEMO: 'true' }));
    if (kind === 'cluster')
      nodes.push(await startEngineNode('node-B', { ...env, SEED_DEMO: 'false' }));
    const demo = JSON.parse(await readFile(join(dataDir, 'demo.json'), 'utf8')) as {
      publicKey: string;
      secretKey: string;
    };
    const eventId = await createRushEvent(nodes[0]!.url, demo.secretKey, rows, perRow);
    const liveBookedSeats = async () => {
      // Read as the connecting (super)user: the count spans the engine's row-level security.
      if (kind === 'cluster') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        try {
          await admin.query(`SET search_path TO ${schema}`);
          return (await admin.query<{ seat_index: number }>(LIVE_SEATS_SQL, [eventId])).rows.map(
            (r) => r.seat_index,
          );
        } finally {
          await admin.end();
        }
      }
      // PGlite allows one process: stop the node first.
      await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
      const db = await openPgliteDb(join(dataDir, 'pglite'));
      try {
        const { rows: live } = await db.query<{ seat_index: number }>(LIVE_SEATS_SQL, [eventId]);
        return live.map((r) => r.seat_index);
      } finally {
        await db.close();
      }
    };
    const { publicKey, secretKey } = demo;
    return { kind, nodes, eventId, publicKey, secretKey, liveBookedSeats, close: cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
