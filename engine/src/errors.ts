// Domain errors: what the engine refuses and why, with a stable `code` that REST (problem+json)
// and the socket layer (acks) both expose. Store and database errors are translated here once,
// so seat indexes never leak out: callers see the seat ids they sent.
import type { StaffRole } from './auth/roles.ts';
import { SeatStoreError } from './store/errors.ts';

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UNKNOWN_SEATS'
  | 'SEATS_UNAVAILABLE'
  | 'GA_UNAVAILABLE'
  | 'HOLD_NOT_FOUND'
  | 'HOLD_EXPIRED'
  | 'SEATS_NOT_HELD'
  | 'NOT_BOOKED'
  | 'NOT_BLOCKED'
  | 'SALES_CLOSED'
  | 'NOT_IN_CHANNEL'
  | 'CHANNEL_IN_USE'
  | 'PRECONDITION_FAILED'
  | 'PRECONDITION_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_DOCUMENT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'TICKET_INVALID'
  | 'TICKET_CANCELLED'
  | 'ALREADY_SCANNED'
  | 'WRONG_EVENT'
  | 'ALREADY_RENEWED'
  | 'EVENT_OVER'
  | 'ALREADY_MEMBER'
  | 'LAST_OWNER'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  HOLD_NOT_FOUND: 404,
  SEATS_UNAVAILABLE: 409,
  GA_UNAVAILABLE: 409,
  SEATS_NOT_HELD: 409,
  NOT_BOOKED: 409,
  NOT_BLOCKED: 409,
  SALES_CLOSED: 409,
  NOT_IN_CHANNEL: 409,
  CHANNEL_IN_USE: 409,
  TICKET_CANCELLED: 409,
  ALREADY_SCANNED: 409,
  WRONG_EVENT: 409,
  ALREADY_RENEWED: 409,
  EVENT_OVER: 409,
  ALREADY_MEMBER: 409,
  LAST_OWNER: 409,
  HOLD_EXPIRED: 410,
  PRECONDITION_FAILED: 412,
  UNKNOWN_SEATS: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_DOCUMENT: 422,
  TICKET_INVALID: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export interface ErrorDetails {
  /** Seat ids the error is about (taken, unknown, not held, …). */
  seats?: string[];
  /** GA area ids the error is about. */
  areas?: string[];
  /** Field path → message, for validation failures. */
  fields?: Record<string, string>;
  /** Validation problems of a seat-map document. */
  problems?: unknown[];
  /** For RATE_LIMITED: when to try again. */
  retryAfterSeconds?: number;
  /** For CHANNEL_IN_USE: how many live bookings keep the channel. */
  bookings?: number;
  /** For ALREADY_SCANNED: when the ticket was first scanned (ISO 8601). */
  scannedAt?: string;
  /** For UNAUTHORIZED with an expired door key: when it expired (ISO 8601). */
  expiredAt?: string;
}

/**
 * A refusal the client can act on. `status` is the HTTP status of the code.
 * @example throw new DomainError('SEATS_UNAVAILABLE', 'Seats A-1 are taken', { seats: ['A-1'] });
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/**
 * Who is calling: an API key (secret, public or door) or a staff session, always in one
 * organisation.
 */
export interface Principal {
  orgId: string;
  kind: 'secret' | 'public' | 'door' | 'staff';
  /** The key's id; for a staff session, the user's id. */
  keyId: string;
  /** For staff sessions: the user's role in `orgId`. */
  role?: StaffRole;
  /** For door keys: the one event the key opens (auth/door.ts). */
  eventId?: string;
}

const list = (ids: readonly string[], max = 10) =>
  ids.length > max
    ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`
    : ids.join(', ');

/**
 * Translates a seat-store failure into a DomainError naming seat ids.
 * EVENT_NOT_LOADED is not translated: the catalog handles it by rebuilding the event.
 */
export function fromStoreError(err: unknown, seatIds: readonly string[]): unknown {
  if (!(err instanceof SeatStoreError) || err.code === 'EVENT_NOT_LOADED') return err;
  const seats = err.seats.map((i) => seatIds[i] ?? `#${i}`);
  const areas = err.areas;
  const what = [
    seats.length ? `seats ${list(seats)}` : '',
    areas.length ? `areas ${list(areas)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  switch (err.code) {
    case 'SEATS_UNAVAILABLE':
      return new DomainError('SEATS_UNAVAILABLE', `Not available: ${what}`, { seats, areas });
    case 'GA_UNAVAILABLE':
      return new DomainError('GA_UNAVAILABLE', `Not enough capacity left in ${what}`, {
        seats,
        areas,
      });
    case 'HOLD_NOT_FOUND':
      return new DomainError('HOLD_NOT_FOUND', 'This hold does not exist or was released');
    case 'HOLD_EXPIRED':
      return new DomainError('HOLD_EXPIRED', 'This hold has expired; hold the seats again');
    case 'SEATS_NOT_HELD':
      return new DomainError('SEATS_NOT_HELD', `Not held by this hold token: ${what}`, {
        seats,
        areas,
      });
    case 'NOT_BOOKED':
      return new DomainError('NOT_BOOKED', `Not booked: ${what}`, { seats, areas });
    case 'NOT_BLOCKED':
      return new DomainError('NOT_BLOCKED', `Not blocked: ${what}`, { seats });
    case 'GA_AREA_UNKNOWN':
      return new DomainError('UNKNOWN_SEATS', `Unknown GA areas: ${list(areas)}`, { areas });
    case 'SEAT_OUT_OF_RANGE':
      return new DomainError('UNKNOWN_SEATS', `Unknown seats: ${what}`, { seats });
    case 'INVALID_REQUEST':
      return new DomainError('VALIDATION_FAILED', err.message);
  }
  return err;
}
