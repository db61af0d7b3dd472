import type { Db, DbConfig } from './db.ts';
import { InvalidInput, UniqueViolation } from './errors.ts';
import { openPgDb } from './pg-db.ts';
import { prepareRuntimeRole, RUNTIME_ROLE } from './runtime-role.ts';

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

/** Runs `fn` on `db` and closes `db` when `fn` throws, so a failed startup leaks nothing. */
async function orClose<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * Opens the database the config names: real Postgres when `databaseUrl` is set, else PGlite in
 * `dataDir` (or in memory). Connects at once as the connecting user to create the schema and
 * prepare the runtime role (runtime-role.ts); the returned `Db` runs every statement as that role,
 * so row-level security applies even when the connecting user is a superuser. Run `migrate(db)`
 * before using the repos.
 * @throws RuntimeRoleError when no role subject to row-level security can be used.
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
    const db = await openPgliteDb(dataDir, schema);
    return orClose(db, async () => {
      // One connection: switching its session role switches every later statement.
      if ((await prepareRuntimeRole(db)) === 'runtime-role')
        await db.exec(`SET ROLE ${RUNTIME_ROLE}`);
      return db;
    });
  }
  const setup = openPgDb(databaseUrl, schema ? { schema } : {});
  const enforcement = await orClose(setup, async () => {
    if (schema) await createSchema(setup, schema);
    return prepareRuntimeRole(setup);
  });
  await setup.close();
  return openPgDb(databaseUrl, {
    ...(schema ? { schema } : {}),
    ...(enforcement === 'runtime-role' ? { role: RUNTIME_ROLE } : {}),
  });
}
