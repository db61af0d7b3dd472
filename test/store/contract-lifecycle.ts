// Contract: init, drop, data loss and restore, the change log (changesSince) and onChange.
import { describe, expect, it } from 'vitest';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { EVENT, T0, TTL, expectError, initEvent, view } from './contract-helpers.ts';
import type { MakeHarness, StoreHarness } from './harness.ts';

const loaded = async (store: SeatStore) => {
  const snap = await store.snapshot(EVENT, T0);
  return { seq: snap.seq, counts: snap.counts };
};

export function lifecycleContract(get: () => StoreHarness, open: MakeHarness): void {
  describe('init and drop', () => {
    it('initEvent creates a free event and never resets an existing one', async () => {
      const { store } = get();
      expect(await store.hasEvent(EVENT)).toBe(false);
      await store.initEvent({
        eventId: EVENT,
        seatCount: 5,
        ga: [{ areaId: 'floor', capacity: 3 }],
        epoch: 7,
      });
      const fresh = await store.snapshot(EVENT, T0);
      expect(view(fresh)).toEqual({
        epoch: 7,
        seq: 0,
        status: [0, 0, 0, 0, 0],
        ga: [{ areaId: 'floor', capacity: 3, held: 0, booked: 0 }],
        counts: { free: 5, held: 0, booked: 0, blocked: 0 },
      });
      await store.hold(EVENT, { token: 'a', seats: [0], ttlMs: TTL, now: T0 });
      await store.initEvent({ eventId: EVENT, seatCount: 9, ga: [], epoch: 8 });
      expect(await loaded(store)).toEqual({
        seq: 1,
        counts: { free: 4, held: 1, booked: 0, blocked: 0 },
      });
      expect(await store.hasEvent(EVENT)).toBe(true);
      await store.dropEvent(EVENT);
      expect(await store.hasEvent(EVENT)).toBe(false);
    });

    it('keeps events apart', async () => {
      const { store } = get();
      await initEvent(store);
      await initEvent(store, 'ev-2');
      await store.hold(EVENT, { token: 'same', seats: [1], ttlMs: TTL, now: T0 });
      await store.hold('ev-2', { token: 'same', seats: [2], ttlMs: TTL, now: T0 });
      expect((await store.getHold(EVENT, 'same', T0))?.seats).toEqual([1]);
      expect((await store.getHold('ev-2', 'same', T0))?.seats).toEqual([2]);
    });
  });

  describe('data loss and restore', () => {
    it('every command answers EVENT_NOT_LOADED once the data is gone, and never recreates it', async () => {
      const harness = get();
      const { store } = harness;
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: TTL, now: T0 });
      await harness.loseData(EVENT);
      const commands: (() => Promise<unknown>)[] = [
        () => store.hold(EVENT, { token: 'a', seats: [2], ttlMs: TTL, now: T0 }),
        () => store.release(EVENT, { token: 'a', now: T0 }),
        () => store.extend(EVENT, { token: 'a', ttlMs: TTL, now: T0 }),
        () => store.getHold(EVENT, 'a', T0),
        () => store.checkHold(EVENT, { token: 'a', seats: [1], now: T0 }),
        () => store.book(EVENT, { seats: [1], force: true, now: T0 }),
        () => store.cancel(EVENT, { seats: [1], now: T0 }),
        () => store.block(EVENT, { seats: [1], now: T0 }),
        () => store.unblock(EVENT, { seats: [1], now: T0 }),
        () => store.sweep(EVENT, T0),
        () => store.snapshot(EVENT, T0),
        () => store.changesSince(EVENT, 0),
      ];
      for (const run of commands) await expectError(run(), 'EVENT_NOT_LOADED');
      expect(await store.hasEvent(EVENT)).toBe(false);
    });

    it('restoreEvent replaces the state with bookings and blocks under the new epoch', async () => {
      const harness = get();
      const { store } = harness;
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2], ttlMs: TTL, now: T0 });
      await harness.loseData(EVENT);
      await store.restoreEvent({
        eventId: EVENT,
        seatCount: 6,
        ga: [{ areaId: 'floor', capacity: 10 }],
        booked: [0, 4],
        blocked: [5],
        gaBooked: { floor: 3 },
        epoch: 2,
      });
      expect(view(await store.snapshot(EVENT, T0))).toEqual({
        epoch: 2,
        seq: 0,
        status: [2, 0, 0, 0, 2, 3],
        ga: [{ areaId: 'floor', capacity: 10, held: 0, booked: 3 }],
        counts: { free: 3, held: 0, booked: 2, blocked: 1 },
      });
      // The lost token is gone entirely: re-using its name starts an empty hold.
      expect(
        (await store.hold(EVENT, { token: 'a', seats: [3], ttlMs: TTL, now: T0 })).seats,
      ).toEqual([3]);
      expect(await store.changesSince(EVENT, 0)).toEqual({
        eventId: EVENT,
        epoch: 2,
        fromSeq: 0,
        seq: 1,
        seats: [{ seat: 3, status: 1 }],
        ga: [],
      });
      // Restoring a live event replaces it too (holds dropped, seq restarts).
      await store.restoreEvent({
        eventId: EVENT,
        seatCount: 6,
        ga: [],
        booked: [],
        blocked: [],
        gaBooked: {},
        epoch: 3,
      });
      expect(await loaded(store)).toEqual({
        seq: 0,
        counts: { free: 6, held: 0, booked: 0, blocked: 0 },
      });
      // A forced cancel frees what is booked and ignores the rest (Postgres already cancelled).
      await store.book(EVENT, { seats: [1], force: true, now: T0 });
      await store.cancel(EVENT, { seats: [1, 3], force: true, now: T0 });
      expect(await loaded(store)).toEqual({
        seq: 2,
        counts: { free: 6, held: 0, booked: 0, blocked: 0 },
      });
      // An if-absent restore of a live event (a second node's late rebuild) changes nothing.
      await store.book(EVENT, { seats: [2], force: true, now: T0 });
      await store.restoreEvent({
        eventId: EVENT,
        seatCount: 6,
        ga: [],
        booked: [],
        blocked: [],
        gaBooked: {},
        epoch: 4,
        ifAbsent: true,
      });
      expect(await loaded(store)).toEqual({
        seq: 3,
        counts: { free: 5, held: 0, booked: 1, blocked: 0 },
      });
      await expectError(
        store.restoreEvent({
          eventId: EVENT,
          seatCount: 6,
          ga: [],
          booked: [6],
          blocked: [],
          gaBooked: {},
          epoch: 4,
        }),
        'INVALID_REQUEST',
        { seats: [6] },
      );
    });
  });

  describe('change log', () => {
    it('changesSince returns the exact merged changes after a seq', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [1, 2],
        ga: [{ areaId: 'floor', quantity: 2 }],
        ttlMs: TTL,
        now: T0,
      }); // 1
      await store.book(EVENT, {
        token: 'a',
        seats: [1],
        ga: [{ areaId: 'floor', quantity: 1 }],
        now: T0,
      }); // 2
      await store.block(EVENT, { seats: [7], now: T0 }); // 3
      await store.release(EVENT, { token: 'a', now: T0 }); // 4
      expect(await store.changesSince(EVENT, 0)).toEqual({
        eventId: EVENT,
        epoch: 1,
        fromSeq: 0,
        seq: 4,
        seats: [
          { seat: 1, status: 2 },
          { seat: 7, status: 3 },
          { seat: 2, status: 0 },
        ],
        ga: [{ areaId: 'floor', capacity: 10, held: 0, booked: 1 }],
      });
      expect(await store.changesSince(EVENT, 2)).toMatchObject({
        fromSeq: 2,
        seq: 4,
        seats: [
          { seat: 7, status: 3 },
          { seat: 2, status: 0 },
        ],
      });
      expect(await store.changesSince(EVENT, 4)).toEqual({
        eventId: EVENT,
        epoch: 1,
        fromSeq: 4,
        seq: 4,
        seats: [],
        ga: [],
      });
      expect(await store.changesSince(EVENT, 5)).toBeNull();
    });

    it('changesSince is null once the log no longer reaches back', async () => {
      const { store } = await open({ logMaxLen: 10 });
      await initEvent(store);
      for (let i = 0; i < 300; i++) {
        await store.hold(EVENT, { token: `t${i}`, seats: [i % 20], ttlMs: TTL, now: T0 });
        await store.release(EVENT, { token: `t${i}`, now: T0 });
      }
      expect(await store.changesSince(EVENT, 0)).toBeNull();
      expect(await store.changesSince(EVENT, 590)).toMatchObject({ fromSeq: 590, seq: 600 });
      expect(await store.changesSince(EVENT, 599)).toMatchObject({
        seats: [{ seat: 19, status: 0 }],
      });
    });
  });

  describe('onChange', () => {
    it('notifies each change with its event and seq until unsubscribed', async () => {
      const harness = get();
      const { store } = harness;
      await initEvent(store);
      const seen: [string, number][] = [];
      let wake: () => void = () => undefined;
      const unsubscribe = store.onChange((eventId, seq) => {
        seen.push([eventId, seq]);
        wake();
      });
      await harness.subscribed();
      const arrived = new Promise<void>((resolve) => (wake = resolve));
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: TTL, now: T0 });
      await arrived;
      expect(seen).toEqual([[EVENT, 1]]);
      unsubscribe();
      const other = new Promise<void>((resolve) => {
        const off = store.onChange((eventId, seq) => {
          if (seq === 2) {
            off();
            resolve();
          }
          expect(eventId).toBe(EVENT);
        });
      });
      await store.release(EVENT, { token: 'a', now: T0 });
      await other;
      expect(seen).toEqual([[EVENT, 1]]);
    });
  });
}
