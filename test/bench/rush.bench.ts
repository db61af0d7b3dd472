// `npm run bench -- rush [--quick] [--visitors N] [--seats M] [--waiting-room RATE]
//  [--target embedded|cluster|both] [--concurrency C]`
//
// An on-sale rush: N virtual visitors (default 10,000; quick 1,000) on an event of M seats
// (default 5,000; quick 500), through keep-alive HTTP with a cap on requests in flight, and a
// sample watching live over sockets. Targets are real engine processes: the embedded default
// (one node, in-process store, PGlite) and a cluster (two nodes on Redis + Postgres). Reports
// holds/s, bookings/s, p50/p99 hold latency, conflicts, time to sell out and double-sells (from
// the database), and writes a plot of sales over time to bench-results/rush.html. Baseline, in the
// same run right before each target: a bare Express endpoint's round trips/s in its busiest second
// at the same concurrency, next to the engine's requests/s in the rush's busiest second.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { LiveEvent } from '../../client-sdk/src/live-event.ts';
import { freePort, rest } from '../support/node-process.ts';
import { percentile, report } from './lib/report.ts';
import { RushHttp } from './rush-http.ts';
import { rushHtml, type PlotSeries } from './rush-plot.ts';
import { startTarget, type RushTarget, type TargetKind } from './rush-target.ts';
import { runVisitors, type RushOutcome } from './rush-visitors.ts';

/** Written after the last target, so the JSON lines can already name it. */
const PLOT = 'bench-results/rush.html';

