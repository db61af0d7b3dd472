// Live fan-out latency: N sockets subscribed to one event on a live-layer server (in-process
// seat store, or the Redis store with --redis; default 50 ms coalescing), a driver making 200
// seat changes/s. Latency of a change = its receipt at a client − the time its store command
// returned (the driver records the time of every seq; a message covering (fromSeq, seq]
// delivers each of those changes). p50/p99 over every (change, client) pair, after one
// unmeasured warm-up second.
// Baseline, same run: a bare socket.io server doing `io.to(room).emit` of a message of the same
// size, at the same message rate the live layer produced, to the same number of sockets;
// latency = receipt − emit. The gap between the two is coalescing wait plus the live layer.
// Clients run in a child process by default (honest: the server gets its own core); full mode
// also measures them in the server's process. This file is also that child's entry point.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import type { SeatsMessage } from '@parterre/seatmaps';
import { Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { io as ioClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { attachLive } from '../../engine/src/live/index.ts';
import type { LiveDeps } from '../../engine/src/live/index.ts';
import { MemorySeatStore } from '../../engine/src/store/memory/memory-store.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { report } from './lib/report.ts';

const EVENT = 'bench';
const SEATS = 2000;
const RATE = 200;
/** The first second (JIT, connection churn) is driven but not measured. */
const WARMUP_S = 1;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ClientSpec {
  url: string;
  count: number;
  mode: 'live' | 'bare';
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  missing: number;
}

// ---- clients (run in the child process or in-process) ----

/** Connects `count` sockets; resolves with a collector of their receipt records. */
async function startClients(spec: ClientSpec) {
  const sockets: Socket[] = [];
  const records: number[][] = [];
  for (let i = 0; i < spec.count; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, spec.count - i) }, async () => {
        const live = spec.mode === 'live';
        const socket = ioClient(`${spec.url}/${live ? 'live' : 'bare'}`, {
          forceNew: true,
          transports: ['websocket'],
          ...(live ? { auth: { key: 'pk_bench', protocolVersion: PROTOCOL_VERSION } } : {}),
        });
        const mine: number[] = [];
        records.push(mine);
        sockets.push(socket);
        socket.on('seats', (msg: SeatsMessage) => mine.push(msg.fromSeq, msg.seq, now()));
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        if (live) await socket.emitWithAck('subscribe', { eventId: EVENT });
      }),
    );
  }
  return {
    /** Latency of every (change, client) pair, given each seq's commit time. */
    collect(commits: number[], lastSeq: number): Latency {
      const samples: number[] = [];
      let missing = 0;
      for (const mine of records) {
        let covered = 0;
        for (let i = 0; i < mine.length; i += 3) {
          const [from, to, at] = [mine[i] as number, mine[i + 1] as number, mine[i + 2] as number];
          for (let seq = from + 1; seq <= to; seq++) {
            // Warm-up seqs have no commit time (null after the trip through IPC).
            const committed = commits[seq];
            if (typeof committed === 'number') samples.push(at - committed);
          }
          covered += to - from;
        }
        missing += Math.max(0, lastSeq - covered);
      }
      return { ...quantiles(samples), samples: samples.length, missing };
    },
    close: () => sockets.forEach((s) => s.disconnect()),
  };
}

type Clients = Awaited<ReturnType<typeof startClients>>;

/** Runs the clients in a child process (this file, FANOUT_CHILD=1), behind the same interface. */
async function forkClients(
  spec: ClientSpec,
): Promise<Omit<Clients, 'collect'> & { collect: (c: number[], l: number) => Promise<Latency> }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, FANOUT_CHILD: '1' },
    execArgv: ['--import', 'tsx'],
  });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  child.send(spec);
  await next();
  return {
    async collect(commits, lastSeq) {
      child.send({ commits, lastSeq });
      return (await next()) as Latency;
    },
    close: () => void child.kill(),
  };
}

