// Redis memory per seat of a realistic 80,000-seat event, measured with MEMORY USAGE on every key
// of the event (status, owner, tokens, expiry, GA, seq, meta and the log stream). The state is
// built with ordinary store commands: 30% booked (each booking a 4-seat hold then a book), 2%
// held in 4-seat holds, 1% blocked, and GA areas with holds and bookings. Baseline: a bare
// 80,000-byte string key, the theoretical floor of one byte per seat.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { report } from './lib/report.ts';

const SEATS = 80_000;
const EVENT = 'stadium';
const BAR_BYTES_PER_SEAT = 40;
const GA = [
  { areaId: 'floor', capacity: 2000 },
  { areaId: 'pit', capacity: 1000 },
  { areaId: 'terrace', capacity: 500 },
];

/** Runs tasks with at most `width` in flight. */
async function inBatches(count: number, width: number, task: (i: number) => Promise<unknown>) {
  for (let start = 0; start < count; start += width) {
    await Promise.all(
      Array.from({ length: Math.min(width, count - start) }, (_, j) => task(start + j)),
    );
  }
}

/** A shuffled list of all seat indexes, so bookings and holds spread over the venue. */
function shuffledSeats(): number[] {
  const seats = Array.from({ length: SEATS }, (_, i) => i);
  for (let i = seats.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [seats[i], seats[j]] = [seats[j] as number, seats[i] as number];
  }
  return seats;
}

async function buildState(store: RedisSeatStore): Promise<void> {
  await store.initEvent({ eventId: EVENT, seatCount: SEATS, ga: GA });
  const seats = shuffledSeats();
  const booked = seats.slice(0, SEATS * 0.3);
  const held = seats.slice(SEATS * 0.3, SEATS * 0.32);
  const blocked = seats.slice(SEATS * 0.32, SEATS * 0.33);
  const area = (i: number) => (GA[i % GA.length] as (typeof GA)[number]).areaId;
  await inBatches(booked.length / 4, 500, async (i) => {
    const token = `order-${i}`;
    const four = booked.slice(i * 4, i * 4 + 4);
    const ga = i % 10 === 0 ? [{ areaId: area(i), quantity: 2 }] : [];
    await store.hold(EVENT, { token, seats: four, ga, ttlMs: 600_000 });
    await store.book(EVENT, { token, seats: four, ga });
  });
  await inBatches(held.length / 4, 500, (i) =>
    store.hold(EVENT, {
      token: `cart-${randomBytes(8).toString('hex')}`,
      seats: held.slice(i * 4, i * 4 + 4),
      ga: i % 8 === 0 ? [{ areaId: area(i), quantity: 1 }] : [],
      ttlMs: 600_000,
    }),
  );
  await inBatches(blocked.length / 100, 8, (i) =>
    store.block(EVENT, { seats: blocked.slice(i * 100, i * 100 + 100) }),
  );
}

/** MEMORY USAGE of every key of the event, grouped by part. */
async function measure(redis: Redis, store: RedisSeatStore): Promise<Record<string, number>> {
  const base = store.keys.base(EVENT);
  const parts: Record<string, number> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${base}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const part = key.slice(base.length).replace(/^(hold|holdga):.*$/, '$1');
      const bytes = Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
      parts[part] = (parts[part] ?? 0) + bytes;
    }
  } while (cursor !== '0');
  return parts;
}

export async function run(_opts: { quick: boolean; args: string[] }): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench_memory_${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(url);
  const store = new RedisSeatStore({ redis: url, prefix });
  const floorKey = `${prefix}floor`;
  try {
    await buildState(store);
    const parts = await measure(redis, store);
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    await redis.set(floorKey, Buffer.alloc(SEATS));
    const floor = Number(await redis.call('MEMORY', 'USAGE', floorKey, 'SAMPLES', '0'));
    const snap = await store.snapshot(EVENT);
    const perSeat = Object.fromEntries(
      Object.entries(parts).map(([part, bytes]) => [
        `${part}BytesPerSeat`,
        Number((bytes / SEATS).toFixed(3)),
      ]),
    );
    console.log(
      `counts: ${JSON.stringify(snap.counts)}, log entries: ${await redis.xlen(store.keys.event(EVENT)[6] as string)}`,
    );
    report({
      bench: 'memory',
      value: total / SEATS,
      unit: 'bytes/seat',
      baseline: floor / SEATS,
      lowerIsBetter: true,
      extra: { bar: BAR_BYTES_PER_SEAT, seats: SEATS, totalBytes: total, ...perSeat },
    });
  } finally {
    await store.dropEvent(EVENT);
    await redis.del(floorKey, `${prefix}active`);
    await store.close();
    await redis.quit();
  }
}
