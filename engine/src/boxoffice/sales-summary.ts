// Sell-through of events from Postgres, the durable truth: capacity (seats plus standing
// capacity of the published version), live sold units, blocks, live bookings and live revenue per
// currency. Holds live only in the seat store and are not part of it. One statement for any
// number of events, so the event list and the multi-event overview cost one round trip.
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import type { MoneyAmount } from '@parterre/seatmaps';

export interface EventSales {
  capacity: number;
  /** Live seats plus standing units sold by anyone (partners included). */
  sold: number;
  blocked: number;
  bookings: number;
  revenue: MoneyAmount[];
  /** sold / capacity, 0…1 (0 for an empty map). */
  sellThrough: number;
}

interface Row {
  event_id: string;
  capacity: number;
  sold: number;
  blocked: number;
  bookings: number;
  revenue: { currency: string; amount: string | number }[];
}

// Units: one per live seat, quantity per live standing line, each with its amount and the
// booking's currency; the same units as the per-event report, so both always agree. `sold` counts
// every organisation's live sales of the event (partners selling through channels included, as the
// seat store does), read through parterre_sell_through (migration 0007), which answers numbers
// only; bookings and revenue are the asking organisation's own.
const SALES_SQL = `
  WITH ev AS (
    SELECT e.id, e.org_id, e.seat_count + coalesce((
      SELECT sum((a->>'capacity')::int) FROM jsonb_array_elements(v.layout->'gaAreas') a), 0)
      AS capacity
    FROM events e JOIN seatmap_versions v
      ON v.seatmap_id = e.seatmap_id AND v.version = e.seatmap_version
    WHERE e.org_id = $1 AND ($2::jsonb IS NULL OR e.id IN (SELECT jsonb_array_elements_text($2)))),
  units AS (
    SELECT s.event_id, b.currency, 1 AS units, s.amount, s.booking_id
    FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
    WHERE s.org_id = $1 AND s.live AND s.event_id IN (SELECT id FROM ev)
    UNION ALL
    SELECT g.event_id, b.currency, g.quantity, g.amount, g.booking_id
    FROM booking_ga g JOIN bookings b ON b.id = g.booking_id
    WHERE g.org_id = $1 AND g.live AND g.event_id IN (SELECT id FROM ev)),
  money AS (
    SELECT event_id, currency, sum(amount)::bigint AS amount FROM units GROUP BY 1, 2)
  SELECT ev.id AS event_id, ev.capacity::int AS capacity,
    (SELECT coalesce(sum(t.seats + t.ga), 0)::int FROM parterre_sell_through(ev.id) t) AS sold,
    (SELECT count(DISTINCT booking_id)::int FROM units u WHERE u.event_id = ev.id) AS bookings,
    (SELECT count(*)::int FROM blocks k WHERE k.event_id = ev.id AND k.org_id = $1) AS blocked,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('currency', m.currency, 'amount', m.amount)
       ORDER BY m.currency), '[]') FROM money m WHERE m.event_id = ev.id) AS revenue
  FROM ev`;

/**
 * Sales of the organisation's events (all of them, or those of `eventIds`), by event id.
 * @example const sales = await eventSales(db, orgId, [eventId]); sales.get(eventId)?.sold
 */
export async function eventSales(
  db: Db,
  orgId: string,
  eventIds?: readonly string[],
): Promise<Map<string, EventSales>> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<Row>(SALES_SQL, [orgId, eventIds ? JSON.stringify(eventIds) : null]),
  );
  return new Map(
    rows.map((r) => [
      r.event_id,
      {
        capacity: r.capacity,
        sold: r.sold,
        blocked: r.blocked,
        bookings: r.bookings,
        revenue: r.revenue.map((m) => ({ currency: m.currency, amount: Number(m.amount) })),
        sellThrough: r.capacity > 0 ? r.sold / r.capacity : 0,
      },
    ]),
  );
}
