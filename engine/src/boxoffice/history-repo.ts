// What the box office needs from the sales history when it starts watching an event: tickets per
// minute over the last hour (by bookings.created_at, cancelled bookings included: velocity shows
// demand) and the order in which seats first sold (each seat's earliest booking, for the heatmap).
// The owner's view includes what partners sold through the event's channels (partner-sales-repo.ts).
import { VELOCITY_MINUTES } from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { partnerHistory } from './partner-sales-repo.ts';

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
    const order = await tx.query<{ seat_index: number; first: Date }>(
      `SELECT s.seat_index, min(b.created_at) AS first
       FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
       WHERE s.org_id = $1 AND s.event_id = $2
       GROUP BY s.seat_index`,
      [orgId, eventId],
    );
    const partners = await partnerHistory(tx, eventId, since);
    // A seat sold by the owner and by a partner (after a cancellation) counts from its first sale.
    const first = new Map<number, number>();
    const sold = [
      ...order.rows.map((r) => ({ seatIndex: r.seat_index, at: new Date(r.first).getTime() })),
      ...partners.firstSold,
    ];
    for (const { seatIndex, at } of sold) {
      first.set(seatIndex, Math.min(at, first.get(seatIndex) ?? Infinity));
    }
    const own = recent.rows.map((r) => ({ at: new Date(r.at).getTime(), tickets: r.tickets }));
    return {
      recent: [...own, ...partners.recent].sort((a, b) => a.at - b.at),
      soldOrder: [...first]
        .sort(([i, a], [j, b]) => a - b || i - j)
        .map(([seatIndex]) => seatIndex),
    };
  });
}
