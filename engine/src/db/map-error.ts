import { DbError, DbUnavailable, UniqueViolation } from './errors.ts';

// SQLSTATE class 08 is "connection exception"; 57P0x are shutdowns; 53300 is too many clients.
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-3]$|53300$)/;
// Node socket errors raised by pg before any SQLSTATE exists.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/;

/**
 * Translates an error from pg or PGlite into a typed `DbError` when it means something callers act
 * on; anything else is returned unchanged so its SQLSTATE and message stay visible.
 */
export function mapDbError(err: unknown): unknown {
  if (err instanceof DbError || !(err instanceof Error)) return err;
  const { code, constraint } = err as Error & { code?: unknown; constraint?: unknown };
  if (code === '23505') {
    return new UniqueViolation(typeof constraint === 'string' ? constraint : 'unknown', {
      cause: err,
    });
  }
  if (
    (typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) ||
    UNAVAILABLE_MESSAGES.test(err.message)
  ) {
    return new DbUnavailable(`database unavailable: ${err.message}`, { cause: err });
  }
  return err;
}
