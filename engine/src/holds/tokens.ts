// Hold tokens name their event (`ht.<eventId>.<random>`), so `POST /hold-tokens/:token/extend`
// finds the event without a lookup table that would need its own expiry. The random part carries
// 128 bits: a token is a bearer capability over the seats it holds.
import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors.ts';

const TOKEN = /^ht\.([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]{22}$/;

/** A fresh hold token for an event. */
export function newHoldToken(eventId: string): string {
  return `ht.${eventId}.${randomBytes(16).toString('base64url')}`;
}

/**
 * The event a token belongs to; HOLD_NOT_FOUND for anything that is not one of our tokens.
 * @example holdTokenEvent('ht.ev_1.AAAAAAAAAAAAAAAAAAAAAA') // 'ev_1'
 */
export function holdTokenEvent(token: string): string {
  const match = TOKEN.exec(token);
  if (!match) throw new DomainError('HOLD_NOT_FOUND', 'This is not a valid hold token');
  return match[1] as string;
}

/** Checks that a token given for `eventId` belongs to it. */
export function checkTokenForEvent(token: string, eventId: string): string {
  if (holdTokenEvent(token) !== eventId) {
    throw new DomainError('HOLD_NOT_FOUND', 'This hold token belongs to another event');
  }
  return token;
}
