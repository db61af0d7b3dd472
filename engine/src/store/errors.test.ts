import { describe, expect, it } from 'vitest';
import { ErrorCode, SeatStoreError, invalidRequest, seatStoreError } from './errors.ts';

describe('seatStoreError', () => {
  it('turns a script code into an error with a stable code naming seats and areas', () => {
    const err = seatStoreError(ErrorCode.SeatsUnavailable, {
      eventId: 'e1',
      seats: [4, 9],
      token: 't',
    });
    expect(err).toBeInstanceOf(SeatStoreError);
    expect(err).toMatchObject({
      code: 'SEATS_UNAVAILABLE',
      errorCode: -1,
      seats: [4, 9],
      areas: [],
      eventId: 'e1',
    });
    expect(err.message).toBe('Seats are not available: seats 4, 9; token t (event e1)');
    expect(seatStoreError(ErrorCode.GaUnavailable, { areas: ['floor'] }).message).toBe(
      'Not enough GA capacity: areas floor',
    );
  });

  it('maps every code to its string code', () => {
    const codes = Object.values(ErrorCode)
      .filter((c): c is ErrorCode => typeof c === 'number')
      .map((c) => seatStoreError(c).code);
    expect(codes).toEqual([
      'SEATS_UNAVAILABLE',
      'HOLD_NOT_FOUND',
      'HOLD_EXPIRED',
      'SEATS_NOT_HELD',
      'GA_UNAVAILABLE',
      'NOT_BOOKED',
      'NOT_BLOCKED',
      'EVENT_NOT_LOADED',
      'SEAT_OUT_OF_RANGE',
      'GA_AREA_UNKNOWN',
      'INVALID_REQUEST',
    ]);
  });

  it('rejects an unknown code loudly', () => {
    expect(() => seatStoreError(-42 as ErrorCode)).toThrow('Unknown seat store error code -42');
  });

  it('builds INVALID_REQUEST errors with their reason', () => {
    expect(invalidRequest('ttlMs 0 must be a positive integer').message).toBe(
      'Invalid request: ttlMs 0 must be a positive integer',
    );
  });
});