if (process.env.FANOUT_CHILD) {
  let clients: Clients | undefined;
  process.on('message', async (msg: ClientSpec | { commits: number[]; lastSeq: number }) => {
    if ('url' in msg) {
      clients = await startClients(msg);
      process.send?.('ready');
    } else {
      process.send?.((clients as Clients).collect(msg.commits, msg.lastSeq), () => process.exit(0));
    }
  });
}

// ---- servers ----

async function listen(http: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** `--redis`: the Redis store (REDIS_URL, own key prefix, dropped afterwards); default in-process. */
async function openStore(redis: boolean): Promise<SeatStore> {
  if (!redis) return new MemorySeatStore();
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const store = new RedisSeatStore({
    redis: url,
    prefix: `bench_fanout_${randomBytes(4).toString('hex')}:`,
  });
  await store.subscribed();
  return store;
}

async function liveServer(redis: boolean) {
  const store = await openStore(redis);
  await store.initEvent({ eventId: EVENT, seatCount: SEATS, ga: [] });
  const seatIds = Array.from({ length: SEATS }, (_, i) => `S-${i}`);
  const refused = () => Promise.reject(new Error('not used by the benchmark'));
  const deps: LiveDeps = {
    store,
    authenticate: async () => ({ orgId: 'bench', keyKind: 'public' }),
    resolveEvent: async (_p, eventId) => ({ eventId, seatIds, indexOf: () => undefined }),
    ensureLive: async () => undefined,
    hold: refused,
    release: refused,
  };
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  const live = attachLive(io, deps);
  const close = async () => {
    await new Promise((r) => io.close(r));
    await store.dropEvent(EVENT);
    await store.close();
  };
  return { store, live, url: await listen(http), close };
}

async function bareServer() {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.of('/bare').on('connection', (socket) => void socket.join('ev'));
  return { io, url: await listen(http), close: () => new Promise((r) => io.close(r)) };
}

/** Calls `step(k)` RATE·seconds times at a steady rate. */
async function paced(seconds: number, rate: number, step: (k: number) => Promise<void> | void) {
  const start = now();
  for (let k = 0; k < seconds * rate; k++) {
    const wait = start + (k * 1000) / rate - now();
    if (wait > 0) await sleep(wait);
    await step(k);
  }
}

// ---- runs ----

type Launcher = (
  spec: ClientSpec,
) => Promise<{ collect(c: number[], l: number): Latency | Promise<Latency>; close(): void }>;

async function measureLive(count: number, seconds: number, launch: Launcher, redis: boolean) {
  const server = await liveServer(redis);
  const clients = await launch({ url: server.url, count, mode: 'live' });
  const commits: number[] = [];
  let lastSeq = 0;
  const before = server.live.stats();
  const serverDelays = recordBroadcasts(server.live.namespace.adapter, commits);
  const warmup = RATE * WARMUP_S;
  await paced(seconds + WARMUP_S, RATE, async (k) => {
    // Alternate hold / release of consecutive seats: every step is exactly one change.
    const token = `t${k >> 1}`;
    const res =
      k % 2 === 0
        ? await server.store.hold(EVENT, { token, seats: [(k >> 1) % SEATS], ttlMs: 600_000 })
        : await server.store.release(EVENT, { token });
    if (k >= warmup) commits[res.seq] = now();
    lastSeq = res.seq;
  });
  await sleep(1000);
  const latency = await clients.collect(commits, lastSeq);
  const stats = server.live.stats();
  clients.close();
  await server.close();
  const messages = stats.messages - before.messages;
  const elapsed = seconds + WARMUP_S;
  return {
    latency,
    server: quantiles(serverDelays),
    messagesPerSecond: messages / elapsed,
    changesPerMessage: lastSeq / messages,
  };
}

/**
 * Instrumentation only: records, for each change, commit → the moment the live layer hands its
 * message to the adapter (coalescing wait + store read), separating server delay from transport.
 */
function recordBroadcasts(adapter: Adapter, commits: number[]): number[] {
  const delays: number[] = [];
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    const [name, msg] = packet.data as [string, SeatsMessage];
    const at = now();
    if (name === 'seats') {
      for (let seq = msg.fromSeq + 1; seq <= msg.seq; seq++) {
        const committed = commits[seq];
        if (committed !== undefined) delays.push(at - committed);
      }
    }
    broadcast(packet, opts);
  };
  return delays;
}

function quantiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function measureBare(
  count: number,
  seconds: number,
  msgRate: number,
  changes: number,
  launch: Launcher,
) {
  const server = await bareServer();
  const clients = await launch({ url: server.url, count, mode: 'bare' });
  const commits: number[] = [];
  const pairs = Array.from(
    { length: Math.max(1, Math.round(changes)) },
    (_, i): [number, 0 | 1] => [i, 1],
  );
  let seq = 0;
  const warmup = msgRate * WARMUP_S;
  await paced(seconds + WARMUP_S, msgRate, () => {
    seq++;
    if (seq > warmup) commits[seq] = now();
    const msg = { eventId: EVENT, epoch: 1, fromSeq: seq - 1, seq, changes: pairs, ga: [] };
    server.io.of('/bare').to('ev').emit('seats', msg);
  });
  await sleep(1000);
  const latency = await clients.collect(commits, seq);
  clients.close();
  await server.close();
  return latency;
}

const fmt = (l: Latency) =>
  `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms, ${l.samples} samples, ${l.missing} missing`;

export async function run({ quick, args }: { quick: boolean; args: string[] }): Promise<void> {
  const redis = args.includes('--redis');
  const seconds = quick ? 5 : 10;
  const runs: { count: number; where: 'child' | 'inproc' }[] = quick
    ? [{ count: 500, where: 'child' }]
    : [
        { count: 1000, where: 'child' },
        { count: 2000, where: 'child' },
        { count: 1000, where: 'inproc' },
      ];
  const extra: Record<string, number | string> = {
    store: redis ? 'redis' : 'memory',
    rate: RATE,
    seconds,
  };
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  let headline: { value: number; baseline: number } | undefined;
  for (const { count, where } of runs) {
    const launch: Launcher = where === 'child' ? forkClients : startClients;
    const live = await measureLive(count, seconds, launch, redis);
    const bare = await measureBare(
      count,
      seconds,
      live.messagesPerSecond,
      live.changesPerMessage,
      launch,
    );
    const tag = `${count}${where === 'inproc' ? '_inproc' : ''}`;
    console.log(
      `live ${count} sockets (clients ${where === 'child' ? 'in a child process' : 'in-process'}): ${fmt(live.latency)}; ` +
        `${live.messagesPerSecond.toFixed(1)} msgs/s, ${live.changesPerMessage.toFixed(1)} changes/msg; ` +
        `commit → broadcast p50 ${live.server.p50.toFixed(1)} ms, p99 ${live.server.p99.toFixed(1)} ms`,
    );
    console.log(`bare socket.io ${count} sockets, same rate and size: ${fmt(bare)}`);
    Object.assign(extra, {
      [`p50_${tag}`]: Number(live.latency.p50.toFixed(2)),
      [`p99_${tag}`]: Number(live.latency.p99.toFixed(2)),
      [`bare_p99_${tag}`]: Number(bare.p99.toFixed(2)),
      [`server_p99_${tag}`]: Number(live.server.p99.toFixed(2)),
      [`missing_${tag}`]: live.latency.missing,
      [`msgs_per_s_${tag}`]: Number(live.messagesPerSecond.toFixed(1)),
    });
    headline ??= { value: live.latency.p99, baseline: bare.p99 };
  }
  extra.loadavg_after = Number((loadavg()[0] as number).toFixed(2));
  const first = runs[0] as { count: number };
  report({
    bench: `fanout-p99-${first.count}-sockets`,
    value: headline?.value ?? NaN,
    unit: 'ms',
    baseline: headline?.baseline ?? NaN,
    lowerIsBetter: true,
    extra,
  });
}
