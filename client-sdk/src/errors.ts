// Typed errors of the live client: every refusal of the engine becomes a LiveError with the
// engine's stable `code`; the ones an app typically handles get their own class.
import type { AckError, IncompatibilityReason } from '@parterre/seatmaps';

/** A refusal or failure of the live connection; `code` is the engine's stable error code. */
export class LiveError extends Error {
  override name = 'LiveError';
  constructor(
    readonly code: string,
    message: string,
    /** Field path → problem, for VALIDATION_FAILED. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Some of the requested seats are taken; none were held.
 * @example
 * try { await live.hold(['A-1', 'A-2']); }
 * catch (err) { if (err instanceof SeatsUnavailableError) markTaken(err.seats); }
 */
export class SeatsUnavailableError extends LiveError {
  override name = 'SeatsUnavailableError';
  constructor(
    message: string,
    /** The seat ids that are not available. */
    readonly seats: string[],
  ) {
    super('SEATS_UNAVAILABLE', message);
  }
}

/** Too many commands from this connection; retry after `retryAfterMs`. */
export class RateLimitedError extends LiveError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/** The engine speaks another protocol version or refused the key; the client stops. */
export class IncompatibleError extends LiveError {
  override name = 'IncompatibleError';
  constructor(
    readonly reason: IncompatibilityReason | string,
    message: string,
  ) {
    super(reason, message);
  }
}

/** The engine did not answer in time (the command may or may not have happened). */
export class TimeoutError extends LiveError {
  override name = 'TimeoutError';
  constructor(command: string, ms: number) {
    super('TIMEOUT', `No answer to ${command} within ${ms} ms`);
  }
}

/** Turns an ack error into the matching typed error. */
export function fromAckError(error: AckError): LiveError {
  switch (error.code) {
    case 'SEATS_UNAVAILABLE':
      return new SeatsUnavailableError(error.message, error.seats ?? []);
    case 'RATE_LIMITED':
      return new RateLimitedError(error.message, error.retryAfterMs ?? 1000);
    default:
      return new LiveError(error.code, error.message, error.fields);
  }
}
