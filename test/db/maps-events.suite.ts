// Seat maps and events repositories, run on both adapters.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { InvalidInput, NotFound } from '../../engine/src/db/errors.ts';
import {
  bumpEpoch,
  createEvent,
  getEvent,
  listEvents,
  setPrices,
} from '../../engine/src/events/repo.ts';
import {
  createSeatmap,
  getSeatmap,
  getVersion,
  latestVersion,
  listVersions,
  publishVersion,
  saveDraft,
} from '../../engine/src/maps/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { doc, layout, SEATS, world } from './fixtures.ts';

export function mapsAndEvents(getDb: () => Db): void {
  describe('seat maps', () => {
    it('saves drafts with optimistic concurrency', async () => {
      const db = getDb();
      const org = await createOrganisation(db, { name: 'Drafts' });
      const map = await createSeatmap(db, { orgId: org.id, name: 'Hall', draft: doc('a') });
      expect(map).toMatchObject({ id: expect.stringMatching(/^sm_/), draftVersion: 1 });

      expect(await saveDraft(db, org.id, map.id, 1, doc('b'))).toEqual({
        ok: true,
        draftVersion: 2,
      });
      expect(await saveDraft(db, org.id, map.id, 1, doc('stale'))).toEqual({
        ok: false,
        reason: 'conflict',
        currentVersion: 2,
      });
      expect(await saveDraft(db, org.id, 'sm_missing', 1, doc('x'))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect((await getSeatmap(db, org.id, map.id))?.draft).toEqual(doc('b'));
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const db = getDb();
      const org = await createOrganisation(db, { name: 'Race' });
      const map = await createSeatmap(db, { orgId: org.id, name: 'Hall', draft: doc('a') });
      const results = await Promise.all(
        ['x', 'y'].map((label) => saveDraft(db, org.id, map.id, 1, doc(label))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, reason: 'conflict', currentVersion: 2 },
      ]);
    });

    it('numbers published versions 1…n even when published concurrently', async () => {
      const db = getDb();
      const org = await createOrganisation(db, { name: 'Publish' });
      const map = await createSeatmap(db, { orgId: org.id, name: 'Hall', draft: doc('a') });
      const publish = (label: string) =>
        publishVersion(db, org.id, map.id, {
          document: doc(label),
          seatCount: 3,
          layout: layout(3),
        });
      const labels = ['a', 'b', 'c', 'd', 'e', 'f'];
      const versions = await Promise.all(labels.map(publish));
      expect([...versions].sort()).toEqual([1, 2, 3, 4, 5, 6]);

      expect((await listVersions(db, org.id, map.id)).map((v) => v.version)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
      const latest = await latestVersion(db, org.id, map.id);
      expect(latest).toMatchObject({ version: 6, seatCount: 3, layout: layout(3) });
      const first = await getVersion(db, org.id, map.id, 1);
      expect(first?.document).toEqual(doc(labels[versions.indexOf(1)]!));
      expect(await getVersion(db, org.id, map.id, 7)).toBeUndefined();
    });

    it('refuses a layout whose seat ids disagree with seatCount, or an unknown map', async () => {
      const db = getDb();
      const { orgId, seatmapId } = await world(db);
      await expect(
        publishVersion(db, orgId, seatmapId, {
          document: doc('x'),
          seatCount: 4,
          layout: layout(3),
        }),
      ).rejects.toThrow(InvalidInput);
      await expect(
        publishVersion(db, orgId, 'sm_missing', {
          document: doc('x'),
          seatCount: 3,
          layout: layout(3),
        }),
      ).rejects.toThrow(NotFound);
      expect((await listVersions(db, orgId, seatmapId)).map((v) => v.version)).toEqual([1]);
    });
  });

  describe('events', () => {
    it('creates an event on the latest version with its prices and defaults', async () => {
      const db = getDb();
      const { orgId, seatmapId, event } = await world(db);
      expect(event).toMatchObject({
        id: expect.stringMatching(/^ev_/),
        orgId,
        seatmapId,
        seatmapVersion: 1,
        seatCount: SEATS,
        holdTtlSeconds: 900,
        salesOpen: true,
        epoch: 0,
        startsAt: new Date('2027-01-01T19:30:00Z'),
        prices: [
          { category: 'A', priceType: 'full', amount: 5000, currency: 'EUR' },
          { category: 'B', priceType: 'full', amount: 3000, currency: 'EUR' },
        ],
      });
      expect(await getEvent(db, orgId, event.id)).toEqual(event);
    });

    it('writes nothing when the requested version is not published', async () => {
      const db = getDb();
      const { orgId, seatmapId } = await world(db);
      await expect(
        createEvent(db, {
          orgId,
          name: 'Ghost',
          seatmapId,
          seatmapVersion: 2,
          startsAt: new Date(),
          prices: [{ category: 'A', amount: 1, currency: 'EUR' }],
        }),
      ).rejects.toThrow(NotFound);
      expect((await listEvents(db, orgId)).map((e) => e.name)).toEqual(['Première']);
    });

    it('replaces prices and lists events by start time', async () => {
      const db = getDb();
      const { orgId, seatmapId, event } = await world(db);
      await setPrices(db, orgId, event.id, [
        { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
      ]);
      const early = await createEvent(db, {
        orgId,
        name: 'Matinée',
        seatmapId,
        seatmapVersion: 1,
        startsAt: new Date('2026-12-31T15:00:00Z'),
        holdTtlSeconds: 300,
      });
      const listed = await listEvents(db, orgId);
      expect(listed.map((e) => e.id)).toEqual([early.id, event.id]);
      expect(listed[1]?.prices).toEqual([
        { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
      ]);
      expect(listed[0]).toMatchObject({ holdTtlSeconds: 300, prices: [] });
    });

    it('bumps the epoch atomically', async () => {
      const db = getDb();
      const { orgId, event } = await world(db);
      const epochs = await Promise.all(
        Array.from({ length: 8 }, () => bumpEpoch(db, orgId, event.id)),
      );
      expect([...epochs].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await getEvent(db, orgId, event.id))?.epoch).toBe(8);
      await expect(bumpEpoch(db, orgId, 'ev_missing')).rejects.toThrow(NotFound);
    });
  });
}
