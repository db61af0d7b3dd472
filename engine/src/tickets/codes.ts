// Ticket codes: what a QR code carries. A code is `T1.<payload>.<signature>`, both base64url: the
// payload is a JSON array naming the signing key, event, booking and the seat (or standing place)
// and a serial; the signature is the first 16 bytes of HMAC-SHA256(key, "T1." + payload). Anyone
// can read a code, nobody can make one without the organisation's key, and a door can refuse
// another event's ticket before touching the database.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'T1';
/** 128 bits of HMAC: forging one is as hard as guessing a random 128-bit value. */
const SIGNATURE_BYTES = 16;
/** Codes are short; anything longer is not ours and is refused before parsing. */
export const MAX_CODE_LENGTH = 600;

/** What a ticket code says. Exactly one of `seat` (a seat index) or `area` + `unit` is set. */
export interface TicketClaims {
  keyId: string;
  eventId: string;
  bookingId: string;
  seat?: number;
  area?: string;
  unit?: number;
  serial: number;
}

type Wire = [string, string, string, number | null, string | null, number | null, number];

const mac = (secret: Uint8Array, signed: string) =>
  createHmac('sha256', secret).update(signed).digest().subarray(0, SIGNATURE_BYTES);

/**
 * Signs claims into a code.
 * @example signTicket(secret, { keyId: 'tk_…', eventId, bookingId, seat: 12, serial: 1 })
 */
export function signTicket(secret: Uint8Array, claims: TicketClaims): string {
  const wire: Wire = [
    claims.keyId,
    claims.eventId,
    claims.bookingId,
    claims.seat ?? null,
    claims.area ?? null,
    claims.unit ?? null,
    claims.serial,
  ];
  const payload = Buffer.from(JSON.stringify(wire)).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * The claims of a well-formed code, NOT yet verified (the key id says which secret to verify
 * with), or undefined for anything that is not a code.
 */
export function readTicket(code: string): TicketClaims | undefined {
  if (code.length > MAX_CODE_LENGTH) return undefined;
  const parts = code.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(wire) || wire.length !== 7) return undefined;
  const [keyId, eventId, bookingId, seat, area, unit, serial] = wire as unknown[];
  if (!isText(keyId) || !isText(eventId) || !isText(bookingId) || !isCount(serial))
    return undefined;
  const seatTicket = isCount(seat) && area === null && unit === null;
  const placeTicket = seat === null && isText(area) && isCount(unit) && unit > 0;
  if (!seatTicket && !placeTicket) return undefined;
  return {
    keyId,
    eventId,
    bookingId,
    ...(seatTicket ? { seat } : { area: area as string, unit: unit as number }),
    serial,
  };
}

/** Whether `code` carries a valid signature under `secret` (constant time). */
export function verifyTicket(secret: Uint8Array, code: string): boolean {
  const cut = code.lastIndexOf('.');
  if (cut < 0) return false;
  const given = Buffer.from(code.slice(cut + 1), 'base64url');
  const expected = mac(secret, code.slice(0, cut));
  // base64url decoding is lenient: insist on the canonical spelling, or one signature would
  // have several accepted spellings.
  if (given.length !== expected.length || given.toString('base64url') !== code.slice(cut + 1)) {
    return false;
  }
  return timingSafeEqual(given, expected);
}

/** What the database stores instead of the code. */
export const ticketCodeHash = (code: string): string =>
  createHash('sha256').update(code).digest('hex');
