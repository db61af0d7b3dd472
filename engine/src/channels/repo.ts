// Channels in Postgres: the channels of an event, their seat and standing-place allocations, the
// partner's view of a shared event, and the cross-organisation numbers (sold per channel, the
// standing-place fence) that only the migration's functions may compute. Owner statements run in
// the owner's organisation; a partner's in its own, where the policies of 0007_channels.sql show
// it the shared event, its prices, its channel and that channel's allocations, nothing else.
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { EVENT_COLUMNS, pricesOf, toEvent, type EventRecord, type Price } from '../events/repo.ts';

export const CHANNEL_KINDS = ['online', 'boxoffice', 'partner'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Channel {
  id: string;
  /** The event's owner. */
  orgId: string;
  eventId: string;
  kind: ChannelKind;
  name: string;
  partnerOrgId: string | null;
  /** The channel's own prices; null: the event's. */
  prices: Required<Price>[] | null;
  createdAt: Date;
}

export interface GaAllocation {
  areaId: string;
  quantity: number;
}

/** A channel with what it is allocated. */
export interface ChannelAllocations extends Channel {
  seats: number[];
  ga: GaAllocation[];
}

interface ChannelRow {
  id: string;
  org_id: string;
  event_id: string;
  kind: ChannelKind;
  name: string;
  partner_org_id: string | null;
  prices: Required<Price>[] | null;
  created_at: Date;
  seats?: number[];
  ga?: GaAllocation[];
}

const CHANNEL_COLUMNS = `c.id, c.org_id, c.event_id, c.kind, c.name, c.partner_org_id, c.prices,
  c.created_at`;

const ALLOCATION_COLUMNS = `
  (SELECT coalesce(jsonb_agg(a.seat_index ORDER BY a.seat_index), '[]') FROM channel_allocations a
   WHERE a.channel_id = c.id AND a.seat_index IS NOT NULL) AS seats,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('areaId', a.area_id, 'quantity', a.quantity)
     ORDER BY a.area_id), '[]') FROM channel_allocations a
   WHERE a.channel_id = c.id AND a.area_id IS NOT NULL) AS ga`;

const toChannel = (r: ChannelRow): ChannelAllocations => ({
  id: r.id,
  orgId: r.org_id,
  eventId: r.event_id,
  kind: r.kind,
  name: r.name,
  partnerOrgId: r.partner_org_id,
  prices: r.prices,
  createdAt: r.created_at,
  seats: r.seats ?? [],
  ga: r.ga ?? [],
});

export interface CreateChannelInput {
  orgId: string;
  eventId: string;
  kind: ChannelKind;
  name: string;
  partnerOrgId?: string;
  prices?: Price[];
}

/** Whether an organisation with this id exists (any organisation: a partner is another one). */
export async function organisationExists(db: Db, id: string): Promise<boolean> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query('SELECT 1 FROM organisations WHERE id = $1', [id]),
  );
  return rows.length > 0;
}

/**
 * Creates a channel of an event the organisation owns; undefined when it does not own it.
 * @throws UniqueViolation `channels_partner_once` when the partner already has a channel.
 */
export async function createChannel(
  db: Db,
  input: CreateChannelInput,
): Promise<ChannelAllocations | undefined> {
  const { orgId, eventId } = input;
  return inOrg(db, orgId, async (tx) => {
    const id = newId('ch');
    const prices = input.prices?.map((p) => ({ ...p, priceType: p.priceType ?? 'full' }));
    const { rows } = await tx.query<ChannelRow>(
      `INSERT INTO channels (id, org_id, event_id, kind, name, partner_org_id, prices)
       SELECT $1, $2, e.id, $4, $5, $6, $7::jsonb FROM events e WHERE e.id = $3 AND e.org_id = $2
       RETURNING id, org_id, event_id, kind, name, partner_org_id, prices, created_at`,
      [
        id,
        orgId,
        eventId,
        input.kind,
        input.name,
        input.partnerOrgId ?? null,
        prices ? JSON.stringify(prices) : null,
      ],
    );
    return rows[0] && toChannel(rows[0]);
  });
}

