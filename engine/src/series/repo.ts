// Series (seasons), their events, subscriptions and group names: the durable side. Every
// statement runs for one organisation (inOrg), and every lookup filters by org_id too.
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { inOrg } from '../db/tenancy.ts';

export interface SeriesEvent {
  id: string;
  name: string;
  startsAt: Date;
}

export interface Series {
  id: string;
  name: string;
  createdAt: Date;
  /** In date order. */
  events: SeriesEvent[];
}

export interface Subscription {
  id: string;
  seriesId: string;
  seats: string[];
  holder: string | null;
  orderRef: string | null;
  priceType: string;
  renewedFrom: string | null;
  renewedBy: string | null;
  createdAt: Date;
  bookings: { eventId: string; bookingId: string; status: 'confirmed' | 'cancelled' }[];
}

interface SeriesRow {
  id: string;
  name: string;
  created_at: Date;
  events: { id: string; name: string; startsAt: string }[];
}

const SERIES_SQL = `SELECT s.id, s.name, s.created_at,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'name', e.name, 'startsAt', e.starts_at)
     ORDER BY e.starts_at, e.id), '[]')
   FROM series_events se JOIN events e ON e.id = se.event_id
   WHERE se.series_id = s.id) AS events
  FROM series s`;

const toSeries = (r: SeriesRow): Series => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  events: r.events.map((e) => ({ id: e.id, name: e.name, startsAt: new Date(e.startsAt) })),
});

/** The series, or undefined (also for another organisation's id). */
export async function getSeries(db: Db, orgId: string, id: string): Promise<Series | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<SeriesRow>(`${SERIES_SQL} WHERE s.id = $1 AND s.org_id = $2`, [id, orgId]),
  );
  return rows[0] && toSeries(rows[0]);
}

export async function listSeries(db: Db, orgId: string): Promise<Series[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<SeriesRow>(`${SERIES_SQL} WHERE s.org_id = $1 ORDER BY s.created_at, s.id`, [orgId]),
  );
  return rows.map(toSeries);
}

