// The engine's promises end to end over real Redis and real Postgres: holds, Postgres-first
// bookings, idempotency, cancellation, blocks, and the rebuild after Redis loses its data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../engine/src/errors.ts';
import { liveState } from '../../engine/src/events/repo.ts';
import { StoreReconciler } from '../../engine/src/orders/reconcile.ts';
import { reportRows as report } from '../support/report.ts';
import {
  deleteKeys,
  seedEvent,
  testEngine,
  type SeededEvent,
  type TestEngine,
} from '../support/engine.ts';

let engine: TestEngine;
let ev: SeededEvent;

beforeEach(async () => {
  engine = await testEngine();
  ev = await seedEvent(engine.ctx);
});
afterEach(async () => {
  await engine.dispose();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof DomainError ? err.code : String(err)),
  );

describe('holding and booking', () => {
  it('holds, books with the hold, and records the booking with prices in Postgres', async () => {
    const { holds, orders } = engine.ctx;
    const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R1-1', 'R4-2'] });
    expect(hold.seats).toEqual(['R1-1', 'R4-2']);
    const booked = await orders.book(ev.secret, ev.eventId, {
      seats: ['R1-1', 'R4-2'],
      holdToken: hold.holdToken,
      orderRef: 'order-1',
    });
    expect(booked.body).toMatchObject({ seats: ['R1-1', 'R4-2'], amount: 8000, currency: 'EUR' });

    const avail = await holds.availability(ev.pub, ev.eventId);
    expect(avail.counts).toMatchObject({ booked: 2, held: 0 });
    const rows = await report(engine.ctx.db, ev.orgId, ev.eventId, 'category');
    expect(rows?.map((r) => [r.key, r.count, r.revenue])).toEqual([
      ['A', 1, 5000],
      ['B', 1, 3000],
    ]);
  });

  it('names the taken seat and holds nothing when one seat of a hold is taken', async () => {
    const { holds } = engine.ctx;
    await holds.hold(ev.pub, ev.eventId, { seats: ['R1-3'] });
    const err = await holds
      .hold(ev.pub, ev.eventId, { seats: ['R1-2', 'R1-3', 'R1-4'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('SEATS_UNAVAILABLE');
    expect((err as DomainError).details.seats).toEqual(['R1-3']);
    expect((await holds.availability(ev.pub, ev.eventId)).counts.held).toBe(1);
  });

  it('refuses unknown seats, other events’ tokens and other organisations by name', async () => {
    const { holds } = engine.ctx;
    const other = await seedEvent(engine.ctx);
    expect(await codeOf(holds.hold(ev.pub, ev.eventId, { seats: ['Z9-9'] }))).toBe('UNKNOWN_SEATS');
    expect(await codeOf(holds.hold(other.pub, ev.eventId, { seats: ['R1-1'] }))).toBe('NOT_FOUND');
    const foreign = await holds.hold(other.pub, other.eventId, { seats: ['R1-1'] });
    expect(await codeOf(holds.release(ev.pub, ev.eventId, { holdToken: foreign.holdToken }))).toBe(
      'HOLD_NOT_FOUND',
    );
    expect(await codeOf(holds.extend(ev.pub, foreign.holdToken, 60))).toBe('NOT_FOUND');
    expect((await holds.availability(ev.pub, ev.eventId)).counts.held).toBe(0);
  });

  it('sells at the counter without a hold, all or nothing', async () => {
    const { holds, orders } = engine.ctx;
    await holds.hold(ev.pub, ev.eventId, { seats: ['R2-5'] });
    expect(await codeOf(orders.book(ev.secret, ev.eventId, { seats: ['R2-4', 'R2-5'] }))).toBe(
      'SEATS_UNAVAILABLE',
    );
    const sale = await orders.book(ev.secret, ev.eventId, {
      seats: ['R2-4', 'R2-6'],
      priceType: 'reduced',
    });
    expect(sale.body.amount).toBe(5000);
    const avail = await holds.availability(ev.pub, ev.eventId);
    expect(avail.counts).toMatchObject({ booked: 2, held: 1 });
  });

  it('replays an idempotent booking and refuses the key with another body', async () => {
    const { holds, orders } = engine.ctx;
    const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R3-1'] });
    const body = { seats: ['R3-1'], holdToken: hold.holdToken };
    const first = await orders.book(ev.secret, ev.eventId, body, 'key-1');
    const again = await orders.book(ev.secret, ev.eventId, body, 'key-1');
    expect(again.body.bookingId).toBe(first.body.bookingId);
    expect(await codeOf(orders.book(ev.secret, ev.eventId, { seats: ['R3-2'] }, 'key-1'))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    const state = await liveState(engine.ctx.db, ev.orgId, ev.eventId);
    expect(state?.bookedSeats).toHaveLength(1);
  });

  it('confirms the seats again when an idempotent booking is replayed, unless cancelled since', async () => {
    const { holds, orders, store } = engine.ctx;
    const first = await orders.book(ev.secret, ev.eventId, { seats: ['R3-3'] }, 'retry-1');
    // As if the node died between the Postgres commit and the store's confirmation.
    await store.cancel(ev.eventId, { seats: [22] });
    expect((await holds.availability(ev.pub, ev.eventId)).status[22]).toBe(0);
    const replay = await orders.book(ev.secret, ev.eventId, { seats: ['R3-3'] }, 'retry-1');
    expect(replay.body.bookingId).toBe(first.body.bookingId);
    expect((await holds.availability(ev.pub, ev.eventId)).status[22]).toBe(2);

    await orders.cancel(ev.secret, ev.eventId, { bookingId: first.body.bookingId });
    await orders.book(ev.secret, ev.eventId, { seats: ['R3-3'] }, 'retry-1');
    expect((await holds.availability(ev.pub, ev.eventId)).status[22]).toBe(0);
  });

  it('cancels a booking whole even when the store had forgotten one of its seats', async () => {
    const { holds, orders, store } = engine.ctx;
    const sale = await orders.book(ev.secret, ev.eventId, { seats: ['R2-1', 'R2-2'] });
    await store.cancel(ev.eventId, { seats: [10] }); // the store lost R2-1's booking
    const done = await orders.cancel(ev.secret, ev.eventId, { bookingId: sale.body.bookingId });
    expect(done.cancelled).toEqual(['R2-1', 'R2-2']);
    const avail = await holds.availability(ev.pub, ev.eventId);
    expect([avail.status[10], avail.status[11]]).toEqual([0, 0]);
  });

  it('cancels a booking and puts its seats back on sale', async () => {
    const { holds, orders } = engine.ctx;
    const sale = await orders.book(ev.secret, ev.eventId, { seats: ['R1-1', 'R1-2'] });
    expect(await codeOf(orders.cancel(ev.secret, ev.eventId, { seats: ['R1-3'] }))).toBe(
      'NOT_BOOKED',
    );
    const cancelled = await orders.cancel(ev.secret, ev.eventId, {
      bookingId: sale.body.bookingId,
    });
    expect(cancelled.cancelled).toEqual(['R1-1', 'R1-2']);
    expect((await holds.availability(ev.pub, ev.eventId)).counts.booked).toBe(0);
    await orders.book(ev.secret, ev.eventId, { seats: ['R1-1'] });
  });

  it('books standing quantities within capacity', async () => {
    const { holds, orders } = engine.ctx;
    const hold = await holds.hold(ev.pub, ev.eventId, {
      seats: [],
      ga: [{ areaId: 'floor', quantity: 48 }],
    });
    expect(
      await codeOf(
        holds.hold(ev.pub, ev.eventId, { seats: [], ga: [{ areaId: 'floor', quantity: 3 }] }),
      ),
    ).toBe('GA_UNAVAILABLE');
    const sale = await orders.book(ev.secret, ev.eventId, {
      seats: [],
      ga: [{ areaId: 'floor', quantity: 48 }],
      holdToken: hold.holdToken,
    });
    expect(sale.body.amount).toBe(48 * 3000);
    const avail = await holds.availability(ev.pub, ev.eventId);
    expect(avail.ga).toEqual([{ areaId: 'floor', capacity: 50, held: 0, booked: 48 }]);
  });
});

describe('standing places', () => {
  it('never sells more places than the area holds, even when the store forgot a booking', async () => {
    const { holds, orders, store } = engine.ctx;
    await orders.book(ev.secret, ev.eventId, {
      seats: [],
      ga: [{ areaId: 'floor', quantity: 40 }],
    });
    // As if the store lost the confirmation of those 40 places (a crash after the commit).
    await store.cancel(ev.eventId, { seats: [], ga: [{ areaId: 'floor', quantity: 40 }] });
    const hold = await holds.hold(ev.pub, ev.eventId, {
      seats: [],
      ga: [{ areaId: 'floor', quantity: 20 }],
    });
    const err = await orders
      .book(ev.secret, ev.eventId, {
        seats: [],
        ga: [{ areaId: 'floor', quantity: 20 }],
        holdToken: hold.holdToken,
      })
      .catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('GA_UNAVAILABLE');
    expect((err as DomainError).details.areas).toEqual(['floor']);
    const state = await liveState(engine.ctx.db, ev.orgId, ev.eventId);
    expect(state?.gaBooked).toEqual({ floor: 40 });
  });
});

describe('best available', () => {
  it('holds the best block together, nearest the stage, in the asked category', async () => {
    const { holds } = engine.ctx;
    // The stage is above row A: the best 4 together are in the middle of row A.
    const first = await holds.bestAvailable(ev.pub, ev.eventId, { quantity: 4, together: true });
    expect(first.seats).toHaveLength(4);
    expect(first.seats.every((id) => id.startsWith('R1-'))).toBe(true);
    const back = await holds.bestAvailable(ev.pub, ev.eventId, { quantity: 2, category: 'B' });
    expect(back.seats.every((id) => id.startsWith('R3-'))).toBe(true);
    expect((await holds.availability(ev.pub, ev.eventId)).counts.held).toBe(6);
  });

  it('answers SEATS_UNAVAILABLE when no block fits, holding nothing', async () => {
    const { holds } = engine.ctx;
    const err = await holds
      .bestAvailable(ev.pub, ev.eventId, { quantity: 11, together: true })
      .catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('SEATS_UNAVAILABLE');
    expect((await holds.availability(ev.pub, ev.eventId)).counts.held).toBe(0);
  });

  it('never hands the same seat to concurrent best-available buyers', async () => {
    const { holds } = engine.ctx;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        holds.bestAvailable(ev.pub, ev.eventId, { quantity: 3, together: true }),
      ),
    );
    const seats = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.seats : []));
    expect(new Set(seats).size).toBe(seats.length);
    expect(seats.length).toBeGreaterThanOrEqual(30);
  });
});

