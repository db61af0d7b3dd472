// Tenant isolation under a flood: a real engine (Redis seat store, Postgres) serves two
// organisations. Organisation B holds and releases 2 seats every 40 ms (a busy box office) while
// organisation A floods holds (each followed by a release when it succeeded) at full speed from a
// child process over 32 keep-alive connections and 4 secret keys, ignoring 429s. First without limits: what A gets is
// the node's capacity, and B's p99 then is shown for comparison. Then with the default limits and
// the organisation limit at a quarter of that capacity: B's p99 alone (the baseline) and under
// A's flood (the value). Bar: B's p99 under the flood ≤ 2× its p99 alone.
//
// The child process is this file again, started with PARTERRE_ISOLATION_FLOOD set.
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { loadConfig } from '../../engine/src/config.ts';
import { createEngineContext, type EngineContext } from '../../engine/src/context.ts';
import { createEvent } from '../../engine/src/events/repo.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { publishSeatmap } from '../../engine/src/maps/publish.ts';
import { createSeatmap } from '../../engine/src/maps/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { hallDocument } from '../support/engine.ts';
import { percentile, report } from './lib/report.ts';
import { RushHttp } from './rush-http.ts';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FLOOD_ENV = 'PARTERRE_ISOLATION_FLOOD';
/** Requests A keeps in flight: a misbehaving integration with a generous connection pool. */
const FLOOD_CONCURRENCY = 32;
/**
 * The secret keys A spreads its flood over: enough that their own limits (200/s each by default)
 * add up to more than the organisation limit, which is then the one that binds.
 */
const FLOOD_KEYS = 4;
const B_INTERVAL_MS = 40;

interface FloodOrder {
  url: string;
  /** A's secret keys: the flood spreads over them, so the organisation limit is what binds. */
  keys: string[];
  eventId: string;
  seats: number;
}

interface FloodStats {
  requests: number;
  byStatus: Record<string, number>;
  seconds: number;
}

/** The child: floods until told to stop, then reports what it sent. */
async function flood(order: FloodOrder): Promise<void> {
  const http = new RushHttp([order.url], FLOOD_CONCURRENCY, performance.now());
  const byStatus: Record<string, number> = {};
  let requests = 0;
  let running = true;
  const started = performance.now();
  const count = (status: number) => {
    requests += 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const worker = async (_: unknown, n: number) => {
    const key = order.keys[n % order.keys.length] as string;
    while (running) {
      const seat = Math.floor(Math.random() * order.seats);
      const id = `R${1 + Math.floor(seat / 50)}-${1 + (seat % 50)}`;
      const path = `/api/v1/events/${order.eventId}`;
      const held = await http.call(0, 'POST', `${path}/holds`, key, { seats: [id] });
      count(held.status);
      if (held.status !== 200) continue;
      const body = { holdToken: held.body.holdToken };
      count((await http.call(0, 'POST', `${path}/release`, key, body)).status);
    }
  };
  const workers = Array.from({ length: FLOOD_CONCURRENCY }, worker);
  process.send?.('flooding');
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  running = false;
  await Promise.all(workers);
  const stats: FloodStats = { requests, byStatus, seconds: (performance.now() - started) / 1000 };
  process.send?.(stats, () => process.exit(0));
}

if (process.env[FLOOD_ENV]) await flood(JSON.parse(process.env[FLOOD_ENV]) as FloodOrder);

interface Org {
  eventId: string;
  secretKey: string;
  /** Every secret key of the organisation (the first is `secretKey`). */
  secretKeys: string[];
  publicKey: string;
}

/** An organisation with an on-sale event of `rows` × `perRow` seats and both kinds of key. */
async function seedOrg(
  ctx: EngineContext,
  name: string,
  rows: number,
  perRow: number,
  secretKeyCount = 1,
): Promise<Org> {
  const org = await createOrganisation(ctx.db, { name });
  const map = await createSeatmap(ctx.db, {
    orgId: org.id,
    name: `${name} hall`,
    draft: hallDocument(rows, perRow),
  });
  await publishSeatmap(ctx.db, org.id, map.id);
  const event = await createEvent(ctx.db, {
    orgId: org.id,
    name: `${name} night`,
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
  });
  const secretKeys: string[] = [];
  for (let i = 0; i < secretKeyCount; i++) {
    secretKeys.push((await createApiKey(ctx.db, org.id, 'secret', `bench ${i + 1}`)).key);
  }
  const pub = await createApiKey(ctx.db, org.id, 'public', 'bench');
  return { eventId: event.id, secretKey: secretKeys[0] as string, secretKeys, publicKey: pub.key };
}

/** B's hold+release latencies (ms) over `seconds`, one pair started every B_INTERVAL_MS. */
async function measureB(url: string, b: Org, seconds: number): Promise<number[]> {
  const http = new RushHttp([url], 4, performance.now());
  const path = `/api/v1/events/${b.eventId}`;
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const next = performance.now() + B_INTERVAL_MS;
    const seats = [`R${1 + (i % 4)}-${1 + (i % 10)}`, `R${1 + (i % 4)}-${1 + ((i + 5) % 10)}`];
    const started = performance.now();
    const held = await http.call(0, 'POST', `${path}/holds`, b.secretKey, { seats });
    if (held.status !== 200)
      throw new Error(`B's hold answered ${held.status}: ${held.body.detail}`);
    const released = await http.call(0, 'POST', `${path}/release`, b.secretKey, {
      holdToken: held.body.holdToken,
    });
    if (released.status !== 200) throw new Error(`B's release answered ${released.status}`);
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  return samples;
}

/** Runs `measure` while a child process floods `order`; returns both sides' figures. */
async function underFlood<T>(order: FloodOrder, measure: () => Promise<T>) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [FLOOD_ENV]: JSON.stringify(order) },
  });
  await new Promise((resolve) => child.once('message', resolve));
  // Let the flood reach its pace before measuring.
  await new Promise((r) => setTimeout(r, 500));
  const result = await measure();
  const stats = new Promise<FloodStats>((resolve) =>
    child.once('message', (m) => resolve(m as FloodStats)),
  );
  child.send('stop');
  return { result, flood: await stats };
}

