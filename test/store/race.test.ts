// 200 concurrent clients on 20 connections race for the same seats, then everyone tries to
// book: exactly one winner per seat, losers are told which seats were taken, and no seat is
// ever booked twice.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SeatStoreError } from '../../engine/src/store/errors.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { redisUrl, uniqueName } from '../support/services.ts';
import { deletePrefix } from './harness.ts';

const CLIENTS = 200;
const CONNECTIONS = 20;
const CONTESTED = 24;
const EVENT = 'race';

const prefix = `${uniqueName('race')}:`;
let stores: RedisSeatStore[] = [];

beforeAll(async () => {
  stores = Array.from(
    { length: CONNECTIONS },
    () => new RedisSeatStore({ redis: redisUrl(), prefix }),
  );
  await stores[0]?.initEvent({
    eventId: EVENT,
    seatCount: 100,
    ga: [{ areaId: 'floor', capacity: 30 }],
  });
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  const admin = new Redis(redisUrl());
  await deletePrefix(admin, prefix);
  await admin.quit();
});

/** Deterministic pseudo-random seats for a client: 1–4 distinct seats among the contested ones. */
function wantedSeats(client: number): number[] {
  const seats = new Set<number>();
  let x = client * 7919 + 13;
  const count = 1 + (client % 4);
  while (seats.size < count) {
    x = (x * 1103515245 + 12345) % 2147483648;
    seats.add(x % CONTESTED);
  }
  return [...seats];
}

const storeOf = (client: number) => stores[client % CONNECTIONS] as RedisSeatStore;

it('gives each seat to exactly one of 200 racing clients and never books a seat twice', async () => {
  const wants = Array.from({ length: CLIENTS }, (_, c) => wantedSeats(c));
  const holds = await Promise.allSettled(
    wants.map((seats, c) =>
      storeOf(c).hold(EVENT, {
        token: `client-${c}`,
        seats,
        ga: [{ areaId: 'floor', quantity: 1 }],
        ttlMs: 60_000,
      }),
    ),
  );
  const owner = new Map<number, number>();
  holds.forEach((result, c) => {
    if (result.status !== 'fulfilled') return;
    for (const seat of result.value.seats) {
      expect(owner.has(seat), `seat ${seat} won twice`).toBe(false);
      owner.set(seat, c);
    }
  });
  holds.forEach((result, c) => {
    if (result.status === 'fulfilled') return;
    const err = result.reason as SeatStoreError;
    expect(err).toBeInstanceOf(SeatStoreError);
    if (err.code === 'GA_UNAVAILABLE') return; // seats were free but the floor capacity ran out
    expect(err.code).toBe('SEATS_UNAVAILABLE');
    expect(err.seats.length).toBeGreaterThan(0);
    for (const seat of err.seats) {
      expect(wants[c]).toContain(seat);
      expect(owner.get(seat), `seat ${seat} named as taken`).not.toBe(c);
      expect(owner.has(seat)).toBe(true);
    }
  });
  const winners = holds.filter((r) => r.status === 'fulfilled').length;
  expect(winners).toBeGreaterThan(1);
  const held = await stores[0]!.snapshot(EVENT);
  expect(held.counts.held).toBe(owner.size);
  expect(held.ga[0]?.held).toBe(winners);

  // Everyone now tries to book what they wanted: winners with their token, losers without.
  const books = await Promise.allSettled(
    wants.map((seats, c) =>
      storeOf(c).book(
        EVENT,
        holds[c]?.status === 'fulfilled' ? { token: `client-${c}`, seats } : { seats },
      ),
    ),
  );
  const bookedBy = new Map<number, number>();
  books.forEach((result, c) => {
    if (result.status !== 'fulfilled') {
      expect((result.reason as SeatStoreError).code).toBe('SEATS_UNAVAILABLE');
      return;
    }
    for (const seat of wants[c] ?? []) {
      expect(bookedBy.has(seat), `seat ${seat} booked twice`).toBe(false);
      bookedBy.set(seat, c);
    }
  });
  for (const [seat, c] of owner) expect(bookedBy.get(seat)).toBe(c);
  const final = await stores[0]!.snapshot(EVENT);
  expect(final.counts.booked).toBe(bookedBy.size);
  expect(
    [...final.status].flatMap((st, seat) => (st === 2 ? [seat] : [])).sort((a, b) => a - b),
  ).toEqual([...bookedBy.keys()].sort((a, b) => a - b));
});
