// Convergence under load: 20 SDK clients watch one event while 2,000 random holds, releases,
// bookings and cancellations hit it (directly on the store and as socket holds), one client loses
// its connection mid-burst. Afterwards every client's status equals the store's.
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveEvent, LiveStatus } from '../../client-sdk/src/index.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import {
  SEAT_COUNT,
  client,
  openStore,
  sameStatus,
  startNode,
  storeDeps,
  storeReady,
  waitFor,
} from './harness.ts';
import type { StoreKind } from './harness.ts';

const CLIENTS = 20;
const OPS = 2000;
const WORKERS = 8;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Refusals are expected under contention; anything else fails the test. */
const expected = new Set([
  'SEATS_UNAVAILABLE',
  'SEATS_NOT_HELD',
  'HOLD_NOT_FOUND',
  'NOT_BOOKED',
  'RATE_LIMITED',
  'OFFLINE', // a socket hold through the client that is reconnecting
  'CONNECTION_LOST', // a socket command in flight when that client's connection dropped
]);
async function attempt(op: Promise<unknown>): Promise<void> {
  try {
    await op;
  } catch (err) {
    if (!expected.has((err as { code?: string }).code ?? '')) throw err;
  }
}

async function burst(store: SeatStore, eventId: string, clients: LiveEvent[], onHalf: () => void) {
  let done = 0;
  const worker = async (w: number) => {
    const rnd = random(1000 + w);
    const tokens: string[] = [];
    for (let i = 0; i < OPS / WORKERS; i++) {
      if (++done === OPS / 2) onHalf();
      const seats = [...new Set([rnd(SEAT_COUNT), rnd(SEAT_COUNT)])];
      const roll = rnd(100);
      const via = clients[rnd(CLIENTS)] as LiveEvent;
      if (roll < 35) {
        const token = `w${w}-${i}`;
        tokens.push(token);
        await attempt(store.hold(eventId, { token, seats, ttlMs: 600_000 }));
      } else if (roll < 55 && tokens.length) {
        await attempt(
          store.release(eventId, { token: tokens.splice(rnd(tokens.length), 1)[0] as string }),
        );
      } else if (roll < 70) {
        await attempt(store.book(eventId, { seats }));
      } else if (roll < 80) {
        await attempt(store.cancel(eventId, { seats }));
      } else if (roll < 90) {
        await attempt(via.hold(seats.map((s) => `S-${s}`)));
      } else {
        await attempt(via.release());
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

describe.each<StoreKind>(['memory', 'redis'])('live convergence (%s store)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('every client ends with the store’s exact status, including one that reconnected', async () => {
    const { store, cleanup } = openStore(kind);
    const eventId = 'ev1';
    await store.initEvent({ eventId, seatCount: SEAT_COUNT, ga: [] });
    await storeReady(store);
    const node = await startNode(storeDeps(store, new Set([eventId])));
    cleanups.push(() => cleanup([eventId]));
    cleanups.push(() => node.close());
    const clients = Array.from({ length: CLIENTS }, () => client(node.url, eventId));
    cleanups.push(async () => clients.forEach((c) => c.close()));
    await Promise.all(clients.map((c) => c.connect()));

    const dropped = clients[0] as LiveEvent;
    const statuses: LiveStatus[] = [];
    dropped.on('status', (s) => statuses.push(s));
    await burst(store, eventId, clients, () => dropped.socket?.io.engine.close());

    const final = await store.snapshot(eventId);
    expect(final.seq).toBeGreaterThan(500);
    await waitFor('all clients to converge', async () => {
      const snap = await store.snapshot(eventId);
      return clients.every(
        (c) => c.seq === snap.seq && c.epoch === snap.epoch && sameStatus(c.status, snap.status),
      );
    });
    const snap = await store.snapshot(eventId);
    for (const c of clients) expect(c.counts).toEqual(snap.counts);
    expect(statuses).toContain('offline');
    expect(statuses.at(-1)).toBe('live');
  });
});
