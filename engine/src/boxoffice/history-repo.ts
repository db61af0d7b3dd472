// What the box office needs from the sales history when it starts watching an event: tickets per
// minute over the last hour (by bookings.created_at, cancelled bookings included: velocity shows
// demand) and the order in which seats first sold (each seat's earliest booking, for the heatmap).
import { VELOCITY_MINUTES } from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';

export interface SalesHistory {
  /** Tickets (seats plus standing units) sold per booking time, last hour. */
  recent: { at: number; tickets: number }[];
  /** Seat indexes by their first sale, earliest first. */
  soldOrder: number[];
}

/**
 * Reads both in one transaction.
 * @example const { recent, soldOrder } = await salesHistory(db, orgId, eventId, Date.now());
 */
export async function salesHistory(
  db: Db,
  orgId: string,
  eventId: string,
  now: number,
): Promise<SalesHistory> {
  const since = new Date(now - VELOCITY_MINUTES * 60_000);
  return inOrg(db, orgId, async (tx) => {
    const recent = await tx.query<{ at: Date; tickets: number }>(
      `SELECT b.created_at AS at,
         ((SELECT count(*) FROM booking_seats s WHERE s.booking_id = b.id)
          + (SELECT coalesce(sum(g.quantity), 0) FROM booking_ga g WHERE g.booking_id = b.id))::int
          AS tickets
       FROM bookings b
       WHERE b.org_id = $1 AND b.event_id = $2 AND b.created_at >= $3
       ORDER BY b.created_at`,
      [orgId, eventId, since],
    );
    const order = await tx.query<{ seat_index: number }>(
      `SELECT s.seat_index FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
       WHERE s.org_id = $1 AND s.event_id = $2
       GROUP BY s.seat_index ORDER BY min(b.created_at), s.seat_index`,
      [orgId, eventId],
    );
    return {
      recent: recent.rows.map((r) => ({ at: new Date(r.at).getTime(), tickets: r.tickets })),
      soldOrder: order.rows.map((r) => r.seat_index),
    };
  });
}
