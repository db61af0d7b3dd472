// How repos reach tenant tables. Row-level security shows a statement only the rows of the
// organisation set on its transaction, so every repo statement runs in one: `inOrg` for work of one
// organisation, `asSystem` for the few lookups that must span organisations. Both reuse a
// transaction the caller already opened with the same scope instead of nesting a savepoint.
import type { Db } from './db.ts';
import { scopeOf } from './tx-db.ts';

/**
 * Runs `fn` in a transaction acting for `orgId` (or in `db` itself when `db` is already a
 * transaction acting for it).
 * @example
 * const { rows } = await inOrg(db, orgId, (tx) =>
 *   tx.query('SELECT … FROM events WHERE id = $1 AND org_id = $2', [id, orgId]));
 */
export function inOrg<T>(db: Db, orgId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  const scope = scopeOf(db);
  if (scope && !scope.system && scope.orgId === orgId) return fn(db);
  return db.transaction(fn, { orgId });
}

/**
 * Runs `fn` as system work that spans organisations (`app.tenancy_bypass` on). Only for what
 * cannot know the organisation beforehand: API-key lookup by hash, migrations, background jobs.
 * @example const key = await asSystem(db, (tx) => tx.query('… WHERE hash = $1', [hash]));
 */
export function asSystem<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const scope = scopeOf(db);
  if (scope?.system && scope.orgId === undefined) return fn(db);
  return db.transaction(fn, { system: true });
}
