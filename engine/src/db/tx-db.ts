import type { Db, QueryResult, TransactionOptions } from './db.ts';

/** Runs one statement on the connection that holds an open transaction. */
export type Statement = (sql: string, params?: readonly unknown[]) => Promise<QueryResult<unknown>>;

/** Whom a transaction acts for: what `app.org_id` and `app.tenancy_bypass` are set to in it. */
export interface TenancyScope {
  readonly orgId: string | undefined;
  readonly system: boolean;
}

const UNSCOPED: TenancyScope = { orgId: undefined, system: false };
// The current scope of each open transaction's Db, so repos can tell whether a `tx` they were
// handed already acts for their organisation (see tenancy.ts) without a Db interface change.
const scopes = new WeakMap<Db, TenancyScope>();

/** The scope `db` currently runs in, or undefined when `db` is not a transaction. */
export function scopeOf(db: Db): TenancyScope | undefined {
  return scopes.get(db);
}

const toScope = (opts: TransactionOptions | undefined): TenancyScope | undefined =>
  opts?.orgId !== undefined || opts?.system
    ? { orgId: opts.orgId, system: opts.system === true }
    : undefined;

const sameScope = (a: TenancyScope, b: TenancyScope) =>
  a.orgId === b.orgId && a.system === b.system;

/**
 * Sets the scope's settings, transaction-local, in one statement (`SET LOCAL` cannot take a bind
 * parameter; `set_config(…, true)` is the same thing with one).
 */
async function applyScope(run: Statement, scope: TenancyScope): Promise<void> {
  await run(
    `SELECT set_config('app.org_id', $1, true), set_config('app.tenancy_bypass', $2, true)`,
    [scope.orgId ?? '', scope.system ? 'on' : 'off'],
  );
}

/**
 * A string as an SQL literal, correct whatever standard_conforming_strings is (the same rule as
 * pg's escapeLiteral): quotes doubled, and backslashes doubled inside an E'' literal.
 */
export function quoteLiteral(value: string): string {
  const quoted = value.replace(/'/g, "''");
  return value.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

/**
 * The statement that opens a top-level transaction for `opts`, and the scope it acts in. Setting
 * the organisation travels with BEGIN in one round trip (a simple-protocol batch cannot take bind
 * parameters, hence the quoted literal); a transaction without options sets nothing and sees no
 * tenant rows.
 */
export function beginTransaction(opts: TransactionOptions | undefined): {
  sql: string;
  scope: TenancyScope;
} {
  const scope = toScope(opts);
  if (!scope) return { sql: 'BEGIN', scope: UNSCOPED };
  const settings = [
    ...(scope.orgId !== undefined
      ? [`set_config('app.org_id', ${quoteLiteral(scope.orgId)}, true)`]
      : []),
    ...(scope.system ? [`set_config('app.tenancy_bypass', 'on', true)`] : []),
  ];
  return { sql: `BEGIN; SELECT ${settings.join(', ')}`, scope };
}

/**
 * The `Db` handed to a transaction callback. Both adapters share it so nesting behaves the same:
 * an inner `transaction` is a savepoint, rolled back alone when its callback throws, which lets a
 * repo that catches an expected error (the booking fence) keep using the outer transaction. An
 * inner transaction with other tenancy options acts with them and gives the outer scope back when
 * it ends (a released savepoint would otherwise keep the inner settings).
 */
export function transactionDb(
  run: Statement,
  exec: (sql: string) => Promise<void>,
  initial: TenancyScope,
): Db {
  let savepoints = 0;
  const tx: Db = {
    query: <T>(sql: string, params?: readonly unknown[]) =>
      run(sql, params) as Promise<QueryResult<T>>,
    exec,
    async transaction<T>(fn: (inner: Db) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      const name = `sp_${++savepoints}`;
      const outer = scopes.get(tx)!;
      const inner = toScope(opts) ?? outer;
      const switches = !sameScope(inner, outer);
      await run(`SAVEPOINT ${name}`);
      try {
        if (switches) {
          await applyScope(run, inner);
          scopes.set(tx, inner);
        }
        const result = await fn(tx);
        await run(`RELEASE SAVEPOINT ${name}`);
        if (switches) await applyScope(run, outer);
        return result;
      } catch (err) {
        // The original error is what the caller needs; a failed rollback (lost connection) will
        // surface again when the outer transaction tries to commit. Rolling back to the savepoint
        // also restores the outer settings.
        await run(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw err;
      } finally {
        scopes.set(tx, outer);
      }
    },
    close: () => Promise.reject(new Error('close() belongs to the Db, not to a transaction')),
  };
  scopes.set(tx, initial);
  return tx;
}
