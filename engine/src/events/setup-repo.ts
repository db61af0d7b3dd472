// Changing an event after it was created: edit its name, date, sales window, hold duration and
// prices; open or close sales; copy it (same published map version, prices and window, no
// bookings). Each change reads the row FOR UPDATE and writes it in one transaction, so two staff
// members editing at once cannot interleave half of each other's change.
import type { Db } from '../db/db.ts';
import { newId } from '../db/ids.ts';
import { getEvent, insertPrices, type EventRecord, type Price } from './repo.ts';

/** The fields of an event staff may change (prices replace all prices when given). */
export interface EventSettings {
  name: string;
  startsAt: Date;
  holdTtlSeconds: number;
  salesOpen: boolean;
  salesOpensAt: Date | null;
  salesClosesAt: Date | null;
  prices: Required<Price>[];
}

/**
 * Applies `change` to the event's current settings and stores the result; `change` may throw to
 * refuse (nothing is written). Undefined when the event does not exist in `orgId`.
 * @example await updateEvent(db, orgId, id, (cur) => ({ ...cur, salesOpen: false }));
 */
export async function updateEvent(
  db: Db,
  orgId: string,
  eventId: string,
  change: (current: EventRecord) => EventSettings,
): Promise<EventRecord | undefined> {
  return db.transaction(
    async (tx) => {
      const locked = await tx.query(
        'SELECT 1 FROM events WHERE id = $1 AND org_id = $2 FOR UPDATE',
        [eventId, orgId],
      );
      if (locked.rowCount === 0) return undefined;
      const current = (await getEvent(tx, orgId, eventId))!;
      const next = change(current);
      await tx.query(
        `UPDATE events SET name = $3, starts_at = $4, hold_ttl_seconds = $5, sales_open = $6,
           sales_opens_at = $7, sales_closes_at = $8
         WHERE id = $1 AND org_id = $2`,
        [
          eventId,
          orgId,
          next.name,
          next.startsAt,
          next.holdTtlSeconds,
          next.salesOpen,
          next.salesOpensAt,
          next.salesClosesAt,
        ],
      );
      if (next.prices !== current.prices) {
        await tx.query('DELETE FROM prices WHERE event_id = $1 AND org_id = $2', [eventId, orgId]);
        await insertPrices(tx, orgId, eventId, next.prices);
      }
      return getEvent(tx, orgId, eventId);
    },
    { orgId },
  );
}

/**
 * A new event on the same published map version with the same prices, hold duration and sales
 * settings; no bookings, blocks or holds. Undefined when the source does not exist in `orgId`.
 * @example const copy = await duplicateEvent(db, orgId, id, { name: 'Tosca (matinee)' });
 */
export async function duplicateEvent(
  db: Db,
  orgId: string,
  eventId: string,
  overrides: { name?: string; startsAt?: Date },
): Promise<EventRecord | undefined> {
  return db.transaction(
    async (tx) => {
      const id = newId('ev');
      const copied = await tx.query(
        `INSERT INTO events (id, org_id, name, seatmap_id, seatmap_version, starts_at,
           hold_ttl_seconds, sales_open, sales_opens_at, sales_closes_at, seat_count)
         SELECT $3, org_id, coalesce($4, name || ' (copy)'), seatmap_id, seatmap_version,
           coalesce($5, starts_at), hold_ttl_seconds, sales_open, sales_opens_at, sales_closes_at,
           seat_count
         FROM events WHERE id = $1 AND org_id = $2`,
        [eventId, orgId, id, overrides.name ?? null, overrides.startsAt ?? null],
      );
      if (copied.rowCount === 0) return undefined;
      await tx.query(
        `INSERT INTO prices (event_id, org_id, category, price_type, amount, currency)
         SELECT $3, org_id, category, price_type, amount, currency FROM prices
         WHERE event_id = $1 AND org_id = $2`,
        [eventId, orgId, id],
      );
      return getEvent(tx, orgId, id);
    },
    { orgId },
  );
}
