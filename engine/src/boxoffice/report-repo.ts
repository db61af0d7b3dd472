// The sales report of one event from Postgres, the durable record, grouped by status, category,
// price type, channel or zone, with revenue. Every grouping reads the same "units" (one per booked
// seat, the quantity of each standing line, each with its amount and its booking's currency), so
// their totals agree with each other and with the bookings: revenue is the sum of the live lines'
// amounts, which is each uncancelled booking's amount. Bookings are read in the asking
// organisation: an owner's report holds its own sales, a partner's only the partner's (channels/).
import type { Layout } from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';

export const REPORT_GROUPINGS = ['status', 'category', 'price_type', 'channel', 'zone'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export interface ReportRow {
  /** The group: a status, category, price type, channel name or zone (null: none). */
  key: string | null;
  currency: string | null;
  bookings: number;
  /** Seats plus standing units. */
  count: number;
  /** Minor units. */
  revenue: number;
}

export interface ReportTotal {
  currency: string;
  bookings: number;
  count: number;
  revenue: number;
}

/** Where each seat and standing area lies, for the zone grouping (zone = section label). */
export interface Zones {
  /** Section label per seat index. */
  seats: readonly string[];
  /** Section label per standing area id. */
  areas: Readonly<Record<string, string>>;
}

/** The zones of a published layout: each seat's and standing area's section label. */
export const zonesOf = (layout: Layout): Zones => ({
  seats: layout.seats.map((s) => s.section),
  areas: Object.fromEntries(layout.gaAreas.map((a) => [a.id, a.section])),
});

// $1 event, $2 organisation, $3 zone of each seat index (jsonb array), $4 zone of each area.
const UNITS = `WITH seat_zone AS (
    SELECT (z.ord - 1)::int AS seat_index, z.zone FROM jsonb_array_elements_text($3::jsonb)
      WITH ORDINALITY AS z(zone, ord)),
  units AS (
    SELECT s.booking_id, s.live, s.category, s.price_type, b.channel_id, b.currency,
      1 AS units, s.amount, sz.zone
    FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
      LEFT JOIN seat_zone sz ON sz.seat_index = s.seat_index
    WHERE s.event_id = $1 AND s.org_id = $2
    UNION ALL
    SELECT g.booking_id, g.live, g.category, g.price_type, b.channel_id, b.currency,
      g.quantity, g.amount, $4::jsonb->>g.area_id
    FROM booking_ga g JOIN bookings b ON b.id = g.booking_id
    WHERE g.event_id = $1 AND g.org_id = $2)`;
const SUMS = `count(DISTINCT booking_id)::int AS bookings, sum(units)::int AS count,
  sum(amount)::bigint AS revenue`;

const LIVE_BY = (key: string) => `${UNITS}
    SELECT ${key} AS key, currency, ${SUMS}
    FROM units WHERE live GROUP BY 1, 2 ORDER BY key NULLS LAST, currency`;

const REPORT_SQL: Record<ReportGrouping, string> = {
  status: `${UNITS}
    SELECT CASE WHEN live THEN 'booked' ELSE 'cancelled' END AS key, currency, ${SUMS}
    FROM units GROUP BY 1, 2
    UNION ALL
    SELECT 'blocked', NULL, 0, count(*)::int, 0 FROM blocks
    WHERE event_id = $1 AND org_id = $2 HAVING count(*) > 0
    ORDER BY key, currency`,
  category: LIVE_BY('category'),
  price_type: LIVE_BY('price_type'),
  // The channel's name; null: the general sale (no channel).
  channel: LIVE_BY('(SELECT c.name FROM channels c WHERE c.id = units.channel_id)'),
  zone: LIVE_BY('zone'),
};

const TOTALS_SQL = `${UNITS}
  SELECT currency, ${SUMS} FROM units WHERE live GROUP BY currency ORDER BY currency`;

interface RawRow {
  key: string | null;
  currency: string | null;
  bookings: number;
  count: number;
  revenue: string | number;
}

/**
 * The rows of one grouping and the live totals per currency; undefined when the event does not
 * exist in `orgId`.
 * @example const r = await eventReport(db, orgId, eventId, 'price_type', zones);
 */
export async function eventReport(
  db: Db,
  orgId: string,
  eventId: string,
  by: ReportGrouping,
  zones: Zones,
): Promise<{ rows: ReportRow[]; totals: ReportTotal[] } | undefined> {
  return inOrg(db, orgId, async (tx) => {
    const ev = await tx.query('SELECT 1 FROM events WHERE id = $1 AND org_id = $2', [
      eventId,
      orgId,
    ]);
    if (ev.rowCount === 0) return undefined;
    const params = [eventId, orgId, JSON.stringify(zones.seats), JSON.stringify(zones.areas)];
    const rows = await tx.query<RawRow>(REPORT_SQL[by], params);
    const totals = await tx.query<RawRow>(TOTALS_SQL, params);
    return {
      rows: rows.rows.map((r) => ({ ...r, revenue: Number(r.revenue) })),
      totals: totals.rows.map((r) => ({
        currency: r.currency!,
        bookings: r.bookings,
        count: r.count,
        revenue: Number(r.revenue),
      })),
    };
  });
}

/** What the overview shows of an event besides its sales. */
export interface OverviewEventRow {
  id: string;
  name: string;
  startsAt: Date;
  salesOpen: boolean;
  salesOpensAt: Date | null;
  salesClosesAt: Date | null;
}

const epochMs = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

/**
 * The organisation's events starting in [from, to) (either end open), by start time: filtered by
 * Postgres on the (org_id, starts_at) index, not after loading every event.
 * @example const events = await overviewEvents(db, orgId, '2026-01-01T00:00:00Z', undefined);
 */
export async function overviewEvents(
  db: Db,
  orgId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<OverviewEventRow[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<OverviewEventRow>(
      `SELECT id, name, starts_at AS "startsAt", sales_open AS "salesOpen",
         sales_opens_at AS "salesOpensAt", sales_closes_at AS "salesClosesAt"
       FROM events
       WHERE org_id = $1 AND ($2::float8 IS NULL OR starts_at >= to_timestamp($2::float8 / 1000))
         AND ($3::float8 IS NULL OR starts_at < to_timestamp($3::float8 / 1000))
       ORDER BY starts_at, id`,
      // As epoch milliseconds: any instant the API accepts (year 0000 too) is one Postgres reads.
      [orgId, epochMs(from), epochMs(to)],
    ),
  );
  return rows;
}