async function listen(ctx: EngineContext): Promise<{ url: string; server: Server }> {
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const NO_LIMITS = {
  RATE_LIMIT_PUBLIC_PER_SECOND: 0,
  RATE_LIMIT_SECRET_PER_SECOND: 0,
  RATE_LIMIT_ORG_PER_SECOND: 0,
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 0,
};

export async function run({ quick }: { quick: boolean }): Promise<void> {
  // 30 s gives ~750 samples per phase: the p99 is then the 8th slowest, not the 4th.
  const seconds = quick ? 4 : 30;
  const schema = `bench_iso_${process.pid}`;
  const config = loadConfig({
    DATABASE_URL: PG_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    REDIS_PREFIX: `${schema}:`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
  });
  const ctx = await createEngineContext(config, { logger: pino({ level: 'warn' }) });
  const servers: Server[] = [];
  try {
    const a = await seedOrg(ctx, 'flooder', 20, 50, FLOOD_KEYS);
    const b = await seedOrg(ctx, 'box office', 4, 10);
    const open = await listen({ ...ctx, config: { ...config, ...NO_LIMITS } });
    servers.push(open.server);
    const flooding = (url: string): FloodOrder => ({
      url,
      keys: a.secretKeys,
      eventId: a.eventId,
      seats: 1000,
    });
    await measureB(open.url, b, 1); // warm-up: JIT, connections, caches
    // Without limits the flood takes whatever the node serves: that is the node's capacity.
    const without = await underFlood(flooding(open.url), () => measureB(open.url, b, seconds));
    // Isolation needs the organisation limit below the node's capacity (README): a quarter of it,
    // and never below twice B's own rate.
    const capacity = without.flood.requests / without.flood.seconds;
    const orgLimit = Math.max(2 * (2000 / B_INTERVAL_MS), Math.round(capacity / 4));
    const limited = await listen({
      ...ctx,
      config: { ...config, RATE_LIMIT_ORG_PER_SECOND: orgLimit },
    });
    servers.push(limited.server);
    await measureB(limited.url, b, 1);
    const alone = await measureB(limited.url, b, seconds);
    const withLimits = await underFlood(flooding(limited.url), () =>
      measureB(limited.url, b, seconds),
    );

    const p99 = (s: number[]) => percentile(s, 99);
    const perSecond = (f: FloodStats) => Math.round(f.requests / f.seconds);
    const share429 = (f: FloodStats) => (f.byStatus['429'] ?? 0) / Math.max(1, f.requests);
    const value = p99(withLimits.result);
    const baseline = p99(alone);
    report({
      bench: 'isolation',
      value,
      unit: 'ms',
      baseline,
      lowerIsBetter: true,
      extra: {
        bar: 'B p99 under A flood <= 2x B p99 alone',
        pass: value <= 2 * baseline,
        bP50AloneMs: Number(percentile(alone, 50).toFixed(2)),
        bP50FloodMs: Number(percentile(withLimits.result, 50).toFixed(2)),
        bSamplesAlone: alone.length,
        bSamplesFlood: withLimits.result.length,
        floodConcurrency: FLOOD_CONCURRENCY,
        floodKeys: FLOOD_KEYS,
        floodReqPerS: perSecond(withLimits.flood),
        flood429Share: Number(share429(withLimits.flood).toFixed(3)),
        flood200PerS: Math.round(
          (withLimits.flood.byStatus['200'] ?? 0) / withLimits.flood.seconds,
        ),
        bP99FloodNoLimitsMs: Number(p99(without.result).toFixed(2)),
        floodNoLimitsReqPerS: perSecond(without.flood),
        orgLimitPerS: orgLimit,
        seconds,
      },
    });
  } finally {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await cleanup(ctx, schema);
  }
}

async function cleanup(ctx: EngineContext, schema: string): Promise<void> {
  const redis = ctx.redis;
  if (redis) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${schema}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
  await ctx.close();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
