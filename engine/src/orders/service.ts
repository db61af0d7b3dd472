// Booking and cancelling. Postgres is the durable fence and is written first: the store only
// confirms what Postgres already recorded (force-book), so a crash or a Redis failover between the
// two steps can lose a hold but never sell a seat twice or lose an acknowledged booking. The
// booking's webhook event and audit entry are written in its transaction (outbox pattern).
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import { eventReport, zonesOf, type ReportGrouping } from '../boxoffice/report-repo.ts';
import { channelEvent, checkAllocation, sellingChannel } from '../channels/fence.ts';
import { fenceChannelSale } from '../channels/booking-fence.ts';
import type { Db } from '../db/db.ts';
import { DbUnavailable } from '../db/errors.ts';
import { IdempotencyKeyReused, withIdempotency } from '../db/idempotency.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventCatalog, EventRuntime } from '../events/catalog.ts';
import { checkGaAreas, seatIdsOf, seatIndexes } from '../events/seats.ts';
import type { HoldService } from '../holds/service.ts';
import { checkTokenForEvent, newHoldToken } from '../holds/tokens.ts';
import type { BookResult, GaQuantity, SeatStore, Snapshot } from '../store/seat-store.ts';
import { enqueueWebhook } from '../webhooks/outbox.ts';
import { priceBooking } from './pricing.ts';
import { StoreReconciler } from './reconcile.ts';
import {
  cancelBooking,
  cancelSeats,
  createBooking,
  GaCapacityExceeded,
  getBooking,
  SeatsAlreadyBooked,
  type Freed,
} from './repo.ts';

export interface BookInput {
  seats: string[];
  ga?: GaQuantity[];
  holdToken?: string;
  orderRef?: string;
  priceType?: string;
  /** The owner's channel to sell through (partners always sell through their own). */
  channelId?: string;
}

export interface BookingView {
  bookingId: string;
  seats: string[];
  ga: GaQuantity[];
  amount: number;
  currency: string;
}

/** Optional collaborators of {@link OrderService}. */
export interface OrderServiceOptions {
  /** Told about every booking made (metrics). */
  onBooked?: (booking: BookingView) => void;
  /** Where best-effort steps that failed after a booking (sold-out event) are reported. */
  logger?: Logger;
}

/** Counter sales without a hold are held this long while Postgres records them. */
const DIRECT_SALE_HOLD_MS = 30_000;

/** Nothing left to sell: no free seat and every standing area full. */
const soldOut = (snap: Snapshot) =>
  snap.counts.free === 0 && snap.ga.every((a) => a.held + a.booked >= a.capacity);

export class OrderService {
  private readonly reconciler: StoreReconciler;

  constructor(
    private readonly db: Db,
    private readonly store: SeatStore,
    private readonly catalog: EventCatalog,
    private readonly holds: HoldService,
    private readonly options: OrderServiceOptions = {},
  ) {
    this.reconciler = new StoreReconciler(db, store, holds, options.logger);
  }

