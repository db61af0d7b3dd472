import { describe, expect, it } from 'vitest';
import {
  buildRestoreStatus,
  checkGa,
  checkInit,
  checkSeats,
  checkTtl,
  resolveNow,
} from './validate.ts';

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('input validation', () => {
  it('accepts good seat lists and names what is wrong with bad ones', () => {
    expect(checkSeats([0, 5, 2], 'e')).toEqual([0, 5, 2]);
    expect(reasonOf(() => checkSeats([1, -1], 'e'))).toBe(
      'Invalid request: seat index -1 is not a non-negative integer (event e)',
    );
    expect(reasonOf(() => checkSeats([1.5], 'e'))).toContain('seat index 1.5');
    expect(reasonOf(() => checkSeats([3, 3], 'e'))).toBe(
      'Invalid request: seat 3 is listed twice; seats 3 (event e)',
    );
    expect(reasonOf(() => checkSeats('1,2', 'e'))).toContain('seats must be an array');
  });

  it('checks GA quantities, ttl and clock', () => {
    expect(checkGa(undefined, 'e')).toEqual([]);
    expect(reasonOf(() => checkGa([{ areaId: 'a', quantity: 0 }], 'e'))).toContain('GA quantity 0');
    expect(reasonOf(() => checkGa([{ areaId: 'a,b', quantity: 1 }], 'e'))).toContain(
      'GA area id a,b is invalid',
    );
    expect(
      reasonOf(() =>
        checkGa(
          [
            { areaId: 'a', quantity: 1 },
            { areaId: 'a', quantity: 2 },
          ],
          'e',
        ),
      ),
    ).toContain('listed twice');
    expect(reasonOf(() => checkTtl(0, 'e'))).toContain('ttlMs 0');
    expect(resolveNow(123, 'e')).toBe(123);
    expect(reasonOf(() => resolveNow(-1, 'e'))).toContain('now -1');
  });

  it('validates events and builds restore status bytes', () => {
    expect(checkInit({ eventId: 'e', seatCount: 3, ga: [] })).toEqual({ seatCount: 3, epoch: 1 });
    expect(reasonOf(() => checkInit({ eventId: 'has space', seatCount: 3, ga: [] }))).toContain(
      'eventId',
    );
    const restore = { eventId: 'e', seatCount: 4, ga: [{ areaId: 'f', capacity: 2 }], epoch: 2 };
    expect([
      ...buildRestoreStatus({ ...restore, booked: [0], blocked: [3], gaBooked: { f: 2 } }),
    ]).toEqual([2, 0, 0, 3]);
    expect(
      reasonOf(() => buildRestoreStatus({ ...restore, booked: [1], blocked: [1], gaBooked: {} })),
    ).toContain('both booked and blocked');
    expect(
      reasonOf(() =>
        buildRestoreStatus({ ...restore, booked: [], blocked: [], gaBooked: { x: 1 } }),
      ),
    ).toContain('unknown area');
  });
});
