// Shared helpers of the store contract suite.
import { expect } from 'vitest';
import { SeatStoreError, type SeatStoreErrorCode } from '../../engine/src/store/errors.ts';
import type { SeatStore, Snapshot } from '../../engine/src/store/seat-store.ts';

export const EVENT = 'ev-1';
export const T0 = 1_000_000;
export const TTL = 60_000;

/** A fresh 20-seat event with two GA areas. */
export async function initEvent(store: SeatStore, eventId = EVENT): Promise<void> {
  await store.initEvent({
    eventId,
    seatCount: 20,
    ga: [
      { areaId: 'floor', capacity: 10 },
      { areaId: 'balcony', capacity: 4 },
    ],
  });
}

/** Asserts that `run` rejects with a SeatStoreError of `code` naming exactly these seats/areas. */
export async function expectError(
  run: Promise<unknown>,
  code: SeatStoreErrorCode,
  named: { seats?: number[]; areas?: string[] } = {},
): Promise<SeatStoreError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeatStoreError);
  const err = error as SeatStoreError;
  expect(err.code).toBe(code);
  if (named.seats) expect([...err.seats].sort((a, b) => a - b)).toEqual(named.seats);
  if (named.areas) expect([...err.areas].sort()).toEqual(named.areas);
  return err;
}

/** Comparable view of a snapshot. */
export function view(s: Snapshot) {
  return { epoch: s.epoch, seq: s.seq, status: [...s.status], ga: s.ga, counts: s.counts };
}

/** Runs a failing command and asserts it changed nothing (state, seq, log). */
export async function expectUnchanged(
  store: SeatStore,
  run: () => Promise<unknown>,
  code: SeatStoreErrorCode,
  named: { seats?: number[]; areas?: string[] } = {},
  eventId = EVENT,
  now = T0,
): Promise<void> {
  const before = view(await store.snapshot(eventId, now));
  await expectError(run(), code, named);
  const after = view(await store.snapshot(eventId, now));
  expect(after).toEqual(before);
  expect(await store.changesSince(eventId, before.seq)).toMatchObject({ seats: [], ga: [] });
}

/** Status of given seats in a snapshot. */
export async function statusOf(store: SeatStore, seats: number[], now = T0, eventId = EVENT) {
  const snap = await store.snapshot(eventId, now);
  return seats.map((s) => snap.status[s]);
}