/**
 * The channels of an event the organisation sees: all of them for the owner, its own for a
 * partner (the policies decide; the filter says the same).
 */
export async function listChannels(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<ChannelAllocations[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<ChannelRow>(
      `SELECT ${CHANNEL_COLUMNS}, ${ALLOCATION_COLUMNS} FROM channels c
       WHERE c.event_id = $1 AND (c.org_id = $2 OR c.partner_org_id = $2)
       ORDER BY c.created_at, c.id`,
      [eventId, orgId],
    ),
  );
  return rows.map(toChannel);
}

/** One channel of the owner's event, or undefined. */
export async function getChannel(
  db: Db,
  orgId: string,
  eventId: string,
  channelId: string,
): Promise<ChannelAllocations | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<ChannelRow>(
      `SELECT ${CHANNEL_COLUMNS}, ${ALLOCATION_COLUMNS} FROM channels c
       WHERE c.id = $1 AND c.event_id = $2 AND c.org_id = $3`,
      [channelId, eventId, orgId],
    ),
  );
  return rows[0] && toChannel(rows[0]);
}

/**
 * A shared event as its partner sees it: the owner's event row and prices, read in the partner's
 * own organisation (the `partner_read` policies admit them). Undefined when no channel of the
 * event is shared with `partnerOrgId`.
 */