  /**
   * Books seats held by `holdToken`, or free seats directly (counter sale). With an idempotency
   * key, a retry with the same body returns the first answer; another body is refused. `within`
   * writes what belongs to the booking (a group's name) in its transaction: if it throws, nothing
   * is booked.
   */
  async book(
    p: Principal,
    eventId: string,
    req: BookInput,
    idempotencyKey?: string,
    within?: (tx: Db, booking: BookingView) => Promise<void>,
  ): Promise<{ status: number; body: BookingView }> {
    const event = await this.catalog.get(p.orgId, eventId);
    const seats = seatIndexes(event, req.seats);
    const ga = req.ga ?? [];
    checkGaAreas(event, ga);
    if (seats.length === 0 && ga.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Name at least one seat or standing quantity', {
        fields: { seats: 'must not be empty' },
      });
    }
    const channel = sellingChannel(event, p, req.channelId);
    checkAllocation(event, channel, seats, ga);
    const priced = priceBooking(channelEvent(event, channel), seats, ga, req.priceType);
    const channelId = channel?.id ?? null;
    // The hold token of this attempt: the visitor's, or one a counter sale takes inside `write`.
    let token = req.holdToken ? checkTokenForEvent(req.holdToken, eventId) : undefined;
    const write = async (db: Db) => {
      token ??= await this.holdForCounterSale(event, seats, ga);
      return this.write(p, event, req, { seats, ga, token, channelId }, priced, db, within);
    };
    let answer: { status: number; body: BookingView; replayed: boolean };
    try {
      if (!idempotencyKey) {
        answer = { status: 201, body: await write(this.db), replayed: false };
      } else {
        const hash = createHash('sha256')
          .update(JSON.stringify([eventId, req]))
          .digest('hex');
        const result = await withIdempotency(
          this.db,
          p.orgId,
          idempotencyKey,
          hash,
          async (tx) => ({
            statusCode: 201,
            body: await write(tx),
          }),
        );
        answer = { status: result.statusCode, body: result.body, replayed: result.replayed };
      }
    } catch (err) {
      // Not committed (or, when the database went away mid-commit, not known to be: the
      // reconciler then confirms in the store whatever Postgres did record). Give a counter
      // sale's seats back and explain the refusal.
      if (err instanceof DbUnavailable) this.reconciler.schedule(event, event.orgId);
      if (token && !req.holdToken)
        await this.store.release(eventId, { token }).catch(() => undefined);
      throw await this.refusal(event, err);
    }
    // Committed from here on: the answer is the booking, whatever the store says next.
    if (answer.replayed) await this.reconfirm(p, event, answer.body.bookingId);
    else await this.settle(event, p.orgId, { seats, ga, token: token as string }, answer.body);
    return { status: answer.status, body: answer.body };
  }

  /** A counter sale first holds its seats, so it is all-or-nothing against live holds too. */
  private async holdForCounterSale(
    event: EventRuntime,
    seats: number[],
    ga: GaQuantity[],
  ): Promise<string> {
    const held = await this.holds.command(event, () =>
      this.store.hold(event.id, {
        token: newHoldToken(event.id),
        seats,
        ga,
        ttlMs: DIRECT_SALE_HOLD_MS,
      }),
    );
    return held.token;
  }

  /** Turns a failure before the commit into the answer the client gets. */
  private async refusal(event: EventRuntime, err: unknown): Promise<unknown> {
    if (err instanceof IdempotencyKeyReused) {
      return new DomainError('IDEMPOTENCY_KEY_REUSED', err.message);
    }
    if (err instanceof GaCapacityExceeded) {
      return new DomainError(
        'GA_UNAVAILABLE',
        `Not enough places left in ${err.areas.join(', ')}`,
        {
          areas: err.areas,
        },
      );
    }
    if (err instanceof SeatsAlreadyBooked) {
      // Postgres knows better than the store (it lost data or a node crashed mid-booking):
      // make the store agree, then refuse by name.
      await this.confirmLive(event, { seats: err.seats, ga: [] }).catch(() => undefined);
      const ids = seatIdsOf(event, err.seats);
      return new DomainError('SEATS_UNAVAILABLE', `Already booked: ${ids.join(', ')}`, {
        seats: ids,
      });
    }
    return err;
  }

  /**
   * After the commit: the store confirms the seats, then sold-out is checked. A store failure is
   * logged, not thrown: the booking stands, and the fence corrects the store on the next attempt
   * to sell these seats (or a replay of the same Idempotency-Key confirms them again).
   */
  private async settle(
    event: EventRuntime,
    orgId: string,
    live: { seats: number[]; ga: GaQuantity[]; token: string },
    view: BookingView,
  ): Promise<void> {
    let soldOut: boolean | undefined;
    try {
      soldOut = (await this.confirmLive(event, live)).soldOut;
    } catch (err) {
      this.options.logger?.warn(
        { err, eventId: event.id },
        'booking recorded; store not confirmed',
      );
    }
    this.options.onBooked?.(view);
    if (soldOut !== false) await this.announceSoldOut(event, this.db, orgId);
  }

  /**
   * A replayed booking may come from a node that died between the Postgres commit and the store's
   * confirmation: the seats would still show as held. Confirm again what Postgres holds live now
   * (never seats cancelled since), so a retried checkout always leaves the seats booked.
   */
  private async reconfirm(p: Principal, event: EventRuntime, bookingId: string): Promise<void> {
    const booking = await getBooking(this.db, p.orgId, bookingId);
    if (!booking || booking.status !== 'confirmed') return;
    const seats = booking.seats.filter((s) => s.live).map((s) => s.index);
    if (seats.length) await this.confirmLive(event, { seats, ga: [] });
  }

  /**
   * The Postgres side of a booking: check the hold, check the channel still exists and holds the
   * seats (channels/booking-fence.ts), record it, queue its webhook and audit.
   */
  private async write(
    p: Principal,
    event: EventRuntime,
    req: BookInput,
    live: { seats: number[]; ga: GaQuantity[]; token: string; channelId: string | null },
    priced: ReturnType<typeof priceBooking>,
    db: Db,
    within?: (tx: Db, booking: BookingView) => Promise<void>,
  ): Promise<BookingView> {
    const eventId = event.id;
    const { channelId: _channelId, ...held } = live;
    await this.holds.command(event, () => this.store.checkHold(eventId, held));
    return inOrg(db, p.orgId, async (tx) => {
      await fenceChannelSale(tx, event, live.channelId, live.seats);
      const booking = await createBooking(tx, {
        orgId: p.orgId,
        eventId,
        seats: priced.seats,
        ga: priced.ga,
        currency: priced.currency,
        ...(req.orderRef ? { orderRef: req.orderRef } : {}),
        ...(live.channelId ? { channelId: live.channelId } : {}),
      });
      const view: BookingView = {
        bookingId: booking.id,
        seats: seatIdsOf(event, live.seats),
        ga: live.ga,
        amount: priced.amount,
        currency: priced.currency,
      };
      const payload = { eventId, orderRef: booking.orderRef, ...view };
      await this.announce(tx, p, 'booking.create', booking.id, payload, 'booking.created');
      await within?.(tx, view);
      return view;
    });
  }

  /** Writes the audit entry of an action and queues its webhook event, in its transaction. */
  private async announce(
    tx: Db,
    p: Principal,
    action: string,
    target: string,
    payload: Record<string, unknown>,
    webhook: 'booking.created' | 'booking.cancelled' | undefined,
  ): Promise<void> {
    if (webhook) await enqueueWebhook(tx, p.orgId, webhook, payload);
    await recordAudit(tx, {
      orgId: p.orgId,
      actor: auditActor(p),
      action,
      target,
      details: payload,
    });
  }

  /**
   * Queues `event.sold_out` when nothing is left to sell after a booking (called when the store's
   * booking said so, or could not say: reads a snapshot for the payload). Best effort: the
   * booking is already acknowledged, so a failure here is logged, not thrown. Two last bookings
   * racing may both see the event sold out; receivers treat the event as idempotent.
   */
  private async announceSoldOut(event: EventRuntime, db: Db, orgId: string): Promise<void> {
    try {
      const snap = await this.holds.command(event, () => this.store.snapshot(event.id));
      if (!soldOut(snap)) return;
      await db.transaction(
        (tx) =>
          enqueueWebhook(tx, orgId, 'event.sold_out', {
            eventId: event.id,
            counts: snap.counts,
            ga: snap.ga,
          }),
        { orgId },
      );
    } catch (err) {
      this.options.logger?.warn({ err, eventId: event.id }, 'could not check for sold out');
    }
  }

  /** Marks recorded seats booked in the store; Postgres already holds the truth. */
  private async confirmLive(
    event: EventRuntime,
    req: { seats: number[]; ga: GaQuantity[]; token?: string },
  ): Promise<BookResult> {
    return this.holds.command(event, () => this.store.book(event.id, { ...req, force: true }));
  }

  /** Cancels a booking or the bookings of some seats; the seats go back on sale. */
  async cancel(
    p: Principal,
    eventId: string,
    req: { bookingId: string } | { seats: string[] },
  ): Promise<{ cancelled: string[]; ga: GaQuantity[] }> {
    const event = await this.catalog.get(p.orgId, eventId);
    const cancelIn = await this.cancellation(event, req);
    const { seats, ga } = await inOrg(this.db, p.orgId, async (tx) => {
      const freed = await cancelIn(tx, p.orgId);
      const bookingId = 'bookingId' in req ? req.bookingId : undefined;
      const payload = {
        eventId,
        ...(bookingId ? { bookingId } : {}),
        seats: seatIdsOf(event, freed.seats),
        ga: freed.ga,
      };
      // Cancelling an already cancelled booking is audited but announces nothing.
      const changed = freed.seats.length > 0 || freed.ga.length > 0;
      const target = bookingId ?? `event:${eventId}`;
      await this.announce(
        tx,
        p,
        'booking.cancel',
        target,
        payload,
        changed ? 'booking.cancelled' : undefined,
      );
      return freed;
    });
    if (seats.length || ga.length) {
      // Postgres has cancelled: the store frees what it has booked (force), and a failure here is
      // logged rather than turning a done cancellation into an error the client would retry.
      await this.holds
        .command(event, () => this.store.cancel(eventId, { seats, ga, force: true }))
        .catch((err: unknown) =>
          this.options.logger?.warn({ err, eventId }, 'cancellation recorded; store not updated'),
        );
    }
    return { cancelled: seatIdsOf(event, seats), ga };
  }

  /**
   * The Postgres step of a cancellation, after the checks that need the store: all or nothing,
   * a seat cancellation is refused when one seat is not booked.
   */
  private async cancellation(
    event: EventRuntime,
    req: { bookingId: string } | { seats: string[] },
  ): Promise<(tx: Db, orgId: string) => Promise<Freed>> {
    if ('bookingId' in req) {
      return async (tx, orgId) => {
        const freed = await cancelBooking(tx, orgId, req.bookingId);
        if (!freed) throw new DomainError('NOT_FOUND', `Booking ${req.bookingId} not found`);
        return freed;
      };
    }
    const wanted = seatIndexes(event, req.seats);
    const snap = await this.holds.command(event, () => this.store.snapshot(event.id));
    const notBooked = wanted.filter((i) => snap.status[i] !== 2);
    if (notBooked.length) {
      const ids = seatIdsOf(event, notBooked);
      throw new DomainError('NOT_BOOKED', `Not booked: ${ids.join(', ')}`, { seats: ids });
    }
    return async (tx, orgId) => ({ seats: await cancelSeats(tx, orgId, event.id, wanted), ga: [] });
  }

  /** Counts and revenue from Postgres, the durable record (boxoffice/report-repo.ts). */
  async report(p: Principal, eventId: string, by: ReportGrouping) {
    const event = await this.catalog.get(p.orgId, eventId);
    const report = await eventReport(this.db, p.orgId, eventId, by, zonesOf(event.layout));
    if (!report) throw new DomainError('NOT_FOUND', `Event ${eventId} not found`);
    return { by, ...report };
  }
}
