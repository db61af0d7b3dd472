// Real Postgres through one pg.Pool per process. A transaction checks out one client and keeps it
// until COMMIT/ROLLBACK, because a transaction lives on a connection, not on the pool.
import pg from 'pg';
import type { Db, QueryResult, TransactionOptions } from './db.ts';
import { mapDbError } from './map-error.ts';
import { setOrgId, transactionDb } from './tx-db.ts';

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
    await statement('BEGIN');
    await setOrgId(statement, opts?.orgId);
    const result = await fn(transactionDb(statement, (sql) => exec(client, sql)));
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

/**
 * Opens a pool on `databaseUrl`. With `schema`, every connection starts with that schema first
 * on its search_path (the schema itself is created by `openDb`).
 */
export function openPgDb(databaseUrl: string, schema?: string): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types,
    // Without a bound, a dead or overloaded server makes requests wait forever; after this long the
    // caller gets DbUnavailable (503) instead.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection emits on the pool; unhandled it would kill the process.
  // The next query on the pool gets a fresh connection or a DbUnavailable.
  pool.on('error', () => undefined);
  return {
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(pool, sql, params),
    exec: (sql) => exec(pool, sql),
    transaction: (fn, opts) => inTransaction(pool, fn, opts),
    close: () => pool.end(),
  };
}