export async function getSharedEvent(
  db: Db,
  partnerOrgId: string,
  eventId: string,
): Promise<EventRecord | undefined> {
  return inOrg(db, partnerOrgId, async (tx) => {
    const { rows } = await tx.query<Parameters<typeof toEvent>[0]>(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1
         AND EXISTS (SELECT 1 FROM channels c WHERE c.event_id = e.id AND c.partner_org_id = $2)`,
      [eventId, partnerOrgId],
    );
    const row = rows[0];
    return row && toEvent(row, await pricesOf(tx, row.org_id, [eventId]));
  });
}

/** An event shared with an organisation, as its partner lists it. */
export interface SharedEvent {
  eventId: string;
  name: string;
  startsAt: Date;
  channelId: string;
  channelName: string;
}

/** The events other organisations share with `partnerOrgId`, by start time. */
export async function listSharedEvents(db: Db, partnerOrgId: string): Promise<SharedEvent[]> {
  const { rows } = await inOrg(db, partnerOrgId, (tx) =>
    tx.query<{ id: string; name: string; starts_at: Date; channel_id: string; channel: string }>(
      `SELECT e.id, e.name, e.starts_at, c.id AS channel_id, c.name AS channel
       FROM channels c JOIN events e ON e.id = c.event_id
       WHERE c.partner_org_id = $1 ORDER BY e.starts_at, e.id`,
      [partnerOrgId],
    ),
  );
  return rows.map((r) => ({
    eventId: r.id,
    name: r.name,
    startsAt: r.starts_at,
    channelId: r.channel_id,
    channelName: r.channel,
  }));
}

/**
 * Allocates seats and standing places to a channel of the owner's event. Seats already allocated
 * to any channel are refused by the unique index (`channel_allocations_seat`); standing
 * quantities add to what the channel has. Runs in `tx` (the caller's fence transaction).
 */
export async function addAllocations(
  tx: Db,
  channel: Channel,
  seats: readonly number[],
  ga: readonly GaAllocation[],
): Promise<void> {
  if (seats.length) {
    await tx.query(
      `INSERT INTO channel_allocations (channel_id, event_id, org_id, partner_org_id, seat_index)
       SELECT $1, $2, $3, $4, i::int FROM jsonb_array_elements_text($5::jsonb) AS j(i)`,
      [channel.id, channel.eventId, channel.orgId, channel.partnerOrgId, JSON.stringify(seats)],
    );
  }
  for (const g of ga) {
    await tx.query(
      `INSERT INTO channel_allocations (channel_id, event_id, org_id, partner_org_id, area_id,
         quantity) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_id, area_id) WHERE area_id IS NOT NULL
       DO UPDATE SET quantity = channel_allocations.quantity + excluded.quantity`,
      [channel.id, channel.eventId, channel.orgId, channel.partnerOrgId, g.areaId, g.quantity],
    );
  }
}

/** Removes seat allocations of a channel; returns the seats that were allocated to it. */
export async function removeSeatAllocations(
  tx: Db,
  channel: Channel,
  seats: readonly number[],
): Promise<number[]> {
  const { rows } = await tx.query<{ seat_index: number }>(
    `DELETE FROM channel_allocations WHERE channel_id = $1 AND org_id = $2
       AND seat_index IN (SELECT jsonb_array_elements_text($3::jsonb)::int)
     RETURNING seat_index`,
    [channel.id, channel.orgId, JSON.stringify(seats)],
  );
  return rows.map((r) => r.seat_index).sort((a, b) => a - b);
}

/** Sets a channel's allocation of a standing area (0 removes it). */
export async function setGaAllocation(
  tx: Db,
  channel: Channel,
  areaId: string,
  quantity: number,
): Promise<void> {
  await tx.query(
    quantity > 0
      ? 'UPDATE channel_allocations SET quantity = $4 WHERE channel_id = $1 AND org_id = $2 AND area_id = $3'
      : 'DELETE FROM channel_allocations WHERE channel_id = $1 AND org_id = $2 AND area_id = $3',
    quantity > 0
      ? [channel.id, channel.orgId, areaId, quantity]
      : [channel.id, channel.orgId, areaId],
  );
}

/** Live sales of one channel of the caller's event: seat indexes and places per area. */
export async function channelSold(
  tx: Db,
  eventId: string,
  channelId: string,
): Promise<{ seats: Set<number>; ga: Map<string, number> }> {
  const { rows } = await tx.query<{
    seat_index: number | null;
    area_id: string | null;
    quantity: number | null;
  }>('SELECT seat_index, area_id, quantity FROM parterre_channel_sold($1, $2)', [
    eventId,
    channelId,
  ]);
  const seats = new Set<number>();
  const ga = new Map<string, number>();
  for (const r of rows) {
    if (r.seat_index !== null) seats.add(r.seat_index);
    else if (r.area_id !== null) ga.set(r.area_id, r.quantity ?? 0);
  }
  return { seats, ga };
}

/** One standing area's fence figures: live places and allocation per channel (null: general). */
export interface GaTaken {
  channelId: string | null;
  taken: number;
  allocated: number;
}

/**
 * Live places and allocations of a standing area across every organisation selling the event.
 * Call it holding the area's transaction lock (`lockGaArea`) so the figures stay true.
 */
export async function gaTaken(tx: Db, eventId: string, areaId: string): Promise<GaTaken[]> {
  const { rows } = await tx.query<{ channel_id: string | null; taken: number; allocated: number }>(
    'SELECT channel_id, taken, allocated FROM parterre_ga_taken($1, $2)',
    [eventId, areaId],
  );
  return rows.map((r) => ({ channelId: r.channel_id, taken: r.taken, allocated: r.allocated }));
}

/** The per-area transaction lock every writer of a standing area's bookings or allocations takes. */
export async function lockGaArea(tx: Db, eventId: string, areaId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `parterre:ga:${eventId}:${areaId}`,
  ]);
}

const seatAllocationLock = (eventId: string) => `parterre:seat-allocations:${eventId}`;

/**
 * The event's seat-allocation lock, exclusive until the transaction ends: allocate and release
 * take it before they read what is sold, so no booking can pass its channel check
 * (booking-fence.ts, which holds the same lock shared) between their read and their commit.
 * Row locks cannot do this: a general-sale seat has no allocation row to lock, and a partner may
 * only read its channel's rows (no UPDATE policy, so FOR SHARE would hide them). Take it before
 * any standing-area lock (`lockGaArea`), as bookings do.
 */
export async function lockSeatAllocations(tx: Db, eventId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [seatAllocationLock(eventId)]);
}

/**
 * The event's seat-allocation lock, shared until the transaction ends: a booking through a
 * channel, or of seats, takes it once before its channel checks (booking-fence.ts).
 */
export async function shareSeatAllocations(tx: Db, eventId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [
    seatAllocationLock(eventId),
  ]);
}

/**
 * Whether the channel a booking sells through still exists, seen by the seller's organisation.
 * The caller holds the event's seat-allocation lock shared (shareSeatAllocations) until the
 * booking commits, whatever it sells: deleting a channel takes that lock exclusive first, so the
 * delete either waits for the booking (and counts it) or has committed before this read (and the
 * channel is gone). Without the lock a booking of standing places only took its area lock, then
 * waited on the channel row for its foreign key, while the delete held that row and waited on the
 * area lock: a deadlock, a 500.
 */
export async function channelOnSale(tx: Db, eventId: string, channelId: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM channels WHERE id = $1 AND event_id = $2', [
    channelId,
    eventId,
  ]);
  return rows.length > 0;
}

/** Seats among `seats` with a live booking of the caller's organisation. */
export async function liveBookedSeats(
  tx: Db,
  eventId: string,
  seats: readonly number[],
): Promise<number[]> {
  if (seats.length === 0) return [];
  const { rows } = await tx.query<{ seat_index: number }>(
    `SELECT seat_index FROM booking_seats WHERE event_id = $1 AND live
       AND seat_index IN (SELECT jsonb_array_elements_text($2::jsonb)::int) ORDER BY seat_index`,
    [eventId, JSON.stringify(seats)],
  );
  return rows.map((r) => r.seat_index);
}

/**
 * Seats among `seats` that may not be sold through `channelId` (null: the owner's general pool):
 * for a channel, seats not allocated to it; for the general pool, seats allocated to any channel.
 * Runs in the booking's transaction, under the seller's organisation: a partner sees only its own
 * channel's allocations, so a seat of another channel counts as not its own. The caller holds the
 * event's seat-allocation lock shared until the booking commits (see lockSeatAllocations), so an
 * allocation or release cannot change the answer before the booking is written.
 */
export async function seatsOutsideChannel(
  tx: Db,
  eventId: string,
  channelId: string | null,
  seats: readonly number[],
): Promise<number[]> {
  if (seats.length === 0) return [];
  const { rows } = await tx.query<{ i: number }>(
    `SELECT s.i FROM (SELECT jsonb_array_elements_text($2::jsonb)::int AS i) s
     LEFT JOIN channel_allocations a ON a.event_id = $1 AND a.seat_index = s.i
     WHERE a.channel_id IS DISTINCT FROM $3 ORDER BY s.i`,
    [eventId, JSON.stringify(seats), channelId],
  );
  return rows.map((r) => r.i);
}

export interface SellThroughRow {
  channelId: string | null;
  currency: string;
  bookings: number;
  seats: number;
  ga: number;
  revenue: number;
}

/** Live sales of the owner's event per channel and currency (numbers only). */
export async function sellThrough(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<SellThroughRow[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{
      channel_id: string | null;
      currency: string;
      bookings: number;
      seats: number;
      ga: number;
      revenue: string | number;
    }>('SELECT channel_id, currency, bookings, seats, ga, revenue FROM parterre_sell_through($1)', [
      eventId,
    ]),
  );
  return rows.map((r) => ({
    channelId: r.channel_id,
    currency: r.currency,
    bookings: r.bookings,
    seats: r.seats,
    ga: r.ga,
    revenue: Number(r.revenue),
  }));
}
