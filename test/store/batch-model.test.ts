// Batched against one by one: random groups of holds and releases asked for together (so the
// Redis store sends each group as one batch call, where the fast commands' writes are deferred
// and merged, see lua/includes/fast.lua) must give exactly what the in-process store gives for
// the same commands run one at a time: every command's result or error, then the statuses, GA
// counts, seq, every token's hold and the change log. Groups mix fast commands (new tokens on
// free seats, whole releases) with ones that take the general path (GA, partial releases,
// taken seats, a token holding again or released twice, due tokens), in any order.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeatStoreError } from '../../engine/src/store/errors.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { makeMemoryHarness, makeRedisHarness, type StoreHarness } from './harness.ts';

const SEATS = 12;
const TOKENS = ['t0', 't1', 't2', 't3', 't4', 't5'];
const RUNS = 150;

const seats = fc.uniqueArray(fc.integer({ min: 0, max: SEATS - 1 }), {
  minLength: 1,
  maxLength: 3,
});
const hold = fc.record({
  kind: fc.constant('hold' as const),
  token: fc.constantFrom(...TOKENS),
  seats,
  ga: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
  ),
  ttl: fc.constantFrom(100, 200, 1000, 5000),
});
const release = fc.record({
  kind: fc.constant('release' as const),
  token: fc.constantFrom(...TOKENS),
  seats: fc.option(seats, { nil: undefined, freq: 3 }),
});
const group = fc.record({
  commands: fc.array(fc.oneof({ weight: 3, arbitrary: hold }, { weight: 2, arbitrary: release }), {
    minLength: 1,
    maxLength: 12,
  }),
  advance: fc.integer({ min: 0, max: 1500 }),
});
type Command = typeof hold | typeof release extends fc.Arbitrary<infer C> ? C : never;

function run(store: SeatStore, eventId: string, c: Command, now: number): Promise<unknown> {
  const call =
    c.kind === 'hold'
      ? store.hold(eventId, {
          token: c.token,
          seats: c.seats,
          ...(c.ga ? { ga: [{ areaId: 'floor', quantity: c.ga }] } : {}),
          ttlMs: c.ttl,
          now,
        })
      : store.release(eventId, { token: c.token, ...(c.seats ? { seats: c.seats } : {}), now });
  return call.catch((e: unknown) => {
    if (!(e instanceof SeatStoreError)) throw e;
    return { error: e.code, seats: e.seats, areas: e.areas };
  });
}

/** Everything a client can read of an event. */
async function state(store: SeatStore, eventId: string, now: number) {
  const snap = await store.snapshot(eventId, now);
  const holds = await Promise.all(TOKENS.map((t) => store.getHold(eventId, t, now)));
  const log = await store.changesSince(eventId, 0);
  // The merged log's seats in seat order: the stores list them in different orders.
  log?.seats.sort((a, b) => a.seat - b.seat);
  return { status: [...snap.status], ga: snap.ga, seq: snap.seq, holds, log };
}

describe('batched holds and releases (Redis) against one by one (in-process)', () => {
  let redis: StoreHarness;
  let memory: StoreHarness;
  beforeAll(async () => {
    redis = await makeRedisHarness();
    memory = await makeMemoryHarness();
  });
  afterAll(async () => {
    await redis.cleanup();
    await memory.cleanup();
  });

  it('gives the same results, state and log', async () => {
    let runs = 0;
    let batched = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 8 }), async (groups) => {
        const eventId = `batch-model-${runs++}`;
        const init = { eventId, seatCount: SEATS, ga: [{ areaId: 'floor', capacity: 4 }] };
        await redis.store.initEvent(init);
        await memory.store.initEvent(init);
        try {
          let now = 1_000_000;
          for (const { commands, advance } of groups) {
            // Each command has its own clock, a little later than the one before.
            const times = commands.map((_, i) => now + i * 50);
            const together = await Promise.all(
              commands.map((c, i) => run(redis.store, eventId, c, times[i] as number)),
            );
            const oneByOne: unknown[] = [];
            for (const [i, c] of commands.entries()) {
              oneByOne.push(await run(memory.store, eventId, c, times[i] as number));
            }
            expect(together, JSON.stringify(commands)).toEqual(oneByOne);
            if (commands.length > 1) batched += 1;
            now += commands.length * 50 + advance;
            expect(await state(redis.store, eventId, now)).toEqual(
              await state(memory.store, eventId, now),
            );
          }
        } finally {
          await redis.store.dropEvent(eventId);
          await memory.store.dropEvent(eventId);
        }
      }),
      { numRuns: RUNS },
    );
    expect(batched).toBeGreaterThan(RUNS);
  });
});
