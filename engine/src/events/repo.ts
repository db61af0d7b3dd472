// Events: a published seat-map version put on sale, its prices, and the epoch that tells live
// clients their seat state was rebuilt. liveState is what a rebuild of Redis starts from.
import type { Db } from '../db/db.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { NotFound } from '../db/errors.ts';
import { newId } from '../db/ids.ts';

export interface Price {
  category: string;
  /** Defaults to 'full'. */
  priceType?: string;
  /** Minor units (cents). */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface EventRecord {
  id: string;
  orgId: string;
  name: string;
  seatmapId: string;
  seatmapVersion: number;
  startsAt: Date;
  holdTtlSeconds: number;
  salesOpen: boolean;
  /** Public sales start here (null: as soon as salesOpen). */
  salesOpensAt: Date | null;
  /** Public sales end here (null: never). */
  salesClosesAt: Date | null;
  epoch: number;
  seatCount: number;
  createdAt: Date;
  prices: Required<Price>[];
}

export interface CreateEventInput {
  orgId: string;
  name: string;
  seatmapId: string;
  /** The latest published version when omitted. */
  seatmapVersion?: number;
  startsAt: Date;
  holdTtlSeconds?: number;
  salesOpen?: boolean;
  salesOpensAt?: Date | null;
  salesClosesAt?: Date | null;
  prices?: Price[];
}

/** What is durably taken in an event: the input for rebuilding its live seat store. */
export interface LiveState {
  epoch: number;
  bookedSeats: number[];
  blocked: number[];
  gaBooked: Record<string, number>;
}

interface EventRow {
  id: string;
  org_id: string;
  name: string;
  seatmap_id: string;
  seatmap_version: number;
  starts_at: Date;
  hold_ttl_seconds: number;
  sales_open: boolean;
  sales_opens_at: Date | null;
  sales_closes_at: Date | null;
  epoch: number;
  seat_count: number;
  created_at: Date;
}

interface PriceRow {
  event_id: string;
  category: string;
  price_type: string;
  amount: number;
  currency: string;
}

export const EVENT_COLUMNS = `id, org_id, name, seatmap_id, seatmap_version, starts_at, hold_ttl_seconds,
  sales_open, sales_opens_at, sales_closes_at, epoch, seat_count, created_at`;

export const toEvent = (r: EventRow, prices: PriceRow[]): EventRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  seatmapId: r.seatmap_id,
  seatmapVersion: r.seatmap_version,
  startsAt: r.starts_at,
  holdTtlSeconds: r.hold_ttl_seconds,
  salesOpen: r.sales_open,
  salesOpensAt: r.sales_opens_at,
  salesClosesAt: r.sales_closes_at,
  epoch: r.epoch,
  seatCount: r.seat_count,
  createdAt: r.created_at,
  prices: prices
    .filter((p) => p.event_id === r.id)
    .map((p) => ({
      category: p.category,
      priceType: p.price_type,
      amount: p.amount,
      currency: p.currency,
    })),
});

export async function pricesOf(tx: Db, orgId: string, eventIds: string[]): Promise<PriceRow[]> {
  const { rows } = await tx.query<PriceRow>(
    `SELECT event_id, category, price_type, amount, currency FROM prices
     WHERE org_id = $1 AND event_id IN (SELECT jsonb_array_elements_text($2::jsonb))
     ORDER BY category, price_type`,
    [orgId, JSON.stringify(eventIds)],
  );
  return rows;
}

export async function insertPrices(tx: Db, orgId: string, eventId: string, prices: Price[]) {
  if (prices.length === 0) return;
  await tx.query(
    `INSERT INTO prices (event_id, org_id, category, price_type, amount, currency)
     SELECT $1, $2, p.category, coalesce(p."priceType", 'full'), p.amount, p.currency
     FROM jsonb_to_recordset($3::jsonb)
       AS p(category text, "priceType" text, amount bigint, currency text)`,
    [eventId, orgId, JSON.stringify(prices)],
  );
}

/**
 * Creates an event on a published seat-map version, with its prices, in one transaction.
 * @throws NotFound when the map (or the requested version) is not published in `orgId`.
 * @example
 * const ev = await createEvent(db, { orgId, name: 'Tosca', seatmapId, startsAt,
 *   prices: [{ category: 'A', amount: 4500, currency: 'EUR' }] });
 */
