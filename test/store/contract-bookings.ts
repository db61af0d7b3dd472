// Contract: book (with token, plain, forced), cancel, block, unblock and input validation.
import { describe, expect, it } from 'vitest';
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

export function bookingsContract(get: () => StoreHarness): void {
  describe('book', () => {
    it('books seats held by the live token or free, taking them out of the token', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2, 3], ttlMs: TTL, now: T0 });
      expect(await store.book(EVENT, { token: 'a', seats: [1, 2, 9], now: T0 })).toEqual({
        seq: 2,
        soldOut: false,
      });
      expect(await statusOf(store, [1, 2, 3, 9])).toEqual([2, 2, 1, 2]);
      expect((await store.getHold(EVENT, 'a', T0))?.seats).toEqual([3]);
      await store.book(EVENT, { token: 'a', seats: [3], now: T0 });
      expect(await store.getHold(EVENT, 'a', T0)).toBeNull();
    });

    it('refuses seats held by another token, booked or blocked, naming them', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: TTL, now: T0 });
      await store.hold(EVENT, { token: 'b', seats: [2], ttlMs: TTL, now: T0 });
      await store.book(EVENT, { seats: [3], now: T0 });
      await store.block(EVENT, { seats: [4], now: T0 });
      await expectUnchanged(
        store,
        () => store.book(EVENT, { token: 'a', seats: [1, 2, 3, 4, 5], now: T0 }),
        'SEATS_UNAVAILABLE',
        { seats: [2, 3, 4] },
      );
      await expectUnchanged(
        store,
        () => store.book(EVENT, { seats: [1], now: T0 }),
        'SEATS_UNAVAILABLE',
        {
          seats: [1],
        },
      );
    });

    it('books GA from the token first, the rest from free capacity', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, {
        token: 'a',
        seats: [],
        ga: [{ areaId: 'floor', quantity: 3 }],
        ttlMs: TTL,
        now: T0,
      });
      await store.hold(EVENT, {
        token: 'b',
        seats: [],
        ga: [{ areaId: 'floor', quantity: 5 }],
        ttlMs: TTL,
        now: T0,
      });
      await expectUnchanged(
        store,
        () =>
          store.book(EVENT, {
            token: 'a',
            seats: [],
            ga: [{ areaId: 'floor', quantity: 6 }],
            now: T0,
          }),
        'GA_UNAVAILABLE',
        { areas: ['floor'] },
      );
      await store.book(EVENT, {
        token: 'a',
        seats: [],
        ga: [{ areaId: 'floor', quantity: 5 }],
        now: T0,
      });
      const snap = await store.snapshot(EVENT, T0);
      expect(snap.ga.find((a) => a.areaId === 'floor')).toEqual({
        areaId: 'floor',
        capacity: 10,
        held: 5,
        booked: 5,
      });
      expect(await store.getHold(EVENT, 'a', T0)).toBeNull();
    });

    it('with force marks seats booked whatever their state, stealing from any token', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2], ttlMs: TTL, now: T0 });
      await store.hold(EVENT, { token: 'b', seats: [3], ttlMs: 1000, now: T0 });
      await store.block(EVENT, { seats: [4], now: T0 });
      await store.book(EVENT, { seats: [5], now: T0 });
      const { seq } = await store.book(EVENT, {
        seats: [1, 3, 4, 5, 6],
        force: true,
        now: T0 + 1000,
      });
      expect(seq).toBe(5);
      expect(await statusOf(store, [1, 2, 3, 4, 5, 6], T0 + 1000)).toEqual([2, 1, 2, 2, 2, 2]);
      expect((await store.getHold(EVENT, 'a', T0 + 1000))?.seats).toEqual([2]);
      expect(await store.getHold(EVENT, 'b', T0 + 1000)).toBeNull();
      await expectError(
        store.release(EVENT, { token: 'a', seats: [1], now: T0 + 1000 }),
        'SEATS_NOT_HELD',
        {
          seats: [1],
        },
      );
      // Seat 5 was already booked: it is not reported as changed.
      expect((await store.changesSince(EVENT, 4))?.seats.map((c) => c.seat).sort()).toEqual([
        1, 3, 4, 6,
      ]);
    });

    it('with a token that expired books its seats only if they are still free', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1, 2], ttlMs: 1000, now: T0 });
      await store.hold(EVENT, { token: 'b', seats: [2], ttlMs: TTL, now: T0 + 1000 });
      await expectUnchanged(
        store,
        () => store.book(EVENT, { token: 'a', seats: [1, 2], now: T0 + 1000 }),
        'SEATS_UNAVAILABLE',
        { seats: [2] },
        undefined,
        T0 + 1000,
      );
      await store.book(EVENT, { token: 'a', seats: [1], now: T0 + 1000 });
      expect(await statusOf(store, [1, 2], T0 + 1000)).toEqual([2, 1]);
    });

    it('tells whether it left nothing to sell: no free seat, every GA area full', async () => {
      const { store } = get();
      await initEvent(store);
      const seats = (from: number, to: number) =>
        Array.from({ length: to - from + 1 }, (_, i) => from + i);
      expect((await store.book(EVENT, { seats: seats(0, 17), now: T0 })).soldOut).toBe(false);
      // The last free seat held (live) counts as taken; then the seats are gone but GA is not.
      await store.hold(EVENT, { token: 'h', seats: [18], ttlMs: 10, now: T0 });
      expect((await store.book(EVENT, { seats: [19], now: T0 })).soldOut).toBe(false);
      await store.hold(EVENT, {
        token: 'g',
        seats: [],
        ga: [{ areaId: 'balcony', quantity: 1 }],
        ttlMs: TTL,
        now: T0,
      });
      const last = await store.book(EVENT, {
        seats: [],
        ga: [
          { areaId: 'floor', quantity: 10 },
          { areaId: 'balcony', quantity: 3 },
        ],
        now: T0,
      });
      expect(last.soldOut).toBe(true);
      // Once seat 18's hold expired, it is for sale again.
      await store.cancel(EVENT, { seats: [0], now: T0 + 20 });
      expect((await store.book(EVENT, { seats: [0], now: T0 + 20 })).soldOut).toBe(false);
    });
  });

  describe('cancel, block, unblock', () => {
    it('cancel frees booked seats and GA, and names what is not booked', async () => {
      const { store } = get();
      await initEvent(store);
      await store.book(EVENT, { seats: [1, 2], ga: [{ areaId: 'balcony', quantity: 2 }], now: T0 });
      await expectUnchanged(
        store,
        () =>
          store.cancel(EVENT, { seats: [1, 3], ga: [{ areaId: 'balcony', quantity: 3 }], now: T0 }),
        'NOT_BOOKED',
        { seats: [3], areas: ['balcony'] },
      );
      expect(
        await store.cancel(EVENT, {
          seats: [1],
          ga: [{ areaId: 'balcony', quantity: 2 }],
          now: T0,
        }),
      ).toEqual({
        seq: 2,
      });
      const snap = await store.snapshot(EVENT, T0);
      expect([snap.status[1], snap.status[2]]).toEqual([0, 2]);
      expect(snap.ga.find((a) => a.areaId === 'balcony')?.booked).toBe(0);
    });

    it('block takes only free seats (expired holds count as free); unblock only blocked ones', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: 1000, now: T0 });
      await store.hold(EVENT, { token: 'b', seats: [2], ttlMs: TTL, now: T0 });
      await expectUnchanged(
        store,
        () => store.block(EVENT, { seats: [1, 2, 3], now: T0 }),
        'SEATS_UNAVAILABLE',
        {
          seats: [1, 2],
        },
      );
      await store.block(EVENT, { seats: [1, 3], now: T0 + 1000 });
      expect(await statusOf(store, [1, 2, 3], T0 + 1000)).toEqual([3, 1, 3]);
      await expectUnchanged(
        store,
        () => store.unblock(EVENT, { seats: [1, 2, 4], now: T0 + 1000 }),
        'NOT_BLOCKED',
        { seats: [2, 4] },
        undefined,
        T0 + 1000,
      );
      await store.unblock(EVENT, { seats: [1, 3], now: T0 + 1000 });
      expect((await store.snapshot(EVENT, T0 + 1000)).counts).toEqual({
        free: 19,
        held: 1,
        booked: 0,
        blocked: 0,
      });
    });
  });

  describe('input validation', () => {
    it('rejects bad input with INVALID_REQUEST before touching the state', async () => {
      const { store } = get();
      await initEvent(store);
      await store.hold(EVENT, { token: 'a', seats: [1], ttlMs: TTL, now: T0 });
      const bad: [string, () => Promise<unknown>][] = [
        [
          'negative seat',
          () => store.hold(EVENT, { token: 'b', seats: [-1], ttlMs: TTL, now: T0 }),
        ],
        [
          'fractional seat',
          () => store.hold(EVENT, { token: 'b', seats: [1.5], ttlMs: TTL, now: T0 }),
        ],
        [
          'duplicate seat',
          () => store.hold(EVENT, { token: 'b', seats: [3, 3], ttlMs: TTL, now: T0 }),
        ],
        ['zero ttl', () => store.hold(EVENT, { token: 'b', seats: [3], ttlMs: 0, now: T0 })],
        ['empty token', () => store.hold(EVENT, { token: '', seats: [3], ttlMs: TTL, now: T0 })],
        [
          'nothing to hold',
          () => store.hold(EVENT, { token: 'b', seats: [], ttlMs: TTL, now: T0 }),
        ],
        [
          'zero quantity',
          () =>
            store.hold(EVENT, {
              token: 'b',
              seats: [],
              ga: [{ areaId: 'floor', quantity: 0 }],
              ttlMs: TTL,
              now: T0,
            }),
        ],
        ['empty release list', () => store.release(EVENT, { token: 'a', seats: [], now: T0 })],
        ['negative extend', () => store.extend(EVENT, { token: 'a', ttlMs: -5, now: T0 })],
        ['string seat', () => store.block(EVENT, { seats: ['4' as unknown as number], now: T0 })],
        ['bad since', () => store.changesSince(EVENT, -1)],
      ];
      for (const [, run] of bad) await expectUnchanged(store, run, 'INVALID_REQUEST');
      const err = await expectError(
        store.hold(EVENT, { token: 'b', seats: [3, 3], ttlMs: TTL, now: T0 }),
        'INVALID_REQUEST',
      );
      expect(err.message).toContain('seat 3 is listed twice');
    });

    it('names seats beyond the seat count as SEAT_OUT_OF_RANGE', async () => {
      const { store } = get();
      await initEvent(store);
      await expectUnchanged(
        store,
        () => store.hold(EVENT, { token: 'b', seats: [19, 20, 400], ttlMs: TTL, now: T0 }),
        'SEAT_OUT_OF_RANGE',
        { seats: [20, 400] },
      );
    });
  });
}
