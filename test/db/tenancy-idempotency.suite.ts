// Idempotency keys and organisation isolation, run on both adapters.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { NotFound } from '../../engine/src/db/errors.ts';
import { IdempotencyKeyReused, withIdempotency } from '../../engine/src/db/idempotency.ts';
import {
  bumpEpoch,
  getEvent,
  listEvents,
  liveState,
  setPrices,
} from '../../engine/src/events/repo.ts';
import {
  getSeatmap,
  getVersion,
  latestVersion,
  listVersions,
  publishVersion,
  saveDraft,
} from '../../engine/src/maps/repo.ts';
import {
  addBlocks,
  cancelBooking,
  cancelSeats,
  createBooking,
  getBooking,
  SeatsAlreadyBooked,
} from '../../engine/src/orders/repo.ts';
import { reportRows as report } from '../support/report.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { doc, layout, seat, systemQuery, world } from './fixtures.ts';

async function bookingCount(db: Db, eventId: string): Promise<number> {
  const { rows } = await systemQuery<{ n: number }>(
    db,
    'SELECT count(*)::int AS n FROM bookings WHERE event_id = $1',
    [eventId],
  );
  return rows[0]!.n;
}

export function tenancyAndIdempotency(getDb: () => Db): void {
  describe('idempotency', () => {
    it('replays the stored response for the same key and body, once executed', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const book = () =>
        withIdempotency(db, orgId, 'key-1', 'hash-a', async (tx) => {
          const b = await createBooking(tx, {
            orgId,
            eventId: event.id,
            currency: 'EUR',
            seats: [seat(1)],
          });
          return { statusCode: 201, body: { bookingId: b.id } };
        });
      const first = await book();
      expect(first).toMatchObject({ statusCode: 201, replayed: false });
      expect(await book()).toEqual({ ...first, replayed: true });
      expect(await bookingCount(db, event.id)).toBe(1);
    });

    it('runs concurrent duplicates once', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          withIdempotency(db, orgId, 'key-c', 'hash-a', async (tx) => {
            const b = await createBooking(tx, {
              orgId,
              eventId: event.id,
              currency: 'EUR',
              seats: [seat(2)],
            });
            return { statusCode: 201, body: { bookingId: b.id } };
          }),
        ),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.bookingId)).size).toBe(1);
      expect(await bookingCount(db, event.id)).toBe(1);
    });

    it('rejects the same key with a different body', async () => {
      const db = getDb();
      const { orgId } = await world(db);
      await withIdempotency(db, orgId, 'key-2', 'hash-a', async () => ({
        statusCode: 200,
        body: 1,
      }));
      const err = await withIdempotency(db, orgId, 'key-2', 'hash-b', async () => ({
        statusCode: 200,
        body: 2,
      })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IdempotencyKeyReused);
      expect((err as Error).message).toMatch(/key-2.*different request/);
    });

    it('keeps no key when the work fails, so a retry runs it', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      await createBooking(db, { orgId, eventId: event.id, currency: 'EUR', seats: [seat(3)] });
      const attempt = (index: number) =>
        withIdempotency(db, orgId, 'key-3', 'hash-a', async (tx) => {
          const b = await createBooking(tx, {
            orgId,
            eventId: event.id,
            currency: 'EUR',
            seats: [seat(index)],
          });
          return { statusCode: 201, body: b.id };
        });
      await expect(attempt(3)).rejects.toThrow(SeatsAlreadyBooked);
      expect(await attempt(4)).toMatchObject({ statusCode: 201, replayed: false });
    });

    it('scopes keys per organisation', async () => {
      const db = getDb();
      const a = await createOrganisation(db, { name: 'A' });
      const b = await createOrganisation(db, { name: 'B' });
      const run = (orgId: string, hash: string) =>
        withIdempotency(db, orgId, 'shared-key', hash, async () => ({
          statusCode: 200,
          body: orgId,
        }));
      expect((await run(a.id, 'h1')).body).toBe(a.id);
      expect(await run(b.id, 'h2')).toEqual({ statusCode: 200, body: b.id, replayed: false });
    });
  });

  describe('tenancy', () => {
    it('treats another organisation’s ids as not found and leaves its rows untouched', async () => {
      const db = getDb();
      const owner = await world(db);
      const intruder = await createOrganisation(db, { name: 'Intruder' });
      const other = intruder.id;
      const { event, seatmapId } = owner;
      const booking = await createBooking(db, {
        orgId: owner.orgId,
        eventId: event.id,
        currency: 'EUR',
        seats: [seat(1)],
      });

      expect(await getSeatmap(db, other, seatmapId)).toBeUndefined();
      expect(await saveDraft(db, other, seatmapId, 1, doc('x'))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await getVersion(db, other, seatmapId, 1)).toBeUndefined();
      expect(await latestVersion(db, other, seatmapId)).toBeUndefined();
      expect(await listVersions(db, other, seatmapId)).toEqual([]);
      await expect(
        publishVersion(db, other, seatmapId, {
          document: doc('x'),
          seatCount: 1,
          layout: layout(1),
        }),
      ).rejects.toThrow(NotFound);
      expect(await getEvent(db, other, event.id)).toBeUndefined();
      expect(await listEvents(db, other)).toEqual([]);
      await expect(setPrices(db, other, event.id, [])).rejects.toThrow(NotFound);
      await expect(bumpEpoch(db, other, event.id)).rejects.toThrow(NotFound);
      expect(await liveState(db, other, event.id)).toBeUndefined();
      expect(await report(db, other, event.id, 'status')).toBeUndefined();
      expect(await getBooking(db, other, booking.id)).toBeUndefined();
      expect(await cancelBooking(db, other, booking.id)).toBeUndefined();
      expect(await cancelSeats(db, other, event.id, [1])).toEqual([]);
      await expect(addBlocks(db, other, event.id, [2], 'x')).rejects.toThrow(NotFound);
      await expect(
        createBooking(db, { orgId: other, eventId: event.id, currency: 'EUR', seats: [seat(3)] }),
      ).rejects.toThrow(NotFound);

      expect(await liveState(db, owner.orgId, event.id)).toEqual({
        epoch: 0,
        bookedSeats: [1],
        blocked: [],
        gaBooked: {},
      });
      expect((await getEvent(db, owner.orgId, event.id))?.prices).toHaveLength(2);
    });
  });
}
