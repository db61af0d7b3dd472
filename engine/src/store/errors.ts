/**
 * Errors of the seat store. Lua scripts return these negative codes (the in-process store uses
 * the same ones), and {@link seatStoreError} is the one place that turns a code into an error,
 * so both stores fail identically. The REST layer maps `code` to 409/404/410/422.
 */
export enum ErrorCode {
  SeatsUnavailable = -1,
  HoldNotFound = -2,
  HoldExpired = -3,
  SeatsNotHeld = -4,
  GaUnavailable = -5,
  NotBooked = -6,
  NotBlocked = -7,
  EventNotLoaded = -8,
  SeatOutOfRange = -9,
  GaAreaUnknown = -10,
  /** Raised in TypeScript before any script runs; never returned by Lua. */
  InvalidRequest = -100,
}

/** Stable string codes, part of the public API. */
export type SeatStoreErrorCode =
  | 'SEATS_UNAVAILABLE'
  | 'HOLD_NOT_FOUND'
  | 'HOLD_EXPIRED'
  | 'SEATS_NOT_HELD'
  | 'GA_UNAVAILABLE'
  | 'NOT_BOOKED'
  | 'NOT_BLOCKED'
  | 'EVENT_NOT_LOADED'
  | 'SEAT_OUT_OF_RANGE'
  | 'GA_AREA_UNKNOWN'
  | 'INVALID_REQUEST';

const codes: Record<ErrorCode, { code: SeatStoreErrorCode; message: string }> = {
  [ErrorCode.SeatsUnavailable]: { code: 'SEATS_UNAVAILABLE', message: 'Seats are not available' },
  [ErrorCode.HoldNotFound]: { code: 'HOLD_NOT_FOUND', message: 'Hold not found' },
  [ErrorCode.HoldExpired]: { code: 'HOLD_EXPIRED', message: 'Hold has expired' },
  [ErrorCode.SeatsNotHeld]: { code: 'SEATS_NOT_HELD', message: 'Not held by this hold' },
  [ErrorCode.GaUnavailable]: { code: 'GA_UNAVAILABLE', message: 'Not enough GA capacity' },
  [ErrorCode.NotBooked]: { code: 'NOT_BOOKED', message: 'Not booked' },
  [ErrorCode.NotBlocked]: { code: 'NOT_BLOCKED', message: 'Seats are not blocked' },
  [ErrorCode.EventNotLoaded]: { code: 'EVENT_NOT_LOADED', message: 'Event is not loaded' },
  [ErrorCode.SeatOutOfRange]: { code: 'SEAT_OUT_OF_RANGE', message: 'Seat index out of range' },
  [ErrorCode.GaAreaUnknown]: { code: 'GA_AREA_UNKNOWN', message: 'Unknown GA area' },
  [ErrorCode.InvalidRequest]: { code: 'INVALID_REQUEST', message: 'Invalid request' },
};

/** What an error is about. */
export interface SeatStoreErrorDetails {
  eventId?: string;
  token?: string;
  /** Offending seat indexes (taken, not held, not booked, out of range, …). */
  seats?: number[];
  /** Offending GA area ids. */
  areas?: string[];
  /** For INVALID_REQUEST: what is wrong. */
  reason?: string;
}

/** A seat-store failure; `code` is stable, `seats` / `areas` name what caused it. */
export class SeatStoreError extends Error {
  readonly code: SeatStoreErrorCode;
  readonly errorCode: ErrorCode;
  readonly eventId: string | undefined;
  readonly token: string | undefined;
  readonly seats: number[];
  readonly areas: string[];

  constructor(errorCode: ErrorCode, details: SeatStoreErrorDetails, message: string) {
    super(message);
    this.name = 'SeatStoreError';
    this.errorCode = errorCode;
    this.code = codes[errorCode].code;
    this.eventId = details.eventId;
    this.token = details.token;
    this.seats = details.seats ?? [];
    this.areas = details.areas ?? [];
  }
}

/**
 * The one factory from an error code (as returned by a script) to a {@link SeatStoreError}.
 *
 * @example
 * throw seatStoreError(ErrorCode.SeatsUnavailable, { eventId: 'e1', seats: [4] });
 * // SeatStoreError SEATS_UNAVAILABLE: "Seats are not available: seats 4 (event e1)"
 */
export function seatStoreError(
  code: ErrorCode,
  details: SeatStoreErrorDetails = {},
): SeatStoreError {
  const entry = codes[code];
  if (!entry) throw new Error(`Unknown seat store error code ${String(code)}`);
  const parts: string[] = [];
  if (details.reason) parts.push(details.reason);
  if (details.seats?.length) parts.push(`seats ${details.seats.join(', ')}`);
  if (details.areas?.length) parts.push(`areas ${details.areas.join(', ')}`);
  if (details.token !== undefined) parts.push(`token ${details.token}`);
  const where = details.eventId !== undefined ? ` (event ${details.eventId})` : '';
  const message = `${entry.message}${parts.length ? `: ${parts.join('; ')}` : ''}${where}`;
  return new SeatStoreError(code, details, message);
}

/** Shorthand for the INVALID_REQUEST error raised by input validation. */
export function invalidRequest(
  reason: string,
  details: SeatStoreErrorDetails = {},
): SeatStoreError {
  return seatStoreError(ErrorCode.InvalidRequest, { ...details, reason });
}
