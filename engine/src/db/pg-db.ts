// Real Postgres through one pg.Pool per process. A transaction checks out one client and keeps it
// until COMMIT/ROLLBACK, because a transaction lives on a connection, not on the pool.
import pg from 'pg';
import type { Db, QueryResult, TransactionOptions } from './db.ts';
import { mapDbError } from './map-error.ts';
import { beginTransaction, transactionDb } from './tx-db.ts';

const INT8_OID = 20;
const CONNECT_TIMEOUT_MS = 10_000;

// bigint columns (amounts, counts) come back as JS numbers, as they do from PGlite. Minor-unit
// amounts stay far below 2^53, so nothing is lost.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

async function run<T>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params?: readonly unknown[],
): Promise<QueryResult<T>> {
  try {
    const res = await target.query(sql, params as unknown[] | undefined);
    return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
  } catch (err) {
    throw mapDbError(err);
  }
}

/** Runs several statements (simple protocol); pg answers with one result per statement. */
async function exec(target: pg.Pool | pg.PoolClient, sql: string): Promise<void> {
  try {
    await target.query(sql);
  } catch (err) {
    throw mapDbError(err);
  }
}

async function inTransaction<T>(
  pool: pg.Pool,
  fn: (tx: Db) => Promise<T>,
  opts: TransactionOptions | undefined,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw mapDbError(err);
  }
  const statement = (sql: string, params?: readonly unknown[]) => run(client, sql, params);
  let broken: unknown;
  try {
    const { sql, scope } = beginTransaction(opts);
    await exec(client, sql);
    const result = await fn(transactionDb(statement, (sql) => exec(client, sql), scope));
    await statement('COMMIT');
    return result;
  } catch (err) {
    await statement('ROLLBACK').catch((rollbackErr: unknown) => (broken = rollbackErr));
    throw err;
  } finally {
    // A client whose rollback failed may be mid-transaction or disconnected: never reuse it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** Session settings every connection of a pool starts with. */
export interface PgSessionOptions {
  /** Put first on the search_path (the schema itself is created by `openDb`). */
  schema?: string;
  /**
   * Run every statement as this role (see runtime-role.ts). Set in the startup packet rather than
   * with a `SET ROLE` after connecting: a connection that cannot take the role fails to open
   * instead of quietly running as the connecting user, and it costs no extra round trip.
   */
  role?: string;
}

/** Startup `options` for the session settings; names are plain identifiers (checked by openDb). */
function startupOptions({ schema, role }: PgSessionOptions): string | undefined {
  const settings = [
    ...(schema ? [`-c search_path=${schema}`] : []),
    ...(role ? [`-c role=${role}`] : []),
  ];
  return settings.length > 0 ? settings.join(' ') : undefined;
}

/**
 * Opens a pool on `databaseUrl` whose connections start with `session`'s settings.
 * Connects lazily: the first query opens the first connection.
 */
export function openPgDb(databaseUrl: string, session: PgSessionOptions = {}): Db {
  const options = startupOptions(session);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types,
    // Without a bound, a dead or overloaded server makes requests wait forever; after this long the
    // caller gets DbUnavailable (503) instead.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options ? { options } : {}),
  });
  // An idle client losing its connection emits on the pool; unhandled it would kill the process.
  // The next query on the pool gets a fresh connection or a DbUnavailable.
  pool.on('error', () => undefined);
  // A checked-out client (mid-transaction) has no pool listener: its connection dropping would
  // emit an unhandled 'error' and kill the node. Its queries already fail with DbUnavailable and
  // the broken client is discarded on release, so the event itself needs no handling.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return {
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(pool, sql, params),
    exec: (sql) => exec(pool, sql),
    transaction: (fn, opts) => inTransaction(pool, fn, opts),
    close: () => pool.end(),
  };
}