export async function createEvent(db: Db, input: CreateEventInput): Promise<EventRecord> {
  const { orgId, seatmapId } = input;
  return db.transaction(
    async (tx) => {
      const version = await tx.query<{ version: number; seat_count: number }>(
        `SELECT version, seat_count FROM seatmap_versions
         WHERE seatmap_id = $1 AND org_id = $2 AND ($3::int IS NULL OR version = $3)
         ORDER BY version DESC LIMIT 1`,
        [seatmapId, orgId, input.seatmapVersion ?? null],
      );
      const v = version.rows[0];
      if (!v) throw new NotFound('published seatmap', seatmapId);
      const id = newId('ev');
      await tx.query(
        `INSERT INTO events (id, org_id, name, seatmap_id, seatmap_version, starts_at,
           hold_ttl_seconds, sales_open, seat_count, sales_opens_at, sales_closes_at)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::int, 900), coalesce($8::boolean, true), $9,
           $10, $11)`,
        [
          id,
          orgId,
          input.name,
          seatmapId,
          v.version,
          input.startsAt,
          input.holdTtlSeconds ?? null,
          input.salesOpen ?? null,
          v.seat_count,
          input.salesOpensAt ?? null,
          input.salesClosesAt ?? null,
        ],
      );
      await insertPrices(tx, orgId, id, input.prices ?? []);
      return (await getEvent(tx, orgId, id))!;
    },
    { orgId },
  );
}

/** The event with its prices, or undefined (also for another organisation's id). */
export async function getEvent(
  db: Db,
  orgId: string,
  id: string,
): Promise<EventRecord | undefined> {
  return inOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1 AND org_id = $2`,
      [id, orgId],
    );
    return rows[0] && toEvent(rows[0], await pricesOf(tx, orgId, [id]));
  });
}

/** The organisation's events by start time, with prices. */
export async function listEvents(db: Db, orgId: string): Promise<EventRecord[]> {
  return inOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE org_id = $1 ORDER BY starts_at, id`,
      [orgId],
    );
    if (rows.length === 0) return [];
    const prices = await pricesOf(
      tx,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toEvent(r, prices));
  });
}

/**
 * Replaces all prices of an event.
 * @throws NotFound when the event does not exist in `orgId`.
 */
export async function setPrices(
  db: Db,
  orgId: string,
  eventId: string,
  prices: Price[],
): Promise<void> {
  await db.transaction(
    async (tx) => {
      const ev = await tx.query('SELECT 1 FROM events WHERE id = $1 AND org_id = $2 FOR UPDATE', [
        eventId,
        orgId,
      ]);
      if (ev.rowCount === 0) throw new NotFound('event', eventId);
      await tx.query('DELETE FROM prices WHERE event_id = $1 AND org_id = $2', [eventId, orgId]);
      await insertPrices(tx, orgId, eventId, prices);
    },
    { orgId },
  );
}

/**
 * Increments the event's epoch atomically and returns the new value (used when its live state is
 * rebuilt, so clients know to resync).
 * @throws NotFound when the event does not exist in `orgId`.
 */
export async function bumpEpoch(db: Db, orgId: string, eventId: string): Promise<number> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ epoch: number }>(
      'UPDATE events SET epoch = epoch + 1 WHERE id = $1 AND org_id = $2 RETURNING epoch',
      [eventId, orgId],
    ),
  );
  if (!rows[0]) throw new NotFound('event', eventId);
  return rows[0].epoch;
}

/**
 * Live booked seats, blocked seats and booked GA quantities of an event, read in one statement
 * (one snapshot), sorted by seat index. Undefined when the event does not exist in `orgId`.
 * Bookings of a shared event also belong to its partners (channels), so this reads as system work
 * and checks the owner itself: it answers indexes and counts only.
 */
export async function liveState(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<LiveState | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<{
      epoch: number;
      booked: number[];
      blocked: number[];
      ga: Record<string, number>;
    }>(
      `SELECT e.epoch,
       (SELECT coalesce(jsonb_agg(s.seat_index ORDER BY s.seat_index), '[]') FROM booking_seats s
        WHERE s.event_id = e.id AND s.live) AS booked,
       (SELECT coalesce(jsonb_agg(b.seat_index ORDER BY b.seat_index), '[]') FROM blocks b
        WHERE b.event_id = e.id AND b.org_id = e.org_id) AS blocked,
       (SELECT coalesce(jsonb_object_agg(g.area_id, g.quantity), '{}') FROM (
          SELECT area_id, sum(quantity)::int AS quantity FROM booking_ga
          WHERE event_id = e.id AND live GROUP BY area_id) g) AS ga
     FROM events e WHERE e.id = $1 AND e.org_id = $2`,
      [eventId, orgId],
    ),
  );
  const r = rows[0];
  return r && { epoch: r.epoch, bookedSeats: r.booked, blocked: r.blocked, gaBooked: r.ga };
}
