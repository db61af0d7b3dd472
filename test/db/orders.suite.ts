// Bookings (the fence), cancellations, blocks, live state and reports, run on both adapters.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { InvalidInput, NotFound } from '../../engine/src/db/errors.ts';
import { liveState } from '../../engine/src/events/repo.ts';
import {
  addBlocks,
  cancelBooking,
  cancelSeats,
  createBooking,
  getBooking,
  removeBlocks,
  SeatsAlreadyBooked,
} from '../../engine/src/orders/repo.ts';
import { reportRows as report } from '../support/report.ts';
import { seat, systemQuery, world } from './fixtures.ts';

async function liveRows(db: Db, eventId: string): Promise<number> {
  const { rows } = await systemQuery<{ n: number }>(
    db,
    'SELECT count(*)::int AS n FROM booking_seats WHERE event_id = $1 AND live',
    [eventId],
  );
  return rows[0]!.n;
}

export function orders(getDb: () => Db): void {
  describe('bookings', () => {
    it('books seats and GA in one booking', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const booking = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        orderRef: 'order-1',
        seats: [seat(4), seat(2, 'B', 3000)],
        ga: [{ areaId: 'floor', quantity: 3, category: 'GA', amount: 6000 }],
      });
      expect(booking).toMatchObject({
        id: expect.stringMatching(/^bk_/),
        status: 'confirmed',
        amount: 14000,
        currency: 'EUR',
        orderRef: 'order-1',
        cancelledAt: null,
        seats: [
          { index: 2, category: 'B', priceType: 'full', amount: 3000, live: true },
          { index: 4, category: 'A', priceType: 'full', amount: 5000, live: true },
        ],
        ga: [
          {
            areaId: 'floor',
            quantity: 3,
            category: 'GA',
            priceType: 'full',
            amount: 6000,
            live: true,
          },
        ],
      });
      expect(await getBooking(db, orgId, booking.id)).toEqual(booking);
    });

    it('lets exactly one of two overlapping bookings win and names the shared seats', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const book = (indexes: number[]) =>
        createBooking(db, {
          orgId,
          eventId: event.id,
          currency: 'EUR',
          seats: indexes.map((i) => seat(i)),
        });
      const results = await Promise.allSettled([book([3, 4, 5]), book([5, 4, 6])]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const err = (lost[0] as PromiseRejectedResult).reason as SeatsAlreadyBooked;
      expect(err).toBeInstanceOf(SeatsAlreadyBooked);
      expect(err.seats).toEqual([4, 5]);
      expect(await liveRows(db, event.id)).toBe(3);
    });

    it('refuses impossible seats and writes nothing', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const attempt = (seats: ReturnType<typeof seat>[]) =>
        createBooking(db, { orgId, eventId: event.id, currency: 'EUR', seats });
      await expect(attempt([seat(1), seat(1)])).rejects.toThrow(/listed twice/);
      await expect(attempt([seat(10)])).rejects.toThrow(InvalidInput);
      await expect(attempt([seat(-1)])).rejects.toThrow(/outside 0…9/);
      await expect(attempt([])).rejects.toThrow(/needs seats/);
      await expect(
        createBooking(db, { orgId, eventId: 'ev_missing', currency: 'EUR', seats: [seat(1)] }),
      ).rejects.toThrow(NotFound);
      expect(await liveRows(db, event.id)).toBe(0);
    });

    it('frees seats on cancel so they can be booked again', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const first = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(7), seat(1)],
      });
      expect(await cancelBooking(db, orgId, first.id)).toEqual({ seats: [1, 7], ga: [] });
      expect(await cancelBooking(db, orgId, first.id)).toEqual({ seats: [], ga: [] });
      expect(await cancelBooking(db, orgId, 'bk_missing')).toBeUndefined();
      expect(await getBooking(db, orgId, first.id)).toMatchObject({
        status: 'cancelled',
        cancelledAt: expect.any(Date),
        seats: [
          { index: 1, live: false },
          { index: 7, live: false },
        ],
      });

      const again = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(7)],
      });
      expect(again.seats.map((s) => s.index)).toEqual([7]);
      expect(await liveRows(db, event.id)).toBe(1);
    });

    it('cancels single seats and the booking once nothing is left', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const b = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(0), seat(1)],
      });
      expect(await cancelSeats(db, orgId, event.id, [1, 9])).toEqual([1]);
      expect((await getBooking(db, orgId, b.id))?.status).toBe('confirmed');
      expect(await cancelSeats(db, orgId, event.id, [0])).toEqual([0]);
      expect((await getBooking(db, orgId, b.id))?.status).toBe('cancelled');
    });
  });

  describe('blocks, live state and reports', () => {
    it('rebuilds live state from bookings, blocks and GA', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(5), seat(2)],
        ga: [{ areaId: 'floor', quantity: 2, amount: 4000 }],
      });
      const gone = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(8)],
        ga: [{ areaId: 'floor', quantity: 5, amount: 10000 }],
      });
      await cancelBooking(db, orgId, gone.id);
      expect(await addBlocks(db, orgId, event.id, [9, 0, 9], 'house')).toEqual([0, 9]);
      expect(await addBlocks(db, orgId, event.id, [0, 3], 'broken')).toEqual([3]);
      expect(await removeBlocks(db, orgId, event.id, [3, 4])).toEqual([3]);
      await expect(addBlocks(db, orgId, event.id, [10], 'x')).rejects.toThrow(InvalidInput);

      expect(await liveState(db, orgId, event.id)).toEqual({
        epoch: 0,
        bookedSeats: [2, 5],
        blocked: [0, 9],
        gaBooked: { floor: 2 },
      });
      expect(await liveState(db, orgId, 'ev_missing')).toBeUndefined();
    });

    it('reports counts and revenue by status and by category', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(0), seat(1), seat(2, 'B', 3000)],
        ga: [{ areaId: 'floor', quantity: 4, category: 'GA', amount: 8000 }],
      });
      const cancelled = await createBooking(db, {
        orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(3)],
      });
      await cancelBooking(db, orgId, cancelled.id);
      await addBlocks(db, orgId, event.id, [9], 'house');

      expect(await report(db, orgId, event.id, 'status')).toEqual([
        { key: 'blocked', currency: null, bookings: 0, count: 1, revenue: 0 },
        { key: 'booked', currency: 'EUR', bookings: 1, count: 7, revenue: 21000 },
        { key: 'cancelled', currency: 'EUR', bookings: 1, count: 1, revenue: 5000 },
      ]);
      expect(await report(db, orgId, event.id, 'category')).toEqual([
        { key: 'A', currency: 'EUR', bookings: 1, count: 2, revenue: 10000 },
        { key: 'B', currency: 'EUR', bookings: 1, count: 1, revenue: 3000 },
        { key: 'GA', currency: 'EUR', bookings: 1, count: 4, revenue: 8000 },
      ]);
      expect(await report(db, orgId, 'ev_missing', 'status')).toBeUndefined();
    });
  });
}
