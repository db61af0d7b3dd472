// Turning outcomes into the protocol's Ack: every answer carries the server clock (clients derive
// hold countdowns from it), every refusal a stable code. Internal failures never leak details.
import type { AckError } from '@parterre/seatmaps';
import type { z } from 'zod';
import type { CodedError, LiveEventRef } from './deps.ts';

/** A failed ack. */
export interface FailedAck {
  ok: false;
  serverTime: number;
  error: AckError;
}

/** A successful ack carrying `payload`. */
export function okAck<T extends object>(payload: T): { ok: true; serverTime: number } & T {
  return { ok: true, serverTime: Date.now(), ...payload };
}

/** A refusal with `code`. */
export function failAck(code: string, message: string, extra: Partial<AckError> = {}): FailedAck {
  return { ok: false, serverTime: Date.now(), error: { code, message, ...extra } };
}

/** VALIDATION_FAILED naming every offending field (`request` for the payload itself). */
export function validationAck(error: z.ZodError): FailedAck {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'request';
    fields[path] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
  return failAck('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields });
}

function isCodedError(err: unknown): err is CodedError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as CodedError).code === 'string' &&
    typeof (err as CodedError).message === 'string'
  );
}

/** Seat references of an error as ids: indexes are mapped through the event's layout. */
function seatIdsOf(err: CodedError, event: LiveEventRef | null): string[] | undefined {
  const refs = err.details?.seats ?? err.seats;
  if (!refs || refs.length === 0) return undefined;
  return refs.map((ref) =>
    typeof ref === 'number' ? (event?.seatIds[ref] ?? `#${ref}`) : String(ref),
  );
}

/**
 * Maps a thrown error to a failed ack: coded domain/store errors keep their code, message and
 * seats; anything else is INTERNAL (and is the caller's to log).
 */
export function errorAck(err: unknown, event: LiveEventRef | null = null): FailedAck {
  if (!isCodedError(err)) return failAck('INTERNAL', 'Internal error');
  const extra: Partial<AckError> = {};
  const seats = seatIdsOf(err, event);
  if (seats) extra.seats = seats;
  if (err.details?.fields) extra.fields = err.details.fields;
  return failAck(err.code, err.message, extra);
}

/** Whether `err` is an unexpected failure (to be logged) rather than a refusal. */
export function isInternal(err: unknown): boolean {
  return !isCodedError(err);
}
