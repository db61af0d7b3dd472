// Idempotency keys: a retried request (same key, same body) gets the stored answer instead of
// running twice. The key row is inserted in the same transaction as the work, so a concurrent
// duplicate waits on the row lock and then replays; work that throws leaves no key behind.
import type { Db } from './db.ts';
import { DbError } from './errors.ts';

/** The same idempotency key came with a different request body (HTTP 422). */
export class IdempotencyKeyReused extends DbError {
  constructor(readonly key: string) {
    super(`idempotency key "${key}" was already used with a different request`);
  }
}

export interface StoredResponse<T> {
  statusCode: number;
  body: T;
}

interface KeyRow {
  request_hash: string;
  status_code: number;
  response: unknown;
}

/**
 * Runs `fn` once per (orgId, key). A replay with the same `requestHash` returns the stored
 * response with `replayed: true`; a different hash throws `IdempotencyKeyReused`. `fn` runs in the
 * key's transaction, so its writes commit together with the stored response. The body is stored
 * as JSON: a replay returns its JSON form (dates as ISO strings), which is what the API sends.
 * @example
 * const res = await withIdempotency(db, orgId, req.header('Idempotency-Key'), sha256(body),
 *   async (tx) => ({ statusCode: 201, body: await createBooking(tx, input) }));
 */
export async function withIdempotency<T>(
  db: Db,
  orgId: string,
  key: string,
  requestHash: string,
  fn: (tx: Db) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T> & { replayed: boolean }> {
  return db.transaction(
    async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO idempotency_keys (org_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (org_id, key) DO NOTHING`,
        [orgId, key, requestHash],
      );
      if (claimed.rowCount === 0) {
        const { rows } = await tx.query<KeyRow>(
          `SELECT request_hash, status_code, response FROM idempotency_keys
           WHERE org_id = $1 AND key = $2`,
          [orgId, key],
        );
        const stored = rows[0]!;
        if (stored.request_hash !== requestHash) throw new IdempotencyKeyReused(key);
        return { statusCode: stored.status_code, body: stored.response as T, replayed: true };
      }
      const result = await fn(tx);
      await tx.query(
        `UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb
         WHERE org_id = $1 AND key = $2`,
        [orgId, key, result.statusCode, JSON.stringify(result.body ?? null)],
      );
      return { ...result, replayed: false };
    },
    { orgId },
  );
}
