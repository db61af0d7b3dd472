// The tickets table: tickets are issued lazily (the first time a booking's tickets are listed,
// shown or scanned), one per booked seat and one per standing place, and a scan marks one
// admitted exactly once, atomically.
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import type { Booking } from '../orders/repo.ts';
import { signTicket, ticketCodeHash, type TicketClaims } from './codes.ts';
import { currentTicketKey, ticketKeysById, type ListedTicketKey } from './keys.ts';

/** One admission of a booking: a seat, or one standing place of an area. */
export interface TicketSlot {
  seat?: number;
  area?: string;
  unit?: number;
  category: string | null;
  priceType: string;
  /** False once the seat (or the booking's standing line) was cancelled. */
  live: boolean;
}

export interface IssuedTicket extends TicketSlot {
  code: string;
  scannedAt: Date | null;
}

interface TicketRow {
  code_hash: string;
  seat_index: number | null;
  area_id: string | null;
  unit: number | null;
  key_id: string;
  serial: number;
  scanned_at: Date | null;
}

const slotKey = (s: { seat?: number | null; area?: string | null; unit?: number | null }) =>
  s.seat !== undefined && s.seat !== null ? `s${s.seat}` : `g${s.unit}:${s.area}`;

/** The admissions of a booking: its seats in index order, then standing places unit by unit. */
export function ticketSlots(booking: Booking): TicketSlot[] {
  const slots: TicketSlot[] = booking.seats.map((s) => ({
    seat: s.index,
    category: s.category,
    priceType: s.priceType,
    live: s.live,
  }));
  const units = new Map<string, number>();
  for (const line of booking.ga) {
    for (let k = 0; k < line.quantity; k++) {
      const unit = (units.get(line.areaId) ?? 0) + 1;
      units.set(line.areaId, unit);
      slots.push({
        area: line.areaId,
        unit,
        category: line.category,
        priceType: line.priceType,
        live: line.live,
      });
    }
  }
  return slots;
}

const claimsOf = (booking: Booking, keyId: string, slot: TicketSlot, serial: number) =>
  ({
    keyId,
    eventId: booking.eventId,
    bookingId: booking.id,
    ...(slot.seat !== undefined ? { seat: slot.seat } : { area: slot.area, unit: slot.unit }),
    serial,
  }) as TicketClaims;

async function readTickets(tx: Db, orgId: string, bookingId: string): Promise<TicketRow[]> {
  const { rows } = await tx.query<TicketRow>(
    `SELECT code_hash, seat_index, area_id, unit, key_id, serial, scanned_at FROM tickets
     WHERE booking_id = $1 AND org_id = $2`,
    [bookingId, orgId],
  );
  return rows;
}

const slotOf = (r: TicketRow): TicketSlot =>
  ({
    ...(r.seat_index !== null ? { seat: r.seat_index } : { area: r.area_id, unit: r.unit }),
  }) as TicketSlot;

/**
 * Gives tickets signed by a retired key (rotated with `retirePrevious`: a leaked key) a new code:
 * signed with the current key, serial + 1, the scan kept. The old code no longer exists (its hash
 * is replaced and its key refuses to verify). A concurrent reissue of the same ticket loses the
 * guarded UPDATE and reads the winner's row.
 */
async function reissueRetired(
  tx: Db,
  booking: Booking,
  rows: TicketRow[],
  keys: Map<string, ListedTicketKey>,
): Promise<boolean> {
  const stale = rows.filter((r) => keys.get(r.key_id)?.retired !== false);
  if (stale.length === 0) return false;
  const key = await currentTicketKey(tx, booking.orgId);
  const values = stale.map((r) => ({
    old: r.code_hash,
    oldKey: r.key_id,
    serial: r.serial,
    hash: ticketCodeHash(
      signTicket(key.secret, claimsOf(booking, key.id, slotOf(r), r.serial + 1)),
    ),
  }));
  await tx.query(
    `UPDATE tickets t SET code_hash = v.hash, key_id = $2, serial = t.serial + 1
     FROM jsonb_to_recordset($3::jsonb) AS v(old text, "oldKey" text, serial int, hash text)
     WHERE t.code_hash = v.old AND t.org_id = $1 AND t.key_id = v."oldKey" AND t.serial = v.serial`,
    [booking.orgId, key.id, JSON.stringify(values)],
  );
  return true;
}

/**
 * The tickets of a booking, issuing the missing ones with the organisation's current key. Codes
 * are recomputed from each ticket's own key, so rotating keys never changes an issued code,
 * except when the key was retired: those tickets are reissued (see reissueRetired).
 * Concurrent first calls issue each ticket once (the unique indexes; the loser reads the winner's).
 */
