// The database of the admin commands: the one the server would use, from the same environment
// (config.ts). Every database problem ends as one CLI error line, never a stack trace.
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import { DbError } from '../../db/errors.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { openDb } from '../../db/open.ts';
import { failure, usageError } from '../errors.ts';

/** Opens the configured database; configuration problems are usage errors (exit 2). */
async function openConfigured(): Promise<Db> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) throw usageError(err.message);
    throw err;
  }
  try {
    return await openDb({
      ...(config.DATABASE_URL
        ? { databaseUrl: config.DATABASE_URL }
        : { dataDir: join(config.DATA_DIR, 'pglite') }),
      ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
    });
  } catch (err) {
    if (err instanceof DbError) throw failure(`cannot open the database: ${err.message}`);
    throw err;
  }
}

/**
 * Runs `fn` on the configured database and closes it. With `migrated`, refuses (exit 1) a schema
 * that `parterre migrate` has not brought up to date, instead of failing on a missing table.
 */
export async function withDatabase<T>(
  opts: { migrated: boolean },
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await openConfigured();
  try {
    if (opts.migrated) {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        throw failure(
          `the database schema is not up to date (pending migrations ${pending.join(', ')}); ` +
            'run `parterre migrate` first',
        );
      }
    }
    return await fn(db);
  } catch (err) {
    if (err instanceof DbError) throw failure(`database error: ${err.message}`);
    throw err;
  } finally {
    await db.close();
  }
}
