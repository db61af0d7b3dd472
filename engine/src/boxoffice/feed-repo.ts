// The box office's feed of recent changes, read from the audit log: bookings, cancellations,
// blocks and unblocks are audited in the transaction that makes them (orders/service.ts,
// holds/service.ts), so the feed is durable, the same on every node, and never shows a change
// that rolled back. Holds are not audited; the hub tallies them from store snapshots. The owner's
// feed also lists what partners sold through the event's channels (partner-sales-repo.ts), marked
// with the channel's name and without the partner's booking id or order reference.
import type { BoxOfficeFeedItem } from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { partnerFeed, type PartnerFeedEntry } from './partner-sales-repo.ts';

/** How many feed items a snapshot carries. */
export const FEED_LENGTH = 50;

const ACTIONS = ['booking.create', 'booking.cancel', 'seats.block', 'seats.unblock'];

interface AuditRow {
  id: string | number;
  action: string;
  target: string;
  at: Date;
  /** A partner's sale: the channel's name (its booking and reference stay the partner's). */
  channel?: string;
  details: {
    bookingId?: string;
    orderRef?: string | null;
    seats?: string[];
    ga?: { areaId: string; quantity: number }[];
    amount?: number;
    currency?: string;
    reason?: string;
  };
}

/** Entries read per query; a refresh pages on until it has them all. */
export const FEED_PAGE = 1000;

/**
 * The event an audit entry belongs to: the column audit_log.feed_event_id (migration 0011, filled by a trigger),
 * `coalesce(details->>'eventId', substr(target, 7))`: bookings and cancellations name the event
 * in details, blocks and unblocks in their target `event:<id>`. Indexed with (org_id, …, id).
 */
const EVENT_OF = 'feed_event_id';

/** A partner's sale as an audit row of the feed: no booking id, no order reference. */
const partnerRow = (e: PartnerFeedEntry): AuditRow => ({
  id: e.id,
  action: 'booking.create',
  target: '',
  at: e.at,
  channel: e.channel,
  details: {
    seats: e.seats,
    ga: e.units > e.seats.length ? [{ areaId: '', quantity: e.units - e.seats.length }] : [],
    amount: e.amount,
    currency: e.currency,
    orderRef: null,
  },
});

const byId = (a: AuditRow, b: AuditRow) => Number(a.id) - Number(b.id);

/**
 * Audit entries of one event after `afterId`, all of them oldest first (read in ascending pages of
 * FEED_PAGE until caught up, so a burst between two refreshes is never cut); without `afterId`,
 * the last FEED_LENGTH ones. The organisation's own entries and, for the event's owner, its
 * partners' sales, merged by audit id.
 */
async function entries(
  db: Db,
  orgId: string,
  eventId: string,
  afterId: number | undefined,
): Promise<AuditRow[]> {
  return inOrg(db, orgId, async (tx) => {
    if (afterId === undefined) {
      const { rows } = await tx.query<AuditRow>(
        `SELECT * FROM (
           SELECT id, action, target, at, details FROM audit_log
           WHERE org_id = $1 AND ${EVENT_OF} = $2 AND action = ANY($3::text[])
           ORDER BY id DESC LIMIT $4) recent
         ORDER BY id`,
        [orgId, eventId, ACTIONS, FEED_LENGTH],
      );
      const partners = await partnerFeed(tx, eventId, undefined, FEED_LENGTH);
      return [...rows, ...partners.map(partnerRow)].sort(byId).slice(-FEED_LENGTH);
    }
    const all: AuditRow[] = [];
    for (let after = afterId; ;) {
      const { rows } = await tx.query<AuditRow>(
        `SELECT id, action, target, at, details FROM audit_log
         WHERE org_id = $1 AND ${EVENT_OF} = $2 AND id > $4 AND action = ANY($3::text[])
         ORDER BY id LIMIT $5`,
        [orgId, eventId, ACTIONS, after, FEED_PAGE],
      );
      all.push(...rows);
      if (rows.length < FEED_PAGE) break;
      after = Number(rows.at(-1)!.id);
    }
    for (let after = afterId; ;) {
      const rows = await partnerFeed(tx, eventId, after, FEED_PAGE);
      all.push(...rows.map(partnerRow));
      if (rows.length < FEED_PAGE) break;
      after = rows.at(-1)!.id;
    }
    return all.sort(byId);
  });
}

