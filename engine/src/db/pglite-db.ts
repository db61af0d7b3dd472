// The embedded database: real Postgres compiled to WASM, one connection per process. Every
// statement and transaction goes through one queue so a transaction never sees another caller's
// statements interleaved on the single connection.
import type { PGlite } from '@electric-sql/pglite';
import type { Db, QueryResult } from './db.ts';
import { mapDbError } from './map-error.ts';
import { beginTransaction, transactionDb } from './tx-db.ts';

const INT8_OID = 20;

type Runner = Pick<PGlite, 'query' | 'exec'>;

async function run<T>(
  target: Runner,
  sql: string,
  params?: readonly unknown[],
): Promise<QueryResult<T>> {
  try {
    const res = await target.query<T>(sql, params as unknown[] | undefined);
    // PGlite reports affectedRows only for writes; a SELECT's count is its rows.
    return { rows: res.rows, rowCount: Math.max(res.affectedRows ?? 0, res.rows.length) };
  } catch (err) {
    throw mapDbError(err);
  }
}

async function exec(target: Runner, sql: string): Promise<void> {
  try {
    await target.exec(sql);
  } catch (err) {
    throw mapDbError(err);
  }
}

/** A promise chain: each job starts after the previous one settled. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = tail.then(job, job);
    tail = next.catch(() => undefined);
    return next;
  };
}

/**
 * Opens PGlite in `dataDir` (created if missing) or in memory when omitted. With `schema`, the
 * connection's search_path starts with it (the schema itself is created by `openDb`).
 */
export async function openPgliteDb(dataDir?: string, schema?: string): Promise<Db> {
  // Loaded on demand: production nodes on real Postgres never pay for the WASM module.
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [INT8_OID]: Number },
  });
  if (schema) {
    await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  }
  const serial = serialQueue();
  return {
    query: <T>(sql: string, params?: readonly unknown[]) => serial(() => run<T>(lite, sql, params)),
    exec: (sql) => serial(() => exec(lite, sql)),
    transaction: (fn, opts) =>
      // BEGIN/COMMIT by hand rather than lite.transaction(): BEGIN and the organisation's
      // settings then cost one call into the WASM engine instead of two. The serial queue already
      // keeps every other caller off the connection until the transaction ends.
      serial(async () => {
        const { sql, scope } = beginTransaction(opts);
        await exec(lite, sql);
        try {
          const statement = (q: string, params?: readonly unknown[]) => run(lite, q, params);
          const result = await fn(transactionDb(statement, (q) => exec(lite, q), scope));
          await exec(lite, 'COMMIT');
          return result;
        } catch (err) {
          // The callback's error is what the caller needs; ROLLBACK only fails when the engine
          // itself is gone, which the next call reports.
          await exec(lite, 'ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    close: () => serial(() => lite.close()),
  };
}
