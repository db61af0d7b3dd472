// The outbox: a webhook event is a row written in the same transaction as the change it reports,
// so an event is announced exactly when its change committed (a rolled-back booking announces
// nothing) and a crash after the commit loses nothing: the dispatcher delivers it later.
import type { Db } from '../db/db.ts';
import { InvalidInput } from '../db/errors.ts';

/** The event types an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'booking.created',
  'booking.cancelled',
  'hold.expired',
  'event.sold_out',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Every event's payload is a JSON object; its fields are documented per type in CONTEXT.md. */
export type WebhookPayload = Record<string, unknown>;

/** True for a known event type name. */
export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Queues a webhook event for the organisation. Call it with the transaction that makes the
 * change, so both commit or neither does. Returns the outbox id (the `Parterre-Delivery` value).
 * @example
 * await db.transaction(async (tx) => {
 *   const booking = await createBooking(tx, input);
 *   await enqueueWebhook(tx, orgId, 'booking.created', { bookingId: booking.id });
 * }, { orgId });
 */
export async function enqueueWebhook(
  tx: Db,
  orgId: string,
  type: WebhookEventType,
  payload: WebhookPayload,
): Promise<number> {
  if (!isWebhookEventType(type)) {
    throw new InvalidInput(
      `unknown webhook event type "${String(type)}"; use one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    );
  }
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO webhook_outbox (org_id, event_type, payload) VALUES ($1, $2, $3::jsonb)
     RETURNING id`,
    [orgId, type, JSON.stringify(payload)],
  );
  return rows[0]!.id;
}
