// hold.expired events. Holds live in Redis, not Postgres, so there is no transaction to share:
// the sweeper reports the tokens it released and they are queued afterwards, best effort. Holds
// that expire lazily (released by another command before the sweeper saw them) are not reported.
import type { Db } from '../db/db.ts';
import { asSystem } from '../db/tenancy.ts';

/**
 * Queues one `hold.expired` per token for the organisation owning `eventId` (looked up across
 * organisations: the sweeper knows only the event). Returns how many were queued.
 * @example sweeper option: onExpired: (eventId, tokens) => enqueueHoldExpiries(db, eventId, tokens)
 */
export async function enqueueHoldExpiries(
  db: Db,
  eventId: string,
  tokens: string[],
  expiredAt: Date = new Date(),
): Promise<number> {
  if (tokens.length === 0) return 0;
  const { rowCount } = await asSystem(db, (tx) =>
    tx.query(
      `INSERT INTO webhook_outbox (org_id, event_type, payload)
       SELECT e.org_id, 'hold.expired',
         jsonb_build_object('eventId', e.id, 'holdToken', t.token, 'expiredAt', $3::text)
       FROM events e, jsonb_array_elements_text($2::jsonb) AS t(token)
       WHERE e.id = $1`,
      [eventId, JSON.stringify(tokens), expiredAt.toISOString()],
    ),
  );
  return rowCount;
}
