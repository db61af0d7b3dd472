// Bookings, cancellations and blocks: the durable side of selling seats. The partial
// unique index booking_seats_live_seat is the fence: whatever the live store believes, Postgres
// refuses a second live booking of a seat, and createBooking names the seats that collided.
import { gaFits } from '../channels/ga-fence.ts';
import { gaTaken, lockGaArea } from '../channels/repo.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DbError, InvalidInput, NotFound, UniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';

const FENCE = 'booking_seats_live_seat';
// A fence hit whose seats were freed again before we looked is retried; this bounds the retries.
const FENCE_ATTEMPTS = 3;

/** A standing area would hold more live bookings than its capacity; nothing was written. */
export class GaCapacityExceeded extends DbError {
  constructor(
    readonly eventId: string,
    readonly areas: string[],
  ) {
    super(`standing areas ${areas.join(', ')} of event ${eventId} have too few places left`);
  }
}

/** Some requested seats already have a live booking; nothing was written. */
export class SeatsAlreadyBooked extends DbError {
  constructor(
    readonly eventId: string,
    readonly seats: number[],
  ) {
    super(`seats ${seats.join(', ')} of event ${eventId} are already booked`);
  }
}

export interface BookingSeatInput {
  index: number;
  category: string | null;
  /** Defaults to 'full'. */
  priceType?: string;
  /** Minor units. */
  amount: number;
}

export interface BookingGaInput {
  areaId: string;
  quantity: number;
  category?: string | null;
  priceType?: string;
  /** Total of the line (quantity × unit price), minor units. */
  amount: number;
  /**
   * The area's capacity. Given, Postgres refuses a booking that would exceed it: the fence for
   * standing places, as the unique index is for seats.
   */
  capacity?: number;
}

export interface CreateBookingInput {
  orgId: string;
  eventId: string;
  seats: BookingSeatInput[];
  ga?: BookingGaInput[];
  orderRef?: string;
  currency: string;
  /** The channel sold through (channels/); omitted: the owner's general sale. */
  channelId?: string;
}

export interface Booking {
  id: string;
  orgId: string;
  eventId: string;
  orderRef: string | null;
  status: 'confirmed' | 'cancelled';
  amount: number;
  currency: string;
  createdAt: Date;
  cancelledAt: Date | null;
  seats: (Required<BookingSeatInput> & { live: boolean })[];
  ga: (Required<Omit<BookingGaInput, 'capacity'>> & { live: boolean })[];
}

