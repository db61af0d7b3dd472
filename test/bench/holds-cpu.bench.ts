// Redis-side cost of the store's hold and release: the CPU time redis-server spends per call (its
// on-CPU time from /proc/<pid>/schedstat, so reading, parsing and replying included) and Redis
// commands per call (INFO commandstats), for N pipelined holds of 3 seats then N releases of those
// tokens. Far less noisy than ops/s on a loaded machine: time the server waits for a core is not
// counted (commandstats' usec is wall time, which a busy machine inflates several times over).
// Baseline, same run, same seats: a minimal Lua hold (GETRANGE check + SETRANGE + INCR) and a
// minimal release (SETRANGE + INCR), the raw scripts of holds.bench.ts.
// Runs on a private redis-server from PATH (free port, no persistence) so that no other client's
// commands end up in the stats.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { MIN_HOLD, MIN_RELEASE } from './lib/raw-holds.ts';
import { report } from './lib/report.ts';
import { startRedisServer } from '../support/redis-server.ts';

const EVENT = 'bench';
const SEATS_PER_CALL = 3;

type RawClient = Redis & {
  minHold(...args: (string | number)[]): Promise<number>;
  minRelease(...args: (string | number)[]): Promise<number>;
};

interface Cost {
  /** redis-server CPU µs per script call. */
  usec: number;
  /** Redis commands per script call, the script call itself included. */
  commands: number;
  /** This (client) process's CPU µs per call: building, sending and decoding. */
  clientUsec: number;
}

/** On-CPU time of a process's threads so far, in µs (Linux). */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/schedstat`, 'utf8');
  return Number(stat.split(' ')[0]) / 1000;
}

/** Redis commands executed so far (script calls and the commands they made). */
async function commandCount(redis: Redis): Promise<number> {
  let calls = 0;
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const m = /^cmdstat_([\w|]+):calls=(\d+)/.exec(line);
    if (m && m[1] !== 'info' && !m[1]?.startsWith('config')) calls += Number(m[2]);
  }
  return calls;
}

/** Runs `phase` (`calls` script calls) and returns its cost per call. */
async function cost(
  redis: Redis,
  pid: number,
  calls: number,
  phase: () => Promise<unknown>,
): Promise<Cost> {
  await redis.config('RESETSTAT');
  const cpu = cpuMicros(pid);
  const client = process.cpuUsage();
  await phase();
  const usec = cpuMicros(pid) - cpu;
  const { user, system } = process.cpuUsage(client);
  return {
    usec: usec / calls,
    commands: (await commandCount(redis)) / calls,
    clientUsec: (user + system) / calls,
  };
}

/** `count` disjoint sets of SEATS_PER_CALL seats. */
function seatSets(count: number): number[][] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: SEATS_PER_CALL }, (_, j) => i * SEATS_PER_CALL + j),
  );
}

/** Pipelined raw holds, raw releases, store holds and store releases of every seat set. */
async function measureRound(
  admin: Redis,
  pid: number,
  raw: RawClient,
  store: RedisSeatStore,
  sets: number[][],
): Promise<Record<'rawHold' | 'rawRelease' | 'hold' | 'release', Cost>> {
  const calls = sets.length;
  const rawHold = await cost(admin, pid, calls, () =>
    Promise.all(sets.map((s) => raw.minHold('raw:status', 'raw:seq', ...s))),
  );
  const rawRelease = await cost(admin, pid, calls, () =>
    Promise.all(sets.map((s) => raw.minRelease('raw:status', 'raw:seq', ...s))),
  );
  const hold = await cost(admin, pid, calls, () =>
    Promise.all(
      sets.map((seats, i) => store.hold(EVENT, { token: `t${i}`, seats, ttlMs: 600_000 })),
    ),
  );
  const release = await cost(admin, pid, calls, () =>
    Promise.all(sets.map((_, i) => store.release(EVENT, { token: `t${i}` }))),
  );
  return { rawHold, rawRelease, hold, release };
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const calls = quick ? 2_000 : 5_000;
  const sets = seatSets(calls);
  const { url, child, stop } = await startRedisServer();
  const pid = child.pid as number;
  const admin = new Redis(url);
  const raw = new Redis(url) as RawClient;
  raw.defineCommand('minHold', { numberOfKeys: 2, lua: MIN_HOLD });
  raw.defineCommand('minRelease', { numberOfKeys: 2, lua: MIN_RELEASE });
  const store = new RedisSeatStore({ redis: url });
  try {
    const seatCount = calls * SEATS_PER_CALL;
    await raw.setrange('raw:status', seatCount - 1, '\0');
    await store.initEvent({ eventId: EVENT, seatCount, ga: [] });
    // The first round warms up (script/library load, JIT of both clients) and is not reported.
    let costs = await measureRound(admin, pid, raw, store, sets);
    costs = await measureRound(admin, pid, raw, store, sets);
    const { rawHold, rawRelease, hold, release } = costs;
    const round = (n: number) => Math.round(n * 10) / 10;
    report({
      bench: 'holds-cpu',
      value: hold.usec + release.usec,
      unit: 'µs redis-server CPU per hold+release',
      baseline: rawHold.usec + rawRelease.usec,
      lowerIsBetter: true,
      extra: {
        storeHoldUsec: round(hold.usec),
        storeReleaseUsec: round(release.usec),
        rawHoldUsec: round(rawHold.usec),
        rawReleaseUsec: round(rawRelease.usec),
        storeClientUsecPerCycle: round(hold.clientUsec + release.clientUsec),
        rawClientUsecPerCycle: round(rawHold.clientUsec + rawRelease.clientUsec),
        storeCommandsPerCycle: round(hold.commands + release.commands),
        rawCommandsPerCycle: round(rawHold.commands + rawRelease.commands),
        calls,
        seatsPerCall: SEATS_PER_CALL,
      },
    });
  } finally {
    await store.close();
    raw.disconnect();
    admin.disconnect();
    await stop();
  }
}
