import type { Db, QueryResult, TransactionOptions } from './db.ts';

/** Runs one statement on the connection that holds an open transaction. */
export type Statement = (sql: string, params?: readonly unknown[]) => Promise<QueryResult<unknown>>;

/**
 * Makes `app.org_id` visible to the rest of the transaction (`SET LOCAL` cannot take a bind
 * parameter; `set_config(…, true)` is the same thing with one).
 */
export async function setOrgId(run: Statement, orgId: string | undefined): Promise<void> {
  if (orgId !== undefined) await run(`SELECT set_config('app.org_id', $1, true)`, [orgId]);
}

/**
 * The `Db` handed to a transaction callback. Both adapters share it so nesting behaves the same:
 * an inner `transaction` is a savepoint, rolled back alone when its callback throws, which lets a
 * repo that catches an expected error (the booking fence) keep using the outer transaction.
 */
export function transactionDb(run: Statement, exec: (sql: string) => Promise<void>): Db {
  let savepoints = 0;
  const tx: Db = {
    query: <T>(sql: string, params?: readonly unknown[]) =>
      run(sql, params) as Promise<QueryResult<T>>,
    exec,
    async transaction<T>(fn: (inner: Db) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      const name = `sp_${++savepoints}`;
      await run(`SAVEPOINT ${name}`);
      try {
        await setOrgId(run, opts?.orgId);
        const result = await fn(tx);
        await run(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        // The original error is what the caller needs; a failed rollback (lost connection) will
        // surface again when the outer transaction tries to commit.
        await run(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw err;
      }
    },
    close: () => Promise.reject(new Error('close() belongs to the Db, not to a transaction')),
  };
  return tx;
}