/** What a cancellation released, for the live store. */
export interface Freed {
  seats: number[];
  ga: { areaId: string; quantity: number }[];
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

function checkBooking(input: CreateBookingInput, seatCount: number): void {
  const ga = input.ga ?? [];
  if (input.seats.length === 0 && ga.length === 0) throw new InvalidInput('a booking needs seats');
  const seen = new Set<number>();
  for (const s of input.seats) {
    if (!Number.isInteger(s.index) || s.index < 0 || s.index >= seatCount) {
      throw new InvalidInput(`seat index ${s.index} is outside 0…${seatCount - 1}`);
    }
    if (seen.has(s.index)) throw new InvalidInput(`seat index ${s.index} is listed twice`);
    seen.add(s.index);
    if (!isCount(s.amount)) throw new InvalidInput(`seat ${s.index}: amount ${s.amount} invalid`);
  }
  for (const g of ga) {
    if (!isCount(g.quantity) || g.quantity === 0 || !isCount(g.amount)) {
      throw new InvalidInput(
        `GA area ${g.areaId}: quantity and amount must be whole, quantity > 0`,
      );
    }
  }
}

async function eventSeatCount(tx: Db, orgId: string, eventId: string): Promise<number> {
  const { rows } = await tx.query<{ seat_count: number }>(
    'SELECT seat_count FROM events WHERE id = $1 AND org_id = $2',
    [eventId, orgId],
  );
  if (!rows[0]) throw new NotFound('event', eventId);
  return rows[0].seat_count;
}

/** The seat count of an event the organisation owns or sells through a partner channel. */
async function sellableSeatCount(tx: Db, orgId: string, eventId: string): Promise<number> {
  const { rows } = await tx.query<{ seat_count: number }>(
    `SELECT seat_count FROM events WHERE id = $1 AND (org_id = $2
       OR EXISTS (SELECT 1 FROM channels c WHERE c.event_id = events.id AND c.partner_org_id = $2))`,
    [eventId, orgId],
  );
  if (!rows[0]) throw new NotFound('event', eventId);
  return rows[0].seat_count;
}

async function insertBooking(tx: Db, input: CreateBookingInput): Promise<string> {
  const { orgId, eventId } = input;
  const ga = input.ga ?? [];
  const amount = [...input.seats, ...ga].reduce((sum, l) => sum + l.amount, 0);
  const id = newId('bk');
  await tx.query(
    `INSERT INTO bookings (id, org_id, event_id, order_ref, amount, currency, channel_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, orgId, eventId, input.orderRef ?? null, amount, input.currency, input.channelId ?? null],
  );
  // Seats go in index order so two overlapping bookings wait on each other instead of deadlocking.
  const seats = [...input.seats].sort((a, b) => a.index - b.index);
  await tx.query(
    `INSERT INTO booking_seats (booking_id, event_id, org_id, seat_index, category, price_type, amount)
     SELECT $1, $2, $3, s.index, s.category, coalesce(s."priceType", 'full'), s.amount
     FROM jsonb_to_recordset($4::jsonb)
       AS s(index int, category text, "priceType" text, amount bigint)
     ORDER BY s.index`,
    [id, eventId, orgId, JSON.stringify(seats)],
  );
  if (ga.length > 0) {
    await tx.query(
      `INSERT INTO booking_ga (booking_id, event_id, org_id, area_id, quantity, category,
         price_type, amount)
       SELECT $1, $2, $3, g."areaId", g.quantity, g.category, coalesce(g."priceType", 'full'),
         g.amount
       FROM jsonb_to_recordset($4::jsonb) AS g("areaId" text, quantity int, category text,
         "priceType" text, amount bigint)`,
      [id, eventId, orgId, JSON.stringify(ga)],
    );
  }
  return id;
}

/**
 * The standing-area fence: under a per-area transaction lock, live places plus the new ones must
 * fit the capacity, and the seller's share of it (channels/ga-fence.ts). Seats have a unique
 * index; quantities need a lock and a sum, across every organisation selling the event.
 */
async function checkGaCapacity(tx: Db, input: CreateBookingInput): Promise<void> {
  const fenced = (input.ga ?? [])
    .filter((g) => g.capacity !== undefined)
    .sort((a, b) => a.areaId.localeCompare(b.areaId));
  const full: string[] = [];
  for (const g of fenced) {
    await lockGaArea(tx, input.eventId, g.areaId);
    const figures = await gaTaken(tx, input.eventId, g.areaId);
    const channel = input.channelId ?? null;
    if (!gaFits(figures, channel, g.quantity, g.capacity as number)) full.push(g.areaId);
  }
  if (full.length) throw new GaCapacityExceeded(input.eventId, full);
}

async function liveAmong(tx: Db, orgId: string, eventId: string, seats: number[]) {
  const { rows } = await tx.query<{ seat_index: number }>(
    `SELECT seat_index FROM booking_seats
     WHERE event_id = $1 AND org_id = $2 AND live
       AND seat_index IN (SELECT jsonb_array_elements_text($3::jsonb)::int)
     ORDER BY seat_index`,
    [eventId, orgId, JSON.stringify(seats)],
  );
  return rows.map((r) => r.seat_index);
}

/**
 * Books seats (and GA quantities) in one transaction: all or nothing.
 * @throws SeatsAlreadyBooked naming the seats that already have a live booking.
 * @throws GaCapacityExceeded naming standing areas (with a `capacity`) that would overflow.
 * @throws NotFound when the event does not exist in `orgId`; InvalidInput for impossible seats.
 * @example
 * const b = await createBooking(db, { orgId, eventId, currency: 'EUR',
 *   seats: [{ index: 12, category: 'A', amount: 4500 }] });
 */
export async function createBooking(db: Db, input: CreateBookingInput): Promise<Booking> {
  const { orgId, eventId } = input;
  // One transaction for the whole booking; the insert nests in a savepoint so the fence can roll
  // back alone and be retried or explained within it.
  return inOrg(db, orgId, async (outer) => {
    checkBooking(input, await sellableSeatCount(outer, orgId, eventId));
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await outer.transaction(
          async (tx) => {
            await checkGaCapacity(tx, input);
            return insertBooking(tx, input);
          },
          { orgId },
        );
        return (await getBooking(outer, orgId, id))!;
      } catch (err) {
        if (!(err instanceof UniqueViolation && err.constraint === FENCE)) throw err;
        const requested = input.seats.map((s) => s.index);
        const taken = await liveAmong(outer, orgId, eventId, requested);
        if (taken.length > 0) throw new SeatsAlreadyBooked(eventId, taken);
        if (attempt === FENCE_ATTEMPTS) throw new SeatsAlreadyBooked(eventId, requested);
      }
    }
  });
}

interface BookingRow {
  id: string;
  org_id: string;
  event_id: string;
  order_ref: string | null;
  status: 'confirmed' | 'cancelled';
  amount: number;
  currency: string;
  created_at: Date;
  cancelled_at: Date | null;
  seats: Booking['seats'];
  ga: Booking['ga'];
}

/** The booking with its seats and GA lines, or undefined (also for another organisation's id). */
export async function getBooking(db: Db, orgId: string, id: string): Promise<Booking | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<BookingRow>(
      `SELECT b.id, b.org_id, b.event_id, b.order_ref, b.status, b.amount, b.currency, b.created_at,
       b.cancelled_at,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('index', s.seat_index, 'category', s.category,
          'priceType', s.price_type, 'amount', s.amount, 'live', s.live) ORDER BY s.seat_index), '[]')
        FROM booking_seats s WHERE s.booking_id = b.id) AS seats,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('areaId', g.area_id, 'quantity', g.quantity,
          'category', g.category, 'priceType', g.price_type, 'amount', g.amount, 'live', g.live)
          ORDER BY g.area_id, g.price_type), '[]')
        FROM booking_ga g WHERE g.booking_id = b.id) AS ga
     FROM bookings b WHERE b.id = $1 AND b.org_id = $2`,
      [id, orgId],
    ),
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      orgId: r.org_id,
      eventId: r.event_id,
      orderRef: r.order_ref,
      status: r.status,
      amount: r.amount,
      currency: r.currency,
      createdAt: r.created_at,
      cancelledAt: r.cancelled_at,
      seats: r.seats,
      ga: r.ga,
    }
  );
}

/**
 * Cancels a whole booking and returns what it released (empty when it was already cancelled).
 * Undefined when the booking does not exist in `orgId`.
 */
export async function cancelBooking(
  db: Db,
  orgId: string,
  bookingId: string,
): Promise<Freed | undefined> {
  return db.transaction(
    async (tx) => {
      const found = await tx.query(
        'SELECT 1 FROM bookings WHERE id = $1 AND org_id = $2 FOR UPDATE',
        [bookingId, orgId],
      );
      if (found.rowCount === 0) return undefined;
      await tx.query(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = now()
         WHERE id = $1 AND status = 'confirmed'`,
        [bookingId],
      );
      const seats = await tx.query<{ seat_index: number }>(
        `UPDATE booking_seats SET live = false WHERE booking_id = $1 AND live RETURNING seat_index`,
        [bookingId],
      );
      const ga = await tx.query<{ areaId: string; quantity: number }>(
        `UPDATE booking_ga SET live = false WHERE booking_id = $1 AND live
         RETURNING area_id AS "areaId", quantity`,
        [bookingId],
      );
      return { seats: seats.rows.map((r) => r.seat_index).sort((a, b) => a - b), ga: ga.rows };
    },
    { orgId },
  );
}

