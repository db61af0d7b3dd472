// REST hold+release throughput and latency over keep-alive HTTP. Each cycle holds 1–4 random seats
// of a 10,000-seat event with a public key (POST /events/:id/holds) and, when that succeeded,
// releases them (POST /events/:id/release). Baseline: a bare Express app with the same JSON body
// parsing answering the same two requests from memory, in the same run, driven by the same load
// generator. The load generator is a child process, so the server process's CPU time per request
// can be measured apart from the client's: on a shared 2-core machine throughput swings with other
// processes' load, CPU time per request much less.
import { randomBytes } from 'node:crypto';
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import express from 'express';
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

const ROWS = 100;
const PER_ROW = 100;
const CONCURRENCY = 48;

interface LoadJob {
  port: number;
  key: string;
  holdPath: string;
  releasePath: string;
  ms: number;
}

interface LoadResult {
  requests: number;
  conflicts: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** CPU time (user + system) the server process spent during the phase. */
  serverCpuMs?: number;
}

// ---- load generator (worker thread) ----

function randomSeats(): string[] {
  const seats = new Set<string>();
  const count = 1 + Math.floor(Math.random() * 4);
  while (seats.size < count) {
    seats.add(
      `R${1 + Math.floor(Math.random() * ROWS)}-${1 + Math.floor(Math.random() * PER_ROW)}`,
    );
  }
  return [...seats];
}