interface Options {
  visitors: number;
  seats: number;
  admitPerSecond: number | undefined;
  targets: TargetKind[];
  concurrency: number;
  thinkMs: [number, number];
  watchers: number;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positive(args: string[], name: string, fallback: number): number {
  const raw = argValue(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function options(quick: boolean, args: string[]): Options {
  const target = argValue(args, '--target') ?? (quick ? 'embedded' : 'both');
  if (!['embedded', 'cluster', 'both'].includes(target)) {
    throw new Error(`--target must be embedded, cluster or both, got "${target}"`);
  }
  const rate = argValue(args, '--waiting-room');
  return {
    visitors: positive(args, '--visitors', quick ? 1_000 : 10_000),
    seats: positive(args, '--seats', quick ? 500 : 5_000),
    admitPerSecond: rate === undefined ? undefined : positive(args, '--waiting-room', 1),
    targets: target === 'both' ? ['embedded', 'cluster'] : [target as TargetKind],
    concurrency: positive(args, '--concurrency', 64),
    thinkMs: quick ? [100, 500] : [500, 2_000],
    watchers: quick ? 20 : 100,
  };
}

/**
 * Round trips/s of a bare Express JSON endpoint (a child process) at `concurrency`, in its busiest
 * second (as the engine's figure), after a warm-up (connections, JIT).
 */
async function bareExpressRate(concurrency: number, warmMs: number, ms: number): Promise<number> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import express from 'express';
       const app = express(); app.use(express.json());
       app.post('/hold', (req, res) => res.json({ holdToken: 'ht', seats: req.body.seats }));
       app.listen(${port}, '127.0.0.1', () => console.log('ready'));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const phase = async (phaseMs: number) => {
      const http = new RushHttp([`http://127.0.0.1:${port}`], concurrency, performance.now());
      const until = performance.now() + phaseMs;
      const worker = async () => {
        while (performance.now() < until) {
          await http.call(0, 'POST', '/hold', 'pk_bare', { seats: ['R1-1', 'R1-2'] });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      http.close();
      return http.peakPerSecond();
    };
    await phase(warmMs);
    return await phase(ms);
  } finally {
    child.kill();
  }
}

async function layout(target: RushTarget): Promise<{ ids: string[]; rows: number[][] }> {
  const r = await rest(
    target.nodes[0]!.url,
    target.publicKey,
    'GET',
    `/events/${target.eventId}/layout`,
  );
  const seats = r.body.seats as { index: number; id: string; row: string; section: string }[];
  const ids: string[] = [];
  const rows = new Map<string, number[]>();
  for (const s of seats) {
    ids[s.index] = s.id;
    const key = `${s.section}/${s.row}`;
    rows.set(key, [...(rows.get(key) ?? []), s.index]);
  }
  return { ids, rows: [...rows.values()].map((r) => r.sort((a, b) => a - b)) };
}

/** Seats sold twice, acknowledged seats Postgres lacks and Postgres seats nobody was told of. */
async function audit(target: RushTarget, ids: string[], outcome: RushOutcome) {
  const acknowledged = outcome.booked.flat();
  const ackSet = new Set(acknowledged);
  const live = (await target.liveBookedSeats()).map((i) => ids[i]!);
  const liveSet = new Set(live);
  return {
    doubleSells: acknowledged.length - ackSet.size + (live.length - liveSet.size),
    lostAcknowledged: acknowledged.filter((s) => !liveSet.has(s)).length,
    unacknowledgedInDb: live.filter((s) => !ackSet.has(s)).length,
    dbBooked: live.length,
  };
}

async function converged(target: RushTarget, watchers: LiveEvent[]): Promise<number> {
  const deadline = Date.now() + 5_000;
  let ok = 0;
  while (Date.now() < deadline) {
    const r = await rest(
      target.nodes[0]!.url,
      target.publicKey,
      'GET',
      `/events/${target.eventId}/availability?format=packed`,
    );
    const packed = Buffer.from(r.body.packed as string, 'base64');
    ok = watchers.filter(
      (w) => w.seq === r.body.seq && packed.every((v, i) => w.status[i] === v),
    ).length;
    if (ok === watchers.length) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  return ok;
}

async function rushOn(kind: TargetKind, opts: Options, quick: boolean): Promise<PlotSeries> {
  const perRow = opts.seats <= 1_000 ? 50 : 100;
  const target = await startTarget(kind, Math.ceil(opts.seats / perRow), perRow);
  try {
    // Measured right before this target's rush: the shared machine's load changes by the minute.
    const baseline = await bareExpressRate(
      opts.concurrency,
      quick ? 1_000 : 1_500,
      quick ? 1_500 : 3_000,
    );
    const { ids, rows } = await layout(target);
    const urls = target.nodes.map((n) => n.url);
    const watchers = Array.from(
      { length: opts.watchers },
      (_, i) =>
        new LiveEvent({
          url: urls[i % urls.length]!,
          key: target.publicKey,
          eventId: target.eventId,
          socketOptions: { transports: ['websocket'] },
        }),
    );
    await Promise.all(watchers.map((w) => w.connect()));
    const t0 = performance.now();
    const http = new RushHttp(urls, opts.concurrency, t0);
    const outcome = await runVisitors(
      {
        eventId: target.eventId,
        publicKey: target.publicKey,
        secretKey: target.secretKey,
        nodes: urls.length,
        visitors: opts.visitors,
        ids,
        rows,
        thinkMs: opts.thinkMs,
        watchers,
        ...(opts.admitPerSecond ? { admitPerSecond: opts.admitPerSecond } : {}),
      },
      http,
      t0,
    );
    const peak = http.peakPerSecond();
    http.close();
    const inSync = await converged(target, watchers);
    watchers.forEach((w) => w.close());
    const checked = await audit(target, ids, outcome);
    const active = (outcome.soldOutMs ?? outcome.seconds * 1000) / 1000;
    const figures = {
      target: kind,
      nodes: urls.length,
      visitors: opts.visitors,
      seats: ids.length,
      waitingRoomPerSecond: opts.admitPerSecond ?? 0,
      concurrency: opts.concurrency,
      holdsPerSec: Math.round(outcome.holds / active),
      bookingsPerSec: Math.round(outcome.bookings / active),
      holdP50Ms: Number(percentile(outcome.holdMs, 50).toFixed(1)),
      holdP99Ms: Number(percentile(outcome.holdMs, 99).toFixed(1)),
      holds: outcome.holds,
      bestAvailableHolds: outcome.bestAvailable,
      conflicts: outcome.conflicts,
      bookings: outcome.bookings,
      seatsSold: outcome.booked.flat().length,
      released: outcome.released,
      gaveUp: outcome.gaveUp,
      soldOutSec:
        outcome.soldOutMs === undefined ? -1 : Number((outcome.soldOutMs / 1000).toFixed(2)),
      totalSec: Number(outcome.seconds.toFixed(2)),
      socketWatchersConverged: `${inSync}/${watchers.length}`,
      errors: JSON.stringify(outcome.errors),
      plot: PLOT,
      valueIs: 'engine requests/s in the busiest second of the rush (availability, holds, books)',
      baselineIs:
        'bare Express JSON POST round trips/s in its busiest second, same client and concurrency',
      ...checked,
    };
    report({
      bench: `rush-${kind}`,
      value: peak,
      unit: 'req/s',
      baseline,
      extra: figures,
    });
    if (checked.doubleSells > 0 || checked.lostAcknowledged > 0) {
      throw new Error(
        `rush on ${kind}: ${checked.doubleSells} double-sells, ${checked.lostAcknowledged} lost bookings`,
      );
    }
    const summary =
      `${figures.visitors} visitors, ${figures.seats} seats, ${figures.nodes} node(s): ` +
      `${figures.holdsPerSec} holds/s, ${figures.bookingsPerSec} bookings/s, hold p50 ${figures.holdP50Ms} ms / p99 ${figures.holdP99Ms} ms, ` +
      `${figures.conflicts} conflicts, ${figures.soldOutSec >= 0 ? `sold out after ${figures.soldOutSec} s` : `${figures.seats - figures.seatsSold} seats left`}, ` +
      `${checked.doubleSells} double-sells; peak ${peak} req/s vs bare Express ${Math.round(baseline)} req/s`;
    return {
      label: kind === 'cluster' ? '2 nodes, Redis + Postgres' : 'embedded (1 node, PGlite)',
      seats: ids.length,
      outcome,
      summary,
    };
  } finally {
    await target.close();
  }
}

export async function run({ quick, args }: { quick: boolean; args: string[] }): Promise<void> {
  const opts = options(quick, args);
  const series: PlotSeries[] = [];
  for (const kind of opts.targets) series.push(await rushOn(kind, opts, quick));
  await mkdir('bench-results', { recursive: true });
  const heading =
    `${opts.visitors} visitors, think ${opts.thinkMs.join('–')} ms, ${opts.concurrency} requests in flight at most` +
    (opts.admitPerSecond
      ? `, waiting room admitting ${opts.admitPerSecond}/s`
      : ', everyone arriving in the first second') +
    '; baselines: a bare Express endpoint, measured right before each target.';
  await writeFile(PLOT, rushHtml(series, heading));
}
