// Store hold+release throughput against raw Redis Lua. N concurrent in-flight requests on one
// connection run hold+release cycles of 1–4 random seats on a 10,000-seat event for a fixed time.
// Baseline: EVALSHA of a minimal Lua hold (GETRANGE check + SETRANGE + INCR) and a minimal
// release, same Redis, same connection setup, same concurrency and seat choice. Both get one
// unmeasured warm-up second (script load, JIT), then run in alternating rounds (raw, store, raw,
// store, …) so that a change in the machine's load during the run hits both alike. The in-process
// store's rate is an extra figure.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemorySeatStore } from '../../engine/src/store/memory/memory-store.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { MIN_HOLD, MIN_RELEASE } from './lib/raw-holds.ts';
import { report } from './lib/report.ts';

const SEATS = 10_000;
const CONCURRENCY = 64;
const EVENT = 'bench';
const ROUNDS = 3;
const WARMUP_MS = 1_000;

function randomSeats(): number[] {
  const seats = new Set<number>();
  const count = 1 + Math.floor(Math.random() * 4);
  while (seats.size < count) seats.add(Math.floor(Math.random() * SEATS));
  return [...seats];
}

/** A count of commands and the seconds they took. */
interface Tally {
  ops: number;
  seconds: number;
}

/** Runs `cycle` on CONCURRENCY workers for `ms`; returns the commands issued and the time. */
async function measure(
  ms: number,
  cycle: (worker: number, n: number) => Promise<number>,
): Promise<Tally> {
  const deadline = Date.now() + ms;
  const started = process.hrtime.bigint();
  let ops = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let n = 0; Date.now() < deadline; n++) {
        // Await first: `ops += await …` would read `ops` before the await and lose other workers' counts.
        const done = await cycle(worker, n);
        ops += done;
      }
    }),
  );
  return { ops, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const rate = (tallies: Tally[]): number =>
  tallies.reduce((sum, t) => sum + t.ops, 0) / tallies.reduce((sum, t) => sum + t.seconds, 0);

/** One hold (+ release when it succeeded) on a store; returns the commands issued. */
async function storeCycle(store: SeatStore, token: string): Promise<number> {
  try {
    await store.hold(EVENT, { token, seats: randomSeats(), ttlMs: 60_000 });
  } catch {
    return 1;
  }
  await store.release(EVENT, { token });
  return 2;
}

type RawClient = Redis & {
  minHold(...args: (string | number)[]): Promise<number>;
  minRelease(...args: (string | number)[]): Promise<number>;
};

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const phaseMs = quick ? 5_000 : 15_000;
  const prefix = `bench_holds_${randomBytes(4).toString('hex')}:`;
  const raw = new Redis(url) as RawClient;
  raw.defineCommand('minHold', { numberOfKeys: 2, lua: MIN_HOLD });
  raw.defineCommand('minRelease', { numberOfKeys: 2, lua: MIN_RELEASE });
  const store = new RedisSeatStore({ redis: url, prefix });
  const memory = new MemorySeatStore();
  try {
    const [statusKey, seqKey] = [`${prefix}raw:status`, `${prefix}raw:seq`];
    await raw.setrange(statusKey, SEATS - 1, '\0');
    await store.initEvent({ eventId: EVENT, seatCount: SEATS, ga: [] });
    const rawCycle = async () => {
      const seats = randomSeats();
      if ((await raw.minHold(statusKey, seqKey, ...seats)) < 0) return 1;
      await raw.minRelease(statusKey, seqKey, ...seats);
      return 2;
    };
    // Tokens are unique per phase: `r<round>w<worker>-<n>` (warm-up is round "x").
    const storePhase = (round: string, ms: number) =>
      measure(ms, (w, n) => storeCycle(store, `r${round}w${w}-${n}`));
    await measure(WARMUP_MS, rawCycle);
    await storePhase('x', WARMUP_MS);
    const rawTallies: Tally[] = [];
    const storeTallies: Tally[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rawTallies.push(await measure(phaseMs / ROUNDS, rawCycle));
      storeTallies.push(await storePhase(String(round), phaseMs / ROUNDS));
    }
    const baseline = rate(rawTallies);
    const value = rate(storeTallies);

    await memory.initEvent({ eventId: EVENT, seatCount: SEATS, ga: [] });
    const inProcess = rate([
      await measure(Math.min(phaseMs, 3_000), (w, n) => storeCycle(memory, `w${w}-${n}`)),
    ]);

    report({
      bench: 'holds',
      value,
      unit: 'ops/s',
      baseline,
      extra: {
        inProcessOpsPerSec: Math.round(inProcess),
        concurrency: CONCURRENCY,
        seats: SEATS,
        phaseSeconds: phaseMs / 1000,
        rounds: ROUNDS,
      },
    });
  } finally {
    await store.dropEvent(EVENT);
    await raw.del(`${prefix}raw:status`, `${prefix}raw:seq`, `${prefix}active`);
    await store.close();
    await memory.close();
    await raw.quit();
  }
}
