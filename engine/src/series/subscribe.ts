// A subscription books the same seats on every event of a series, all or nothing: each event's
// seats are held through the hold service first (a taken seat on any event stops it there), then
// every booking is written in ONE Postgres transaction with the subscription row, and only after
// that commit does the store mark the seats booked. Any failure before the commit releases every
// hold taken, so no event keeps a seat of a subscription that did not happen.
//
// Why not OrderService.book per event: each of its calls commits on its own, so a failure on the
// third event would leave the first two sold. The per-event steps are the same as its booking:
// check the hold, createBooking (the Postgres fence), webhook and audit in the transaction, then a
// forced store confirmation. Subscriptions are the owner's own sales: they do not sell through
// partner channels.
import type { Logger } from 'pino';
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { seatIdsOf, seatIndexes } from '../events/seats.ts';
import type { HoldService } from '../holds/service.ts';
import { priceBooking, type PricedBooking } from '../orders/pricing.ts';
import { createBooking, SeatsAlreadyBooked } from '../orders/repo.ts';
import type { SeatStore } from '../store/seat-store.ts';
import { enqueueWebhook } from '../webhooks/outbox.ts';
import { insertSubscription } from './repo.ts';

export interface SubscribeInput {
  seats: string[];
  holder?: string;
  orderRef?: string;
  priceType?: string;
}

interface Plan {
  event: EventRuntime;
  seats: number[];
  priced: PricedBooking;
}

interface Held extends Plan {
  token: string;
}

/** The same refusal, its message prefixed with the event it happened on. */
function onEvent(event: EventRuntime, err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  return new DomainError(err.code, `${event.name} (${event.id}): ${err.message}`, err.details);
}

export interface SubscribeDeps {
  db: Db;
  store: SeatStore;
  holds: HoldService;
  logger?: Logger;
}

/** Seat indexes and prices of the subscription on every event; nothing is held yet. */
export function planSubscription(events: EventRuntime[], input: SubscribeInput): Plan[] {
  return events.map((event) => {
    try {
      const seats = seatIndexes(event, input.seats);
      return { event, seats, priced: priceBooking(event, seats, [], input.priceType) };
    } catch (err) {
      throw onEvent(event, err);
    }
  });
}

async function releaseAll(deps: SubscribeDeps, held: Held[]): Promise<void> {
  await Promise.all(
    held.map((h) =>
      deps.holds
        .command(h.event, () => deps.store.release(h.event.id, { token: h.token }))
        .catch(() => undefined),
    ),
  );
}

async function holdAll(deps: SubscribeDeps, p: Principal, plans: Plan[], held: Held[]) {
  for (const plan of plans) {
    const ids = seatIdsOf(plan.event, plan.seats);
    const view = await deps.holds.hold(p, plan.event.id, { seats: ids }).catch((err: unknown) => {
      throw onEvent(plan.event, err);
    });
    held.push({ ...plan, token: view.holdToken });
  }
  // Every hold is checked again right before the transaction: one may have expired meanwhile.
  for (const h of held) {
    await deps.holds
      .command(h.event, () =>
        deps.store.checkHold(h.event.id, { token: h.token, seats: h.seats, ga: [] }),
      )
      .catch((err: unknown) => {
        throw onEvent(h.event, err);
      });
  }
}

/** The Postgres step: every booking and the subscription in one transaction. */
function writeAll(
  deps: SubscribeDeps,
  p: Principal,
  held: Held[],
  input: SubscribeInput & { seriesId: string; renewedFrom?: string },
): Promise<string> {
  return inOrg(deps.db, p.orgId, async (tx) => {
    const bookings: { eventId: string; bookingId: string }[] = [];
    for (const h of held) {
      const booking = await createBooking(tx, {
        orgId: p.orgId,
        eventId: h.event.id,
        seats: h.priced.seats,
        currency: h.priced.currency,
        ...(input.orderRef ? { orderRef: input.orderRef } : {}),
      }).catch((err: unknown) => {
        if (!(err instanceof SeatsAlreadyBooked)) throw err;
        const ids = seatIdsOf(h.event, err.seats);
        throw onEvent(
          h.event,
          new DomainError('SEATS_UNAVAILABLE', `Already booked: ${ids.join(', ')}`, { seats: ids }),
        );
      });
      const payload = {
        eventId: h.event.id,
        orderRef: booking.orderRef,
        bookingId: booking.id,
        seats: seatIdsOf(h.event, h.seats),
        ga: [],
        amount: h.priced.amount,
        currency: h.priced.currency,
        seriesId: input.seriesId,
      };
      await enqueueWebhook(tx, p.orgId, 'booking.created', payload);
      await recordAudit(tx, {
        orgId: p.orgId,
        actor: auditActor(p),
        action: 'booking.create',
        target: booking.id,
        details: payload,
      });
      bookings.push({ eventId: h.event.id, bookingId: booking.id });
    }
    return insertSubscription(tx, {
      orgId: p.orgId,
      seriesId: input.seriesId,
      seats: input.seats,
      priceType: input.priceType ?? 'full',
      bookings,
      ...(input.holder ? { holder: input.holder } : {}),
      ...(input.orderRef ? { orderRef: input.orderRef } : {}),
      ...(input.renewedFrom ? { renewedFrom: input.renewedFrom } : {}),
    });
  });
}

/**
 * Holds every event's seats, books them all in one transaction with the subscription row, then
 * confirms them in the store. Returns the subscription id.
 * @throws DomainError naming the event that refused (SEATS_UNAVAILABLE, UNKNOWN_SEATS, …); then
 * nothing was booked and no hold remains.
 */
export async function subscribeAll(
  deps: SubscribeDeps,
  p: Principal,
  plans: Plan[],
  input: SubscribeInput & { seriesId: string; renewedFrom?: string },
): Promise<string> {
  const held: Held[] = [];
  let id: string;
  try {
    await holdAll(deps, p, plans, held);
    id = await writeAll(deps, p, held, input);
  } catch (err) {
    // Not committed: give every hold back. (If the database dropped during COMMIT itself and the
    // transaction did land, the Postgres fence still refuses these seats to anyone else and
    // corrects the store on the next attempt.)
    await releaseAll(deps, held);
    throw err;
  }
  for (const h of held) {
    await deps.holds
      .command(h.event, () =>
        deps.store.book(h.event.id, { token: h.token, seats: h.seats, ga: [], force: true }),
      )
      .catch((err: unknown) =>
        deps.logger?.warn(
          { err, eventId: h.event.id },
          'subscription recorded; store not confirmed',
        ),
      );
  }
  return id;
}
