// Every repo function, called for organisation A with organisation B's ids, on both adapters:
// each answers "not found" (undefined, false, nothing changed, or NotFound) and B's data is the
// same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiKeys, revokeApiKey } from '../../engine/src/auth/repo.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { NotFound } from '../../engine/src/db/errors.ts';
import { withIdempotency } from '../../engine/src/db/idempotency.ts';
import {
  bumpEpoch,
  createEvent,
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
  removeBlocks,
} from '../../engine/src/orders/repo.ts';
import { reportRows as report } from '../support/report.ts';
import { doc, layout, seat } from '../db/fixtures.ts';
import {
  idempotencyKeyOf,
  openTestDb,
  ownedBy,
  tenant,
  type Adapter,
  type Tenant,
} from './world.ts';

describe.each<Adapter>(['postgres', 'pglite'])(
  "repos with another organisation's ids on %s",
  (adapter) => {
    let db: Db;
    let drop: () => Promise<void>;
    let a: Tenant;
    let b: Tenant;
    let before: Awaited<ReturnType<typeof ownedBy>>;

    beforeAll(async () => {
      ({ db, drop } = await openTestDb(adapter));
      a = await tenant(db);
      b = await tenant(db);
      before = await ownedBy(db, b);
    });

    afterAll(() => drop());

    it('reads nothing of B', async () => {
      expect(await getSeatmap(db, a.orgId, b.seatmapId)).toBeUndefined();
      expect(await getVersion(db, a.orgId, b.seatmapId, 1)).toBeUndefined();
      expect(await latestVersion(db, a.orgId, b.seatmapId)).toBeUndefined();
      expect(await listVersions(db, a.orgId, b.seatmapId)).toEqual([]);
      expect(await getEvent(db, a.orgId, b.eventId)).toBeUndefined();
      expect((await listEvents(db, a.orgId)).map((e) => e.id)).toEqual([a.eventId]);
      expect(await liveState(db, a.orgId, b.eventId)).toBeUndefined();
      expect(await getBooking(db, a.orgId, b.bookingId)).toBeUndefined();
      expect(await report(db, a.orgId, b.eventId, 'status')).toBeUndefined();
      expect(await report(db, a.orgId, b.eventId, 'category')).toBeUndefined();
      expect((await listApiKeys(db, a.orgId)).map((k) => k.id)).toEqual([a.keyId]);
    });

    it('changes nothing of B', async () => {
      const notFound = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(NotFound);
      expect(await saveDraft(db, a.orgId, b.seatmapId, 1, doc('stolen'))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      await notFound(
        publishVersion(db, a.orgId, b.seatmapId, {
          document: doc('stolen'),
          seatCount: 10,
          layout: layout(),
        }),
      );
      await notFound(
        createEvent(db, {
          orgId: a.orgId,
          name: 'On B’s map',
          seatmapId: b.seatmapId,
          startsAt: new Date('2027-02-01T19:00:00Z'),
        }),
      );
      await notFound(
        setPrices(db, a.orgId, b.eventId, [{ category: 'A', amount: 1, currency: 'EUR' }]),
      );
      await notFound(bumpEpoch(db, a.orgId, b.eventId));
      await notFound(
        createBooking(db, {
          orgId: a.orgId,
          eventId: b.eventId,
          currency: 'EUR',
          seats: [seat(7)],
        }),
      );
      expect(await cancelBooking(db, a.orgId, b.bookingId)).toBeUndefined();
      expect(await cancelSeats(db, a.orgId, b.eventId, [1, 2])).toEqual([]);
      await notFound(addBlocks(db, a.orgId, b.eventId, [8], 'stolen'));
      expect(await removeBlocks(db, a.orgId, b.eventId, [5])).toEqual([]);
      expect(await revokeApiKey(db, a.orgId, b.keyId)).toBe(false);
      // B's idempotency key with another body: A's work runs as A's own (no replay of B's answer,
      // no "key reused" refusal that would tell A the key exists).
      const mine = await withIdempotency(
        db,
        a.orgId,
        idempotencyKeyOf(b.orgId),
        'other-hash',
        async () => ({
          statusCode: 200,
          body: 'mine',
        }),
      );
      expect(mine).toEqual({ statusCode: 200, body: 'mine', replayed: false });
      expect(await ownedBy(db, b)).toEqual(before);
    });
  },
);