describe('durability', () => {
  it('rebuilds from Postgres under a new epoch after Redis lost its data', async () => {
    const { holds, orders } = engine.ctx;
    await orders.book(ev.secret, ev.eventId, { seats: ['R1-1', 'R1-2'] });
    await holds.block(ev.secret, ev.eventId, ['R4-10'], 'broken seat');
    await holds.hold(ev.pub, ev.eventId, { seats: ['R2-2'] });
    const before = await holds.availability(ev.pub, ev.eventId);

    await deleteKeys(engine.prefix);

    const after = await holds.availability(ev.pub, ev.eventId);
    expect(after.epoch).toBe(before.epoch + 1);
    // Bookings and blocks survive; the hold was only ever in Redis.
    expect(after.counts).toMatchObject({ booked: 2, blocked: 1, held: 0 });
    expect(await codeOf(holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] }))).toBe(
      'SEATS_UNAVAILABLE',
    );
  });

  it('lets Postgres win when the store forgot a booking: no double sale', async () => {
    const { holds, orders, store } = engine.ctx;
    await orders.book(ev.secret, ev.eventId, { seats: ['R2-2'] });
    // Simulate a store that lost the booking (e.g. a failover that dropped the last writes).
    await store.cancel(ev.eventId, { seats: [11] });
    const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R2-2'] });
    const err = await orders
      .book(ev.secret, ev.eventId, { seats: ['R2-2'], holdToken: hold.holdToken })
      .catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('SEATS_UNAVAILABLE');
    expect((err as DomainError).details.seats).toEqual(['R2-2']);
    const avail = await holds.availability(ev.pub, ev.eventId);
    expect(avail.status[11]).toBe(2);
    expect((await liveState(engine.ctx.db, ev.orgId, ev.eventId))?.bookedSeats).toEqual([11]);
  });

  it('reconciles the store with bookings Postgres recorded but the store never confirmed', async () => {
    const { holds, orders, store, catalog, db } = engine.ctx;
    await orders.book(ev.secret, ev.eventId, { seats: ['R4-1', 'R4-2'] });
    await store.cancel(ev.eventId, { seats: [30, 31] }); // as after a commit whose answer was lost
    const event = await catalog.get(ev.orgId, ev.eventId);
    const reconciler = new StoreReconciler(db, store, holds);
    expect(await reconciler.reconcile(event, ev.orgId)).toEqual([30, 31]);
    const avail = await holds.availability(ev.pub, ev.eventId);
    expect([avail.status[30], avail.status[31]]).toEqual([2, 2]);
    expect(await reconciler.reconcile(event, ev.orgId)).toEqual([]);
  });

  it('lets exactly one of 200 racing buyers book a seat', async () => {
    const { holds, orders } = engine.ctx;
    const results = await Promise.all(
      Array.from({ length: 200 }, async () => {
        try {
          const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R3-5'] });
          await orders.book(ev.secret, ev.eventId, { seats: ['R3-5'], holdToken: hold.holdToken });
          return 'booked';
        } catch (err) {
          return (err as DomainError).code;
        }
      }),
    );
    expect(results.filter((r) => r === 'booked')).toHaveLength(1);
    expect(new Set(results.filter((r) => r !== 'booked'))).toEqual(new Set(['SEATS_UNAVAILABLE']));
    expect((await liveState(engine.ctx.db, ev.orgId, ev.eventId))?.bookedSeats).toEqual([24]);
  });
});
