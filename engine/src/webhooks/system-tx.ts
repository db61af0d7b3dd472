// The dispatcher and the hold-expiry hook work across organisations (they find whose event or
// outbox row it is), so they run in a transaction that the tenant_isolation policies let through.
import type { Db } from '../db/db.ts';

/** Runs `fn` in a transaction with `app.tenancy_bypass` on (cross-organisation system work). */
export function systemTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('app.tenancy_bypass', 'on', true)`);
    return fn(tx);
  });
}
