// `parterre security login-failures`: lists login_failures (migration 0014) as a table or JSON.
// Rows older than LOGIN_FAILURES_RETENTION_DAYS are gone: the engine prunes them.
import { listLoginFailures, type LoginFailure } from '../../auth/session-audit.ts';
import { usageError } from '../errors.ts';
import { withDatabase } from './db.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `--since` as a Date: an ISO 8601 date (UTC midnight) or date-time (local time without an
 * offset, as JavaScript reads it); anything else is a usage error (exit 2), not an empty list.
 */
function parseSince(value: string): Date {
  const at = ISO_DATE.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) {
    throw usageError(
      `--since must be an ISO 8601 date or time (2026-11-01, 2026-11-01T08:00Z), not "${value}"`,
    );
  }
  return at;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000) {
    throw usageError(`--limit must be a whole number from 1 to 10000, not "${value}"`);
  }
  return n;
}

/** Prints failed logins, newest first. */
export async function loginFailuresCommand(opts: {
  since?: string;
  limit: string;
  json?: boolean;
}): Promise<void> {
  const since = opts.since === undefined ? undefined : parseSince(opts.since);
  const limit = parseLimit(opts.limit);
  const failures = await withDatabase({ migrated: true }, (db) =>
    listLoginFailures(db, { limit, ...(since ? { since } : {}) }),
  );
  // Said on stderr, so scripts reading stdout still get only the rows.
  if (failures.length === limit) {
    process.stderr.write(`the newest ${limit} shown; raise --limit for older ones\n`);
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(failures, null, 2)}\n`);
    return;
  }
  process.stdout.write(table(failures));
}

function table(failures: readonly LoginFailure[]): string {
  const rows = [
    ['at', 'email', 'address', 'user'],
    ...failures.map((f) => [f.at.toISOString(), f.email, f.address, f.userId ?? '-']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
