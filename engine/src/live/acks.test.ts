import { HoldRequest } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { errorAck, failAck, isInternal, okAck, validationAck } from './acks.ts';

const layout = { eventId: 'e1', seatIds: ['A-1', 'A-2', 'A-3'], indexOf: () => undefined };

describe('acks', () => {
  it('stamps every answer with the server clock', () => {
    const before = Date.now();
    expect(okAck({ x: 1 })).toMatchObject({ ok: true, x: 1 });
    expect(failAck('NOPE', 'no').serverTime).toBeGreaterThanOrEqual(before);
  });

  it('names every invalid field of a payload', () => {
    const notObject = HoldRequest.safeParse('A-1');
    const badFields = HoldRequest.safeParse({ eventId: '', seats: [3] });
    if (notObject.success || badFields.success) throw new Error('expected failures');
    expect(validationAck(notObject.error).error).toMatchInlineSnapshot(`
      {
        "code": "VALIDATION_FAILED",
        "fields": {
          "request": "Invalid input: expected object, received string",
        },
        "message": "Invalid request: request: Invalid input: expected object, received string",
      }
    `);
    expect(validationAck(badFields.error).error.fields).toMatchInlineSnapshot(`
      {
        "eventId": "Too small: expected string to have >=1 characters",
        "seats.0": "Invalid input: expected string, received number",
      }
    `);
  });

  it('keeps domain codes, maps seat indexes to ids, and hides internal errors', () => {
    const storeError = Object.assign(new Error('Seats are not available: seats 1'), {
      code: 'SEATS_UNAVAILABLE',
      seats: [1],
    });
    expect(errorAck(storeError, layout).error).toEqual({
      code: 'SEATS_UNAVAILABLE',
      message: 'Seats are not available: seats 1',
      seats: ['A-2'],
    });
    const domainError = Object.assign(new Error('Unknown seats'), {
      code: 'UNKNOWN_SEATS',
      details: { seats: ['Z-9'], fields: { seats: 'unknown' } },
    });
    expect(errorAck(domainError).error).toMatchObject({
      seats: ['Z-9'],
      fields: { seats: 'unknown' },
    });
    const crash = new TypeError('x is undefined');
    expect(isInternal(crash)).toBe(true);
    expect(errorAck(crash).error).toEqual({ code: 'INTERNAL', message: 'Internal error' });
  });
});
