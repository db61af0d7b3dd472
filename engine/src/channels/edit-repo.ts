// SQL of renaming and deleting a channel of the owner's event. Deleting runs in the caller's
// fence transaction, after the event's seat-allocation lock (repo.ts, lockSeatAllocations).
import type { Db } from '../db/db.ts';
import type { Channel } from './repo.ts';

/** Renames a channel of the owner's event; false when it is not the owner's. */
export async function renameChannel(tx: Db, channel: Channel, name: string): Promise<boolean> {
  const { rows } = await tx.query(
    'UPDATE channels SET name = $3 WHERE id = $1 AND org_id = $2 RETURNING id',
    [channel.id, channel.orgId, name],
  );
  return rows.length > 0;
}

/**
 * Locks the channel row until the transaction ends. Taken after the seat-allocation lock: every
 * booking through the channel holds that lock shared from its channel check (repo.ts,
 * channelOnSale) to its commit, so once the delete holds it no such booking is in flight, and a
 * later one finds the channel gone (409 NOT_IN_CHANNEL). This row lock is the backstop for any
 * other writer of a booking's foreign key to the channel.
 */
export async function lockChannel(tx: Db, channel: Channel): Promise<boolean> {
  const { rows } = await tx.query(
    'SELECT id FROM channels WHERE id = $1 AND org_id = $2 FOR UPDATE',
    [channel.id, channel.orgId],
  );
  return rows.length > 0;
}

/**
 * Live bookings sold through a channel of the caller's event, by every organisation selling it
 * (a partner's bookings are the partner's rows, so the count comes from parterre_sell_through,
 * which answers numbers only). A booking has one currency, so the per-currency rows add up.
 */
export async function liveBookingCount(
  tx: Db,
  eventId: string,
  channelId: string,
): Promise<number> {
  const { rows } = await tx.query<{ bookings: number | null }>(
    'SELECT sum(bookings)::int AS bookings FROM parterre_sell_through($1) WHERE channel_id = $2',
    [eventId, channelId],
  );
  return rows[0]?.bookings ?? 0;
}

/**
 * Deletes a channel of the owner's event with its allocations (ON DELETE CASCADE): what it held
 * is the general sale's again. Cancelled bookings through it lose the reference (0013).
 */
export async function deleteChannel(tx: Db, channel: Channel): Promise<boolean> {
  const { rows } = await tx.query(
    'DELETE FROM channels WHERE id = $1 AND org_id = $2 RETURNING id',
    [channel.id, channel.orgId],
  );
  return rows.length > 0;
}