function post(agent: Agent, job: LoadJob, path: string, body: unknown) {
  const payload = JSON.stringify(body);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: job.port,
        method: 'POST',
        path,
        headers: {
          authorization: `Bearer ${job.key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const result: LoadResult = { requests: 0, conflicts: 0, errors: 0, seconds: 0, latenciesMs: [] };
  const timed = async (path: string, body: unknown) => {
    const t0 = performance.now();
    const res = await post(agent, job, path, body);
    result.latenciesMs.push(performance.now() - t0);
    result.requests++;
    if (res.status === 409) result.conflicts++;
    else if (res.status !== 200) result.errors++;
    return res;
  };
  const deadline = Date.now() + job.ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const held = await timed(job.holdPath, { seats: randomSeats() });
        if (held.status !== 200) continue;
        const { holdToken } = JSON.parse(held.body) as { holdToken: string };
        await timed(job.releasePath, { holdToken });
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

const CHILD_FLAG = 'PARTERRE_HTTP_BENCH_LOAD';

// In the load process: run each job the parent sends and answer with its result.
if (process.env[CHILD_FLAG] && process.send) {
  process.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (r) => process.send!(r),
      (err: unknown) => process.send!({ error: String(err) }),
    );
  });
}

// ---- servers and phases (main process) ----

/** One load process for the whole run (it starts once: loading TypeScript takes a while). */
function startLoadProcess(): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [CHILD_FLAG]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Runs one phase in the load process and measures this process's CPU time meanwhile. */
function load(child: ChildProcess, job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const before = process.cpuUsage();
    child.once('message', (m: LoadResult | { error: string }) => {
      if ('error' in m) return reject(new Error(m.error));
      const cpu = process.cpuUsage(before);
      resolve({ ...m, serverCpuMs: (cpu.user + cpu.system) / 1000 });
    });
    child.send(job);
  });
}

function merge(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    conflicts: results.reduce((n, r) => n + r.conflicts, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
    serverCpuMs: results.reduce((n, r) => n + (r.serverCpuMs ?? 0), 0),
  };
}

/** The baseline: same body parsing, answers shaped like the real ones, no auth, no store. */
function bareApp(): express.Express {
  const app = express();
  app.use(express.json({ limit: '2mb' }));
  app.post('/hold', (req, res) => {
    const seats = (req.body as { seats: string[] }).seats;
    res.json({
      holdToken: randomBytes(16).toString('base64url'),
      expiresAt: new Date().toISOString(),
      seats,
      ga: [],
    });
  });
  app.post('/release', (_req, res) => {
    res.json({ released: [] });
  });
  return app;
}

async function listen(app: express.Express): Promise<{ server: Server; port: number }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function seed(ctx: EngineContext): Promise<{ eventId: string; key: string }> {
  const org = await createOrganisation(ctx.db, { name: 'bench' });
  const map = await createSeatmap(ctx.db, {
    orgId: org.id,
    name: 'Bench hall',
    draft: hallDocument(ROWS, PER_ROW),
  });
  await publishSeatmap(ctx.db, org.id, map.id);
  const event = await createEvent(ctx.db, {
    orgId: org.id,
    name: 'Bench night',
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
  });
  const { key } = await createApiKey(ctx.db, org.id, 'public', 'bench');
  return { eventId: event.id, key };
}

async function engine(schema: string) {
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    DATABASE_SCHEMA: schema,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `${schema}:`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    // One public key from one address sends everything here: measure the HTTP path, not the
    // fair-use limits (benchmarked by `isolation`).
    RATE_LIMIT_PUBLIC_PER_SECOND: '0',
    RATE_LIMIT_SECRET_PER_SECOND: '0',
    RATE_LIMIT_ORG_PER_SECOND: '0',
    // To compare the fair gate's cost: HTTP_MAX_IN_FLIGHT=0 npm run bench -- http
    ...(process.env.HTTP_MAX_IN_FLIGHT
      ? { HTTP_MAX_IN_FLIGHT: process.env.HTTP_MAX_IN_FLIGHT }
      : {}),
  });
  return createEngineContext(config, { logger: pino({ level: 'warn' }) });
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
  const admin = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const phaseMs = quick ? 5_000 : 15_000;
  const schema = `bench_http_${randomBytes(4).toString('hex')}`;
  const ctx = await engine(schema);
  const bare = await listen(bareApp());
  const api = await listen(createApp(ctx));
  const child = startLoadProcess();
  try {
    const { eventId, key } = await seed(ctx);
    const apiJob = (ms: number): LoadJob => ({
      port: api.port,
      key,
      holdPath: `/api/v1/events/${eventId}/holds`,
      releasePath: `/api/v1/events/${eventId}/release`,
      ms,
    });
    const bareJob = (ms: number): LoadJob => ({
      port: bare.port,
      key,
      holdPath: '/hold',
      releasePath: '/release',
      ms,
    });
    // Warm-up: JIT, connection pools, the event's first load into Redis, the auth cache.
    await load(child, apiJob(1_000));
    await load(child, bareJob(1_000));
    // Rounds alternate baseline and API so a change in machine load (2 shared cores) hits both.
    const rounds = quick ? 3 : 5;
    const bases: LoadResult[] = [];
    const reals: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      bases.push(await load(child, bareJob(phaseMs / rounds)));
      reals.push(await load(child, apiJob(phaseMs / rounds)));
    }
    const base = merge(bases);
    const real = merge(reals);
    if (real.errors > 0) throw new Error(`${real.errors} API requests failed unexpectedly`);
    const rate = (r: LoadResult) => r.requests / r.seconds;
    report({
      bench: 'http',
      value: rate(real),
      unit: 'req/s',
      baseline: rate(base),
      extra: {
        p50Ms: Number(percentile(real.latenciesMs, 50).toFixed(2)),
        p99Ms: Number(percentile(real.latenciesMs, 99).toFixed(2)),
        baselineP50Ms: Number(percentile(base.latenciesMs, 50).toFixed(2)),
        baselineP99Ms: Number(percentile(base.latenciesMs, 99).toFixed(2)),
        serverCpuUsPerReq: Math.round((real.serverCpuMs! * 1000) / real.requests),
        baselineServerCpuUsPerReq: Math.round((base.serverCpuMs! * 1000) / base.requests),
        conflicts: real.conflicts,
        requests: real.requests,
        concurrency: CONCURRENCY,
        seats: ROWS * PER_ROW,
        seconds: phaseMs / 1000,
      },
    });
  } finally {
    child.kill();
    await new Promise((resolve) => api.server.close(resolve));
    await new Promise((resolve) => bare.server.close(resolve));
    await cleanup(ctx, schema);
  }
}