export function issueTickets(db: Db, booking: Booking): Promise<IssuedTicket[]> {
  const { orgId } = booking;
  return inOrg(db, orgId, async (tx) => {
    const slots = ticketSlots(booking);
    let rows = await readTickets(tx, orgId, booking.id);
    let keys = await ticketKeysById(tx, orgId);
    const have = new Set(
      rows.map((r) => slotKey({ seat: r.seat_index, area: r.area_id, unit: r.unit })),
    );
    const missing = slots.filter((s) => !have.has(slotKey(s)));
    let changed = await reissueRetired(tx, booking, rows, keys);
    if (missing.length) {
      const key = await currentTicketKey(tx, orgId);
      const values = missing.map((slot) => {
        const code = signTicket(key.secret, claimsOf(booking, key.id, slot, 1));
        return {
          hash: ticketCodeHash(code),
          seat: slot.seat ?? null,
          area: slot.area ?? null,
          unit: slot.unit ?? null,
        };
      });
      await tx.query(
        `INSERT INTO tickets (code_hash, org_id, event_id, booking_id, seat_index, area_id, unit, key_id)
         SELECT t.hash, $1, $2, $3, t.seat, t.area, t.unit, $4
         FROM jsonb_to_recordset($5::jsonb) AS t(hash text, seat int, area text, unit int)
         ON CONFLICT DO NOTHING`,
        [orgId, booking.eventId, booking.id, key.id, JSON.stringify(values)],
      );
      changed = true;
    }
    if (changed) {
      rows = await readTickets(tx, orgId, booking.id);
      keys = await ticketKeysById(tx, orgId);
    }
    const byslot = new Map(
      rows.map((r) => [slotKey({ seat: r.seat_index, area: r.area_id, unit: r.unit }), r]),
    );
    return slots.map((slot) => {
      const row = byslot.get(slotKey(slot)) as TicketRow;
      const secret = keys.get(row.key_id)?.secret as Uint8Array;
      return {
        ...slot,
        code: signTicket(secret, claimsOf(booking, row.key_id, slot, row.serial)),
        scannedAt: row.scanned_at,
      };
    });
  });
}

/** How a scan ended. */
export type ScanOutcome =
  | { kind: 'admitted'; scannedAt: Date }
  | { kind: 'already'; scannedAt: Date }
  | { kind: 'cancelled' }
  | { kind: 'unknown' };

/**
 * Admits the ticket with this code once. The seat's (or standing line's) booking row is read
 * `FOR SHARE`, so a cancellation committing at the same moment either happens first (the ticket
 * is refused) or waits for the scan; the conditional UPDATE lets exactly one of two simultaneous
 * scans through (the second waits for the first's row lock and then finds scanned_at set).
 */
export function scanTicket(
  db: Db,
  orgId: string,
  code: string,
  slot: { bookingId: string; seat?: number; area?: string },
  scannedBy: string,
): Promise<ScanOutcome> {
  const hash = ticketCodeHash(code);
  return inOrg(db, orgId, async (tx) => {
    const live =
      slot.seat !== undefined
        ? await tx.query<{ live: boolean }>(
            `SELECT live FROM booking_seats WHERE booking_id = $1 AND org_id = $2 AND seat_index = $3
             FOR SHARE`,
            [slot.bookingId, orgId, slot.seat],
          )
        : await tx.query<{ live: boolean }>(
            `SELECT live FROM booking_ga WHERE booking_id = $1 AND org_id = $2 AND area_id = $3
             FOR SHARE`,
            [slot.bookingId, orgId, slot.area],
          );
    if (live.rows.length === 0) return { kind: 'unknown' };
    if (!live.rows.some((r) => r.live)) return { kind: 'cancelled' };
    const admitted = await tx.query<{ scanned_at: Date }>(
      `UPDATE tickets SET scanned_at = clock_timestamp(), scanned_by = $3
       WHERE code_hash = $1 AND org_id = $2 AND scanned_at IS NULL RETURNING scanned_at`,
      [hash, orgId, scannedBy],
    );
    if (admitted.rows[0]) return { kind: 'admitted', scannedAt: admitted.rows[0].scanned_at };
    const first = await tx.query<{ scanned_at: Date | null }>(
      'SELECT scanned_at FROM tickets WHERE code_hash = $1 AND org_id = $2',
      [hash, orgId],
    );
    const at = first.rows[0]?.scanned_at;
    return at ? { kind: 'already', scannedAt: at } : { kind: 'unknown' };
  });
}

/**
 * Admits, at the door of the caller's event, a ticket a partner sold through one of the event's
 * channels. The partner's booking is not readable by the owner: parterre_admit_partner_ticket
 * (migration 0011) admits the one ticket row and answers only the outcome, with the admission's
 * category and price type for the door.
 */
export async function admitPartnerTicket(
  db: Db,
  orgId: string,
  eventId: string,
  code: string,
  scannedBy: string,
): Promise<{ outcome: ScanOutcome; category: string | null; priceType: string }> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{
      result: 'admitted' | 'already' | 'cancelled' | 'unknown';
      admitted_at: Date | null;
      seat_category: string | null;
      seat_price_type: string | null;
    }>('SELECT * FROM parterre_admit_partner_ticket($1, $2, $3)', [
      eventId,
      ticketCodeHash(code),
      scannedBy,
    ]),
  );
  const row = rows[0];
  const outcome: ScanOutcome =
    row?.result === 'admitted' || row?.result === 'already'
      ? { kind: row.result, scannedAt: row.admitted_at as Date }
      : { kind: row?.result ?? 'unknown' };
  return {
    outcome,
    category: row?.seat_category ?? null,
    priceType: row?.seat_price_type ?? 'full',
  };
}

/**
 * Admissions scanned and sold (live seats plus live standing places) of an event, across the
 * organisations selling it (owner and partners), as numbers only (parterre_attendance, migration
 * 0011); zeros for an organisation that is neither.
 */
export async function attendance(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<{ scanned: number; sold: number }> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ scanned: number; sold: number }>('SELECT * FROM parterre_attendance($1)', [eventId]),
  );
  return rows[0] ?? { scanned: 0, sold: 0 };
}
