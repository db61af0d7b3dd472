// What the owner's box office shows of the sales partners make through the event's channels. A
// partner's bookings and audit entries carry the partner's org_id, which row-level security hides
// from the owner, so they are read through two narrow SQL functions (migration 0012) that answer
// the event's owner only and return what the board shows: when, how many tickets, which seats,
// the amount and the channel's name; never the booking id, its order reference or the customer.
import type { Db } from '../db/db.ts';

/** One partner sale as the feed shows it. `id` is its audit id (one sequence for all organisations). */
export interface PartnerFeedEntry {
  id: number;
  at: Date;
  channel: string;
  /** Seat ids sold (standing places have none). */
  seats: string[];
  /** Seats plus standing places. */
  units: number;
  amount: number;
  currency: string;
}

interface FeedRow {
  id: string | number;
  at: Date;
  channel_name: string;
  seats: string[];
  units: number;
  amount: string | number;
  currency: string;
}

/**
 * Partner sales of the caller's event after audit id `afterId`, oldest first, at most `limit`;
 * without `afterId` the last `limit`. Empty for anyone but the event's owner. `tx` must act for the
 * caller's organisation (inOrg).
 * @example const sales = await partnerFeed(tx, eventId, lastId, 1000);
 */
export async function partnerFeed(
  tx: Db,
  eventId: string,
  afterId: number | undefined,
  limit: number,
): Promise<PartnerFeedEntry[]> {
  const { rows } = await tx.query<FeedRow>(
    `SELECT id, at, channel_name, seats, units, amount, currency
     FROM parterre_partner_feed($1, $2, $3)`,
    [eventId, afterId ?? null, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    channel: r.channel_name,
    seats: r.seats,
    units: r.units,
    amount: Number(r.amount),
    currency: r.currency,
  }));
}

/** Partner sales for the board's history (see history-repo.ts). */
export interface PartnerHistory {
  /** Tickets per partner booking made since `since`. */
  recent: { at: number; tickets: number }[];
  /** Each seat a partner sold, with the time of its first sale. */
  firstSold: { seatIndex: number; at: number }[];
}

/**
 * The event's partner-channel bookings since `since` and every seat partners ever sold, with its
 * first sale. Empty for anyone but the event's owner. `tx` must act for the caller's organisation.
 * @example const { recent, firstSold } = await partnerHistory(tx, eventId, new Date(now - 3_600_000));
 */
export async function partnerHistory(
  tx: Db,
  eventId: string,
  since: Date,
): Promise<PartnerHistory> {
  const { rows } = await tx.query<{ at: Date; tickets: number | null; seat_index: number | null }>(
    'SELECT at, tickets, seat_index FROM parterre_partner_sales($1, $2)',
    [eventId, since],
  );
  const history: PartnerHistory = { recent: [], firstSold: [] };
  for (const r of rows) {
    const at = new Date(r.at).getTime();
    if (r.seat_index === null) history.recent.push({ at, tickets: r.tickets ?? 0 });
    else history.firstSold.push({ seatIndex: r.seat_index, at });
  }
  return history;
}
