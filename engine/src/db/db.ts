// The one seam between the engine and its SQL database. Two adapters implement it: real Postgres
// through a pg.Pool (production nodes) and PGlite (the embedded default, and fast tests). Repos
// take a `Db` and never know which one they run on.

/** Rows of one statement, with the number of rows it returned or changed. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface TransactionOptions {
  /**
   * The organisation the transaction acts for. Adapters set `app.org_id` (transaction-local) so
   * row-level security policies can rely on it.
   */
  orgId?: string;
  /**
   * System work that spans organisations (API-key lookup by hash, migrations, background jobs):
   * adapters set `app.tenancy_bypass` to 'on', which the tenant_isolation policies let through.
   * Anything acting for one organisation uses `orgId` instead.
   */
  system?: boolean;
}

/**
 * A database handle. Inside `transaction`, the callback's `tx` is a `Db` bound to that transaction;
 * calling `tx.transaction` nests through a savepoint, so a failed inner step rolls back alone.
 * @example
 * const id = await db.transaction(async (tx) => {
 *   const { rows } = await tx.query<{ id: string }>('select $1::text as id', ['x']);
 *   return rows[0]!.id;
 * }, { orgId });
 */
export interface Db {
  /** One parameterised statement (`$1`, `$2`, …). Postgres errors surface as `DbError`s. */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>>;
  /** Several statements without parameters (migration files). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Releases connections (pg) or shuts the embedded database down (PGlite). */
  close(): Promise<void>;
}

/** Where the database lives; see `openDb`. */
export interface DbConfig {
  /** A postgres:// URL: use real Postgres through a connection pool. */
  databaseUrl?: string;
  /** PGlite data directory (e.g. ./data/pglite); omitted means in-memory. */
  dataDir?: string;
  /** A schema to create if missing and put first on every connection's search_path. */
  schema?: string;
}
