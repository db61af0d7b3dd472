// Contract: hold, release, extend, getHold, checkHold, lazy expiry and sweep.
import { describe, expect, it } from 'vitest';
import type { SeatStoreError } from '../../engine/src/store/errors.ts';
import {
  SeatStatus,
  type HoldResult,
  type ReleaseResult,
} from '../../engine/src/store/seat-store.ts';
import {
  EVENT,
  T0,
  TTL,
  expectError,
  expectUnchanged,
  initEvent,
  statusOf,
} from './contract-helpers.ts';
import type { StoreHarness } from './harness.ts';

export function holdsContract(get: () => StoreHarness): void {
  describe('hold', () => {
    it('holds seats and GA quantities for a token and bumps seq once', async () => {
      const { store } = get();
      await initEvent(store);
      const res = await store.hold(EVENT, {
        token: 'a',
        seats: [3, 1, 2],
        ga: [{ areaId: 'floor', quantity: 4 }],
        ttlMs: TTL,
        now: T0,
      });
      expect(res).toEqual({
        token: 'a',
        expiresAt: T0 + TTL,
        seats: [1, 2, 3],
        ga: [{ areaId: 'floor', quantity: 4 }],
        seq: 1,
      });
      const snap = await store.snapshot(EVENT, T0);
      expect(snap.counts).toEqual({ free: 17, held: 3, booked: 0, blocked: 0 });
      expect(snap.ga).toEqual([
        { areaId: 'balcony', capacity: 4, held: 0, booked: 0 },
        { areaId: 'floor', capacity: 10, held: 4, booked: 0 },
      ]);
      expect(await store.getHold(EVENT, 'a', T0)).toEqual({
        token: 'a',
        expiresAt: T0 + TTL,
        seats: [1, 2, 3],
        ga: [{ areaId: 'floor', quantity: 4 }],
      });
    });

    it('is all-or-nothing and names the taken seats', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [2, 5], ttlMs: TTL, now: T0 });
      await store.block(EVENT, { seats: [7], now: T0 });
      await expectUnchanged(
        store,
        () => store.hold(EVENT, { token: 'b', seats: [1, 2, 5, 6, 7], ttlMs: TTL, now: T0 }),
        'SEATS_UNAVAILABLE',
        { seats: [2, 5, 7] },
      );
      expect(await store.getHold(EVENT, 'b', T0)).toBeNull();
    });

    it('is all-or-nothing across seats and GA areas and names the short areas', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [],
        ga: [{ areaId: 'floor', quantity: 8 }],
        ttlMs: TTL,
        now: T0,
      });
      await expectUnchanged(
        store,
        () =>
          store.hold(EVENT, {
            token: 'b',
            seats: [1],
            ga: [
              { areaId: 'floor', quantity: 3 },
              { areaId: 'balcony', quantity: 4 },
            ],
            ttlMs: TTL,
            now: T0,
          }),
        'GA_UNAVAILABLE',
        { areas: ['floor'] },
      );
      await expectUnchanged(
        store,
        () =>
          store.hold(EVENT, {
            token: 'b',
            seats: [1],
            ga: [{ areaId: 'pit', quantity: 1 }],
            ttlMs: TTL,
            now: T0,
          }),
        'GA_AREA_UNKNOWN',
        { areas: ['pit'] },
      );
      const ok = await store.hold(EVENT, {
        token: 'b',
        seats: [],
        ga: [{ areaId: 'floor', quantity: 2 }],
        ttlMs: TTL,
        now: T0,
      });
      expect(ok.ga).toEqual([{ areaId: 'floor', quantity: 2 }]);
    });

    it('adding to a live token extends its set and resets its expiry', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: 1000, now: T0 });
      const res = await store.hold(EVENT, {
        token: 'a',
        seats: [1, 4],
        ttlMs: 5000,
        now: T0 + 500,
      });
      expect(res).toMatchObject({ seats: [1, 4], expiresAt: T0 + 5500, seq: 2 });
      expect(await statusOf(store, [1, 4], T0 + 1000)).toEqual([SeatStatus.Held, SeatStatus.Held]);
    });

    it('treats an expired token as free (lazy) and lets another token take its seats', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [1, 2],
        ga: [{ areaId: 'balcony', quantity: 4 }],
        ttlMs: 1000,
        now: T0,
      });
      expect(await statusOf(store, [1, 2], T0 + 999)).toEqual([1, 1]);
      const snap = await store.snapshot(EVENT, T0 + 1000);
      expect([snap.status[1], snap.status[2]]).toEqual([0, 0]);
      expect(snap.ga.find((a) => a.areaId === 'balcony')?.held).toBe(0);
      expect(await store.getHold(EVENT, 'a', T0 + 1000)).toBeNull();
      const res = await store.hold(EVENT, {
        token: 'b',
        seats: [2],
        ga: [{ areaId: 'balcony', quantity: 4 }],
        ttlMs: TTL,
        now: T0 + 1000,
      });
      expect(res.seats).toEqual([2]);
      // The command released the expired token for real and logged it with its own changes.
      expect(await store.changesSince(EVENT, 1)).toMatchObject({
        seq: 2,
        seats: [
          { seat: 1, status: 0 },
          { seat: 2, status: 1 },
        ],
        ga: [{ areaId: 'balcony', capacity: 4, held: 4, booked: 0 }],
      });
      await expectError(store.release(EVENT, { token: 'a', now: T0 + 1000 }), 'HOLD_NOT_FOUND');
    });

    it('an expired token re-holding starts afresh', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2], ttlMs: 1000, now: T0 });
      const res = await store.hold(EVENT, { token: 'a', seats: [3], ttlMs: 1000, now: T0 + 2000 });
      expect(res.seats).toEqual([3]);
      expect(await statusOf(store, [1, 2, 3], T0 + 2000)).toEqual([0, 0, 1]);
    });
  });

  describe('release', () => {
    it('releases listed seats, then the whole token with its GA', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [1, 2, 3],
        ga: [{ areaId: 'floor', quantity: 2 }],
        ttlMs: TTL,
        now: T0,
      });
      expect(await store.release(EVENT, { token: 'a', seats: [2], now: T0 })).toEqual({
        released: [2],
        ga: [],
        seq: 2,
      });
      expect((await store.getHold(EVENT, 'a', T0))?.seats).toEqual([1, 3]);
      expect(await store.release(EVENT, { token: 'a', now: T0 })).toEqual({
        released: [1, 3],
        ga: [{ areaId: 'floor', quantity: 2 }],
        seq: 3,
      });
      const snap = await store.snapshot(EVENT, T0);
      expect(snap.counts.free).toBe(20);
      expect(snap.ga.find((a) => a.areaId === 'floor')?.held).toBe(0);
      expect(await store.getHold(EVENT, 'a', T0)).toBeNull();
    });

    it('deletes a token whose last seat is released', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: TTL, now: T0 });
      await store.release(EVENT, { token: 'a', seats: [1], now: T0 });
      expect(await store.getHold(EVENT, 'a', T0)).toBeNull();
    });

    it('fails on unknown or expired tokens and seats the token does not hold', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2], ttlMs: 1000, now: T0 });
      await store.hold(EVENT, { token: 'b', seats: [3], ttlMs: TTL, now: T0 });
      await expectUnchanged(
        store,
        () => store.release(EVENT, { token: 'x', now: T0 }),
        'HOLD_NOT_FOUND',
      );
      await expectUnchanged(
        store,
        () => store.release(EVENT, { token: 'a', seats: [2, 3, 4], now: T0 }),
        'SEATS_NOT_HELD',
        { seats: [3, 4] },
      );
      await expectUnchanged(
        store,
        () => store.release(EVENT, { token: 'a', seats: [25], now: T0 }),
        'SEAT_OUT_OF_RANGE',
        { seats: [25] },
      );
      await expectUnchanged(
        store,
        () => store.release(EVENT, { token: 'a', now: T0 + 1000 }),
        'HOLD_EXPIRED',
        {},
        undefined,
        T0 + 1000,
      );
    });
  });

  describe('extend, getHold, checkHold', () => {
    it('extend resets the expiry of a live token without a seq bump', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: 1000, now: T0 });
      expect(await store.extend(EVENT, { token: 'a', ttlMs: 5000, now: T0 + 900 })).toEqual({
        expiresAt: T0 + 5900,
      });
      expect((await store.getHold(EVENT, 'a', T0 + 2000))?.expiresAt).toBe(T0 + 5900);
      expect((await store.snapshot(EVENT, T0 + 2000)).seq).toBe(1);
      expect(await statusOf(store, [1], T0 + 5899)).toEqual([1]);
      expect(await statusOf(store, [1], T0 + 5900)).toEqual([0]);
    });

    it('extend of an expired or unknown token fails', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: 1000, now: T0 });
      await expectError(
        store.extend(EVENT, { token: 'a', ttlMs: 5000, now: T0 + 1000 }),
        'HOLD_EXPIRED',
      );
      await expectError(
        store.extend(EVENT, { token: 'zz', ttlMs: 5000, now: T0 }),
        'HOLD_NOT_FOUND',
      );
      expect(await store.getHold(EVENT, 'a', T0 + 1000)).toBeNull();
    });

    it('checkHold passes only when the live token holds every seat and quantity', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [1, 2],
        ga: [{ areaId: 'floor', quantity: 2 }],
        ttlMs: 1000,
        now: T0,
      });
      await store.hold(EVENT, { token: 'b', seats: [3], ttlMs: TTL, now: T0 });
      await expect(
        store.checkHold(EVENT, {
          token: 'a',
          seats: [1, 2],
          ga: [{ areaId: 'floor', quantity: 2 }],
          now: T0,
        }),
      ).resolves.toBeUndefined();
      await expectError(
        store.checkHold(EVENT, {
          token: 'a',
          seats: [1, 3, 4],
          ga: [{ areaId: 'floor', quantity: 3 }],
          now: T0,
        }),
        'SEATS_NOT_HELD',
        { seats: [3, 4], areas: ['floor'] },
      );
      await expectError(
        store.checkHold(EVENT, { token: 'a', seats: [1], now: T0 + 1000 }),
        'HOLD_EXPIRED',
      );
      await expectError(
        store.checkHold(EVENT, { token: 'q', seats: [1], now: T0 }),
        'HOLD_NOT_FOUND',
      );
      await expectError(
        store.checkHold(EVENT, { token: 'a', seats: [20], now: T0 }),
        'SEAT_OUT_OF_RANGE',
        {
          seats: [20],
        },
      );
    });
  });

  describe('sweep and activeEvents', () => {
    it('releases every expired token, logs it once, and is a no-op when nothing expired', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [1, 2],
        ga: [{ areaId: 'floor', quantity: 1 }],
        ttlMs: 1000,
        now: T0,
      });
      await store.hold(EVENT, { token: 'b', seats: [3], ttlMs: 2000, now: T0 });
      await store.hold(EVENT, { token: 'c', seats: [4], ttlMs: TTL, now: T0 });
      expect(await store.activeEvents(T0)).toEqual([EVENT]);
      expect(await store.sweep(EVENT, T0 + 500)).toEqual({
        expiredTokens: [],
        released: [],
        seq: 3,
      });
      expect(await store.sweep(EVENT, T0 + 2000)).toEqual({
        expiredTokens: ['a', 'b'],
        released: [1, 2, 3],
        seq: 4,
      });
      const batch = await store.changesSince(EVENT, 3);
      expect(batch?.seats.sort((x, y) => x.seat - y.seat)).toEqual([
        { seat: 1, status: 0 },
        { seat: 2, status: 0 },
        { seat: 3, status: 0 },
      ]);
      expect(batch?.ga).toEqual([{ areaId: 'floor', capacity: 10, held: 0, booked: 0 }]);
      expect(await statusOf(store, [1, 2, 3, 4], T0 + 2000)).toEqual([0, 0, 0, 1]);
      await store.release(EVENT, { token: 'c', now: T0 + 2000 });
      expect(await store.sweep(EVENT, T0 + TTL * 2)).toEqual({
        expiredTokens: [],
        released: [],
        seq: 5,
      });
    });
  });

  describe('many commands at once', () => {
    it('runs holds and releases asked for together exactly as one after another, in order', async () => {
      const { store } = get();
      await initEvent(store);
      // A token that is due when the later commands run (they must release it first).
      await store.hold(EVENT, { token: 'old', seats: [9], ttlMs: 10, now: T0 });
      const at = T0 + 100;
      const hold = (
        token: string,
        seats: number[],
        ga: { areaId: string; quantity: number }[] = [],
      ) => store.hold(EVENT, { token, seats, ga, ttlMs: TTL, now: at });
      const settled = await Promise.allSettled([
        hold('a', [1, 2]), // seq 2 (also frees seat 9 of the due token)
        hold('b', [2, 3]), // taken by a: nothing
        hold('c', [4], [{ areaId: 'floor', quantity: 2 }]), // seq 3
        store.release(EVENT, { token: 'a', now: at }), // seq 4
        hold('d', [1, 9]), // seq 5: seat 1 is free again, 9 was freed by expiry
        hold('c', [5]), // seq 6: adds to c
        store.release(EVENT, { token: 'c', seats: [4], now: at }), // seq 7
        store.release(EVENT, { token: 'zz', now: at }), // unknown token: nothing
        hold('e', [25]), // out of range: nothing
      ]);
      const outcome = settled.map((r) =>
        r.status === 'fulfilled' ? r.value.seq : (r.reason as SeatStoreError).code,
      );
      expect(outcome).toEqual([
        2,
        'SEATS_UNAVAILABLE',
        3,
        4,
        5,
        6,
        7,
        'HOLD_NOT_FOUND',
        'SEAT_OUT_OF_RANGE',
      ]);
      expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ seats: [2] });
      expect((settled[3] as PromiseFulfilledResult<ReleaseResult>).value.released).toEqual([1, 2]);
      expect((settled[5] as PromiseFulfilledResult<HoldResult>).value).toMatchObject({
        seats: [4, 5],
        ga: [{ areaId: 'floor', quantity: 2 }],
      });
      expect(await store.getHold(EVENT, 'c', at)).toMatchObject({
        seats: [5],
        ga: [{ areaId: 'floor', quantity: 2 }],
      });
      expect(await statusOf(store, [1, 2, 3, 4, 5, 9], at)).toEqual([1, 0, 0, 0, 1, 1]);
      // Each command has its own seq and log entry: deltas from any seq in between are exact.
      expect(await store.changesSince(EVENT, 3)).toMatchObject({
        fromSeq: 3,
        seq: 7,
        seats: [
          { seat: 2, status: SeatStatus.Free },
          { seat: 1, status: SeatStatus.Held },
          { seat: 9, status: SeatStatus.Held },
          { seat: 5, status: SeatStatus.Held },
          { seat: 4, status: SeatStatus.Free },
        ],
        ga: [],
      });
      expect(await store.changesSince(EVENT, 1)).toMatchObject({
        seq: 7,
        ga: [{ areaId: 'floor', capacity: 10, held: 2, booked: 0 }],
      });
    });

    it('answers a read asked for after unawaited writes with their effects', async () => {
      const { store } = get();
      await initEvent(store);
      const holds = [1, 2, 3].map((seat) =>
        store.hold(EVENT, { token: `t${seat}`, seats: [seat], ttlMs: TTL, now: T0 }),
      );
      const snapshot = store.snapshot(EVENT, T0);
      await Promise.all(holds);
      expect((await snapshot).seq).toBe(3);
      expect((await snapshot).counts.held).toBe(3);
    });
  });
}