/**
 * Cancels the live bookings of the given seats (seats without one are ignored) and returns the
 * freed indexes. A booking left with nothing live becomes cancelled.
 */
export async function cancelSeats(
  db: Db,
  orgId: string,
  eventId: string,
  seats: number[],
): Promise<number[]> {
  return db.transaction(
    async (tx) => {
      const freed = await tx.query<{ booking_id: string; seat_index: number }>(
        `UPDATE booking_seats SET live = false
         WHERE event_id = $1 AND org_id = $2 AND live
           AND seat_index IN (SELECT jsonb_array_elements_text($3::jsonb)::int)
         RETURNING booking_id, seat_index`,
        [eventId, orgId, JSON.stringify(seats)],
      );
      const bookingIds = [...new Set(freed.rows.map((r) => r.booking_id))];
      await tx.query(
        `UPDATE bookings b SET status = 'cancelled', cancelled_at = now()
         WHERE b.id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND b.status = 'confirmed'
           AND NOT EXISTS (SELECT 1 FROM booking_seats s WHERE s.booking_id = b.id AND s.live)
           AND NOT EXISTS (SELECT 1 FROM booking_ga g WHERE g.booking_id = b.id AND g.live)`,
        [JSON.stringify(bookingIds)],
      );
      return freed.rows.map((r) => r.seat_index).sort((a, b) => a - b);
    },
    { orgId },
  );
}

function checkSeatIndexes(seats: number[], seatCount: number): void {
  const bad = seats.find((i) => !Number.isInteger(i) || i < 0 || i >= seatCount);
  if (bad !== undefined) throw new InvalidInput(`seat index ${bad} is outside 0…${seatCount - 1}`);
}

/**
 * Takes seats out of sale and returns the ones newly blocked (already blocked seats keep their
 * first reason).
 * @throws NotFound when the event does not exist in `orgId`; InvalidInput for impossible seats.
 */
export async function addBlocks(
  db: Db,
  orgId: string,
  eventId: string,
  seats: number[],
  reason: string,
): Promise<number[]> {
  return inOrg(db, orgId, async (tx) => {
    checkSeatIndexes(seats, await eventSeatCount(tx, orgId, eventId));
    const { rows } = await tx.query<{ seat_index: number }>(
      `INSERT INTO blocks (event_id, org_id, seat_index, reason)
       SELECT $1, $2, i, $4 FROM (SELECT DISTINCT jsonb_array_elements_text($3::jsonb)::int AS i) s
       ON CONFLICT (event_id, seat_index) DO NOTHING
       RETURNING seat_index`,
      [eventId, orgId, JSON.stringify(seats), reason],
    );
    return rows.map((r) => r.seat_index).sort((a, b) => a - b);
  });
}

/** Puts blocked seats back on sale and returns the ones that were blocked. */
export async function removeBlocks(
  db: Db,
  orgId: string,
  eventId: string,
  seats: number[],
): Promise<number[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ seat_index: number }>(
      `DELETE FROM blocks WHERE event_id = $1 AND org_id = $2
       AND seat_index IN (SELECT jsonb_array_elements_text($3::jsonb)::int)
     RETURNING seat_index`,
      [eventId, orgId, JSON.stringify(seats)],
    ),
  );
  return rows.map((r) => r.seat_index).sort((a, b) => a - b);
}