/** Event ids of `ids` that do not exist in the organisation. */
export async function missingEvents(db: Db, orgId: string, ids: string[]): Promise<string[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ id: string }>(
      `SELECT id FROM events WHERE org_id = $1
       AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [orgId, JSON.stringify(ids)],
    ),
  );
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

export async function createSeries(
  db: Db,
  orgId: string,
  name: string,
  eventIds: string[],
): Promise<string> {
  const id = newId('sr');
  await inOrg(db, orgId, async (tx) => {
    await tx.query('INSERT INTO series (id, org_id, name) VALUES ($1, $2, $3)', [id, orgId, name]);
    await addSeriesEvents(tx, orgId, id, eventIds);
  });
  return id;
}

/** Adds events (already checked to exist in the organisation); adding one twice is a no-op. */
export async function addSeriesEvents(
  db: Db,
  orgId: string,
  seriesId: string,
  eventIds: string[],
): Promise<void> {
  if (eventIds.length === 0) return;
  await inOrg(db, orgId, (tx) =>
    tx.query(
      `INSERT INTO series_events (series_id, event_id, org_id)
       SELECT $1, e, $2 FROM jsonb_array_elements_text($3::jsonb) AS e
       ON CONFLICT DO NOTHING`,
      [seriesId, orgId, JSON.stringify(eventIds)],
    ),
  );
}

/** Removes an event from a series; false when it was not in it. */
export async function removeSeriesEvent(
  db: Db,
  orgId: string,
  seriesId: string,
  eventId: string,
): Promise<boolean> {
  const res = await inOrg(db, orgId, (tx) =>
    tx.query('DELETE FROM series_events WHERE series_id = $1 AND event_id = $2 AND org_id = $3', [
      seriesId,
      eventId,
      orgId,
    ]),
  );
  return (res.rowCount ?? 0) > 0;
}

export interface NewSubscription {
  orgId: string;
  seriesId: string;
  seats: string[];
  holder?: string;
  orderRef?: string;
  priceType: string;
  renewedFrom?: string;
  bookings: { eventId: string; bookingId: string }[];
}

/** Records a subscription and its bookings; `tx` is the transaction that made the bookings. */
export async function insertSubscription(tx: Db, input: NewSubscription): Promise<string> {
  const id = newId('sb');
  await tx.query(
    `INSERT INTO subscriptions (id, org_id, series_id, seats, holder, order_ref, price_type,
       renewed_from)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`,
    [
      id,
      input.orgId,
      input.seriesId,
      JSON.stringify(input.seats),
      input.holder ?? null,
      input.orderRef ?? null,
      input.priceType,
      input.renewedFrom ?? null,
    ],
  );
  await tx.query(
    `INSERT INTO subscription_bookings (subscription_id, event_id, booking_id, org_id)
     SELECT $1, b."eventId", b."bookingId", $2
     FROM jsonb_to_recordset($3::jsonb) AS b("eventId" text, "bookingId" text)`,
    [id, input.orgId, JSON.stringify(input.bookings)],
  );
  return id;
}

interface SubscriptionRow {
  id: string;
  series_id: string;
  seats: string[];
  holder: string | null;
  order_ref: string | null;
  price_type: string;
  renewed_from: string | null;
  renewed_by: string | null;
  created_at: Date;
  bookings: Subscription['bookings'];
}

/** The subscription with its bookings, or undefined (also for another organisation's id). */
export async function getSubscription(
  db: Db,
  orgId: string,
  id: string,
): Promise<Subscription | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<SubscriptionRow>(
      `SELECT s.id, s.series_id, s.seats, s.holder, s.order_ref, s.price_type, s.renewed_from,
         s.created_at,
         (SELECT n.id FROM subscriptions n WHERE n.renewed_from = s.id AND n.org_id = $2)
           AS renewed_by,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('eventId', sb.event_id,
            'bookingId', sb.booking_id, 'status', b.status) ORDER BY e.starts_at, e.id), '[]')
          FROM subscription_bookings sb JOIN bookings b ON b.id = sb.booking_id
          JOIN events e ON e.id = sb.event_id
          WHERE sb.subscription_id = s.id) AS bookings
       FROM subscriptions s WHERE s.id = $1 AND s.org_id = $2`,
      [id, orgId],
    ),
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      seriesId: r.series_id,
      seats: r.seats,
      holder: r.holder,
      orderRef: r.order_ref,
      priceType: r.price_type,
      renewedFrom: r.renewed_from,
      renewedBy: r.renewed_by,
      createdAt: r.created_at,
      bookings: r.bookings,
    }
  );
}

/** Records the group name of a booking. */
export async function recordGroup(
  db: Db,
  orgId: string,
  input: { bookingId: string; eventId: string; groupName: string },
): Promise<void> {
  await inOrg(db, orgId, (tx) =>
    tx.query(
      `INSERT INTO booking_groups (booking_id, org_id, event_id, group_name) VALUES ($1, $2, $3, $4)`,
      [input.bookingId, orgId, input.eventId, input.groupName],
    ),
  );
}

export interface GroupBooking {
  bookingId: string;
  groupName: string;
  status: 'confirmed' | 'cancelled';
  seats: number;
  createdAt: Date;
}

/** The group bookings of an event, oldest first. */
export async function listGroups(db: Db, orgId: string, eventId: string): Promise<GroupBooking[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<GroupBooking>(
      `SELECT g.booking_id AS "bookingId", g.group_name AS "groupName", b.status,
         (SELECT count(*)::int FROM booking_seats s WHERE s.booking_id = g.booking_id AND s.live)
           AS seats,
         g.created_at AS "createdAt"
       FROM booking_groups g JOIN bookings b ON b.id = g.booking_id
       WHERE g.event_id = $1 AND g.org_id = $2 ORDER BY g.created_at, g.booking_id`,
      [eventId, orgId],
    ),
  );
  return rows;
}
