import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTicket, signTicket, ticketCodeHash, verifyTicket } from './codes.ts';

const secret = randomBytes(32);
const seatClaims = { keyId: 'tk_1', eventId: 'ev_1', bookingId: 'bk_1', seat: 12, serial: 1 };

describe('ticket codes', () => {
  it('round-trips seat and standing-place claims and verifies its own signature', () => {
    const code = signTicket(secret, seatClaims);
    expect(code).toMatch(/^T1\.[\w-]+\.[\w-]{22}$/);
    expect(readTicket(code)).toEqual(seatClaims);
    expect(verifyTicket(secret, code)).toBe(true);
    const place = {
      keyId: 'tk_1',
      eventId: 'ev_1',
      bookingId: 'bk_1',
      area: 'floor',
      unit: 3,
      serial: 2,
    };
    const placeCode = signTicket(secret, place);
    expect(readTicket(placeCode)).toEqual(place);
    expect(verifyTicket(secret, placeCode)).toBe(true);
  });

  it('refuses another key, a changed payload and a changed signature', () => {
    const code = signTicket(secret, seatClaims);
    expect(verifyTicket(randomBytes(32), code)).toBe(false);
    const [v, , sig] = code.split('.');
    const other = signTicket(secret, { ...seatClaims, seat: 13 }).split('.')[1];
    expect(verifyTicket(secret, `${v}.${other}.${sig}`)).toBe(false);
    const flipped = sig!.startsWith('A') ? `B${sig!.slice(1)}` : `A${sig!.slice(1)}`;
    expect(verifyTicket(secret, `${v}.${code.split('.')[1]}.${flipped}`)).toBe(false);
    expect(verifyTicket(secret, `${code}x`)).toBe(false);
  });

  it('reads nothing from what is not a code', () => {
    for (const bad of ['', 'x', 'T1.x.y', 'T2.a.b', 'T1..', `T1.${'a'.repeat(700)}.b`]) {
      expect(readTicket(bad), bad).toBeUndefined();
    }
    const wrongShape = Buffer.from(JSON.stringify(['k', 'e', 'b', 1, 'floor', 1, 1])).toString(
      'base64url',
    );
    expect(readTicket(`T1.${wrongShape}.sig`)).toBeUndefined();
  });

  it('stores a hash, not the code', () => {
    const code = signTicket(secret, seatClaims);
    expect(ticketCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(ticketCodeHash(code)).not.toContain(code);
  });
});