/** What the last cancellation of each seat gave back, in minor units and its currency. */
async function cancelledAmounts(
  db: Db,
  orgId: string,
  eventId: string,
  seats: number[],
): Promise<Map<number, { amount: number; currency: string }>> {
  if (seats.length === 0) return new Map();
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ seat_index: number; amount: string; currency: string }>(
      `SELECT DISTINCT ON (s.seat_index) s.seat_index, s.amount, b.currency
       FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
       WHERE s.event_id = $1 AND s.org_id = $2 AND NOT s.live AND s.seat_index = ANY($3::int[])
       ORDER BY s.seat_index, b.created_at DESC`,
      [eventId, orgId, seats],
    ),
  );
  return new Map(
    rows.map((r) => [r.seat_index, { amount: Number(r.amount), currency: r.currency }]),
  );
}

async function bookingTotals(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<Map<string, { amount: number; currency: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ id: string; amount: string; currency: string }>(
      'SELECT id, amount, currency FROM bookings WHERE org_id = $1 AND id = ANY($2::text[])',
      [orgId, ids],
    ),
  );
  return new Map(rows.map((r) => [r.id, { amount: Number(r.amount), currency: r.currency }]));
}

export interface FeedPage {
  items: BoxOfficeFeedItem[];
  /** The last audit id read (pass it as `afterId` next time); undefined when none exists yet. */
  lastId: number | undefined;
}

/**
 * Feed items of an event after audit id `afterId`, oldest first; without `afterId`, the most
 * recent FEED_LENGTH items. `indexOf` maps seat ids to the layout's indexes.
 * @example const { items, lastId } = await readFeed(db, orgId, eventId, last, (id) => map.get(id));
 */
export async function readFeed(
  db: Db,
  orgId: string,
  eventId: string,
  afterId: number | undefined,
  indexOf: (seatId: string) => number | undefined,
): Promise<FeedPage> {
  const rows = await entries(db, orgId, eventId, afterId);
  const indexes = (ids: string[] = []) =>
    ids.map(indexOf).filter((i): i is number => i !== undefined);
  const units = (r: AuditRow) =>
    (r.details.seats?.length ?? 0) + (r.details.ga ?? []).reduce((n, g) => n + g.quantity, 0);
  const cancels = rows.filter((r) => r.action === 'booking.cancel');
  const byBooking = await bookingTotals(
    db,
    orgId,
    cancels.flatMap((r) => (r.details.bookingId ? [r.details.bookingId] : [])),
  );
  const bySeat = await cancelledAmounts(
    db,
    orgId,
    eventId,
    cancels.flatMap((r) => (r.details.bookingId ? [] : indexes(r.details.seats))),
  );
  const items = rows.map((r): BoxOfficeFeedItem => {
    const base = { id: `a${r.id}`, at: new Date(r.at).getTime() };
    const seats = indexes(r.details.seats);
    switch (r.action) {
      case 'booking.create':
        return {
          ...base,
          kind: 'booking.created',
          bookingId: r.details.bookingId ?? r.target,
          count: units(r),
          seats,
          amount: r.details.amount ?? 0,
          currency: r.details.currency ?? '',
          orderRef: r.details.orderRef ?? null,
          ...(r.channel !== undefined ? { channel: r.channel } : {}),
        };
      case 'booking.cancel': {
        const perSeat = seats.map((i) => bySeat.get(i));
        const money = r.details.bookingId
          ? byBooking.get(r.details.bookingId)
          : {
              amount: perSeat.reduce((sum, m) => sum + (m?.amount ?? 0), 0),
              currency: perSeat.find((m) => m)?.currency ?? '',
            };
        return {
          ...base,
          kind: 'booking.cancelled',
          bookingId: r.details.bookingId ?? '',
          count: units(r),
          seats,
          amount: money?.amount ?? 0,
          currency: money?.currency ?? '',
        };
      }
      case 'seats.block':
        return { ...base, kind: 'seats.blocked', seats, reason: r.details.reason ?? '' };
      default:
        return { ...base, kind: 'seats.unblocked', seats };
    }
  });
  const last = rows.at(-1);
  return { items, lastId: last ? Number(last.id) : afterId };
}
