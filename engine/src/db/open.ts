import type { Db, DbConfig } from './db.ts';
import { InvalidInput, UniqueViolation } from './errors.ts';
import { openPgDb } from './pg-db.ts';

// Schema names are spliced into SQL (search_path cannot be a bind parameter), so only plain
// lower-case identifiers are accepted.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function createSchema(db: Db, schema: string): Promise<void> {
  try {
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two nodes creating the same schema at once: IF NOT EXISTS still races on the catalog's
    // unique index, and losing that race means the schema exists, which is all we wanted.
    if (!(err instanceof UniqueViolation)) throw err;
  }
}

/**
 * Opens the database the config names: real Postgres when `databaseUrl` is set, else PGlite in
 * `dataDir` (or in memory). Run `migrate(db)` before using the repos.
 * @example
 * const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: './data/pglite' });
 * await migrate(db);
 */
export async function openDb(config: DbConfig): Promise<Db> {
  const { databaseUrl, dataDir, schema } = config;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new InvalidInput(
      `schema "${schema}" must be a lower-case identifier (letters, digits, _; max 63)`,
    );
  }
  if (!databaseUrl) {
    const { openPgliteDb } = await import('./pglite-db.ts');
    return openPgliteDb(dataDir, schema);
  }
  const db = openPgDb(databaseUrl, schema);
  if (schema) {
    try {
      await createSchema(db, schema);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}
