// Helpers for integration tests: the real services found by global-setup, and unique names so
// that every test works on its own keys and schema and cleans up after itself.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Redis URL of this run (the local server, or one global-setup started). */
export const redisUrl = (): string => inject('redisUrl');

/** URL of the Postgres database created for this run; dropped when the run ends. */
export const databaseUrl = (): string => inject('databaseUrl');

/**
 * A key prefix / schema name unique to one test, containing the run id so global teardown can
 * remove anything a failed test left behind. Safe as a Postgres identifier.
 */
export function uniqueName(label = 't'): string {
  return `${label}_${inject('runId')}_${randomBytes(4).toString('hex')}`;
}

/** Drops a schema a test made in this run's database (and all in it); missing is fine. */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
