// Holding seats: the commands visitors and the box office use before a booking. Each command
// resolves seat ids to indexes, runs one atomic store command through the catalog (which rebuilds
// the event if the store lost it) and answers in seat ids.
import {
  findBestAvailable,
  prepareBestAvailable,
  type PreparedBestAvailable,
} from '@parterre/seatmaps';
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import { channelStatus, checkAllocation, isPartner, sellingChannel } from '../channels/fence.ts';
import type { ChannelView } from '../channels/runtime.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, fromStoreError, type Principal } from '../errors.ts';
import type { EventCatalog, EventRuntime } from '../events/catalog.ts';
import { checkGaAreas, seatIdsOf, seatIndexes } from '../events/seats.ts';
import { salesClosedMessage, salesState } from '../events/sales-window.ts';
import { addBlocks, removeBlocks } from '../orders/repo.ts';
import type { GaQuantity, GaState, HoldInfo, SeatStore } from '../store/seat-store.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { checkTokenForEvent, holdTokenEvent, newHoldToken } from './tokens.ts';

/** A hold as clients see it. */
export interface HoldView {
  holdToken: string;
  expiresAt: string;
  seats: string[];
  ga: GaQuantity[];
}

export interface Availability {
  epoch: number;
  seq: number;
  counts: { free: number; held: number; booked: number; blocked: number };
  status: Uint8Array;
  ga: GaState[];
  seatIds: readonly string[];
}

export interface HoldRequestInput {
  seats: string[];
  ga?: GaQuantity[];
  holdToken?: string;
  /** The owner's channel to sell through (partners always sell through their own). */
  channelId?: string;
}

export interface BestAvailableInput {
  quantity: number;
  category?: string;
  sectionId?: string;
  together?: boolean;
  accessible?: boolean;
  holdToken?: string;
  /** As in {@link HoldRequestInput}. */
  channelId?: string;
}

/** Another buyer may take the chosen seats between search and hold; search again this often. */
const BEST_AVAILABLE_ATTEMPTS = 4;

export class HoldService {
  /** Best-available row structures, built once per published layout. */
  private readonly prepared = new WeakMap<object, PreparedBestAvailable>();
  private readonly searches = new KeyedQueue();

  constructor(
    private readonly db: Db,
    private readonly store: SeatStore,
    private readonly catalog: EventCatalog,
    private readonly maxHoldSeconds: number,
  ) {}

  /** Holds seats and GA quantities all-or-nothing, or adds them to an existing hold. */
  async hold(p: Principal, eventId: string, req: HoldRequestInput): Promise<HoldView> {
    const event = await this.openEvent(p, eventId);
    const seats = seatIndexes(event, req.seats);
    const ga = req.ga ?? [];
    checkGaAreas(event, ga);
    if (seats.length === 0 && ga.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Name at least one seat or standing quantity', {
        fields: { seats: 'must not be empty' },
      });
    }
    checkAllocation(event, sellingChannel(event, p, req.channelId), seats, ga);
    const token = req.holdToken
      ? checkTokenForEvent(req.holdToken, eventId)
      : newHoldToken(eventId);
    const held = await this.command(event, () =>
      this.store.hold(eventId, { token, seats, ga, ttlMs: event.holdTtlSeconds * 1000 }),
    );
    return view(event, held);
  }

  /**
   * Finds the best `quantity` free seats (seatmaps' best-available over the live status) and holds
   * them atomically. The search reads a snapshot, so a concurrent buyer may win a chosen seat; the
   * hold then fails all-or-nothing and the search runs again on fresh state.
   */
  async bestAvailable(p: Principal, eventId: string, req: BestAvailableInput): Promise<HoldView> {
    const event = await this.openEvent(p, eventId);
    const token = req.holdToken
      ? checkTokenForEvent(req.holdToken, eventId)
      : newHoldToken(eventId);
    const channel = sellingChannel(event, p, req.channelId);
    return this.searches.run(eventId, () => this.searchAndHold(event, channel, token, req));
  }

  private async searchAndHold(
    event: EventRuntime,
    channel: ChannelView | null,
    token: string,
    req: BestAvailableInput,
  ): Promise<HoldView> {
    const eventId = event.id;
    const prepared = this.preparedFor(event);
    for (let attempt = 1; ; attempt++) {
      const snap = await this.command(event, () => this.store.snapshot(eventId));
      // Only the seats this channel sells are candidates.
      const found = findBestAvailable(prepared, channelStatus(event, channel, snap.status), {
        quantity: req.quantity,
        focalPoint: event.focalPoint,
        ...(req.category ? { category: req.category } : {}),
        ...(req.sectionId ? { sectionId: req.sectionId } : {}),
        ...(req.together !== undefined ? { together: req.together } : {}),
        ...(req.accessible ? { accessible: true } : {}),
      });
      if (!found) {
        throw new DomainError(
          'SEATS_UNAVAILABLE',
          `No ${req.quantity} seats${req.together ? ' together' : ''} are available${
            req.category ? ` in category ${req.category}` : ''
          }`,
          { seats: [] },
        );
      }
      try {
        const held = await this.command(event, () =>
          this.store.hold(eventId, {
            token,
            seats: found.seats,
            ttlMs: event.holdTtlSeconds * 1000,
          }),
        );
        return view(event, held);
      } catch (err) {
        const raced = err instanceof DomainError && err.code === 'SEATS_UNAVAILABLE';
        if (!raced || attempt >= BEST_AVAILABLE_ATTEMPTS) throw err;
      }
    }
  }

  private preparedFor(event: EventRuntime): PreparedBestAvailable {
    let prepared = this.prepared.get(event.layout);
    if (!prepared) {
      prepared = prepareBestAvailable(event.layout);
      this.prepared.set(event.layout, prepared);
    }
    return prepared;
  }

  /** Gives seats of a hold back (all of them when `seats` is omitted). */
  async release(
    p: Principal,
    eventId: string,
    req: { holdToken: string; seats?: string[] },
  ): Promise<{ released: string[] }> {
    const event = await this.catalog.get(p.orgId, eventId);
    const token = checkTokenForEvent(req.holdToken, eventId);
    const seats = req.seats ? seatIndexes(event, req.seats) : undefined;
    const result = await this.command(event, () =>
      this.store.release(eventId, seats ? { token, seats } : { token }),
    );
    return { released: seatIdsOf(event, result.released) };
  }

  /** Moves a hold's expiry to now + `seconds` (capped at the configured maximum). */
  async extend(p: Principal, holdToken: string, seconds: number): Promise<HoldView> {
    const eventId = holdTokenEvent(holdToken);
    const event = await this.catalog.get(p.orgId, eventId);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > this.maxHoldSeconds) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `seconds must be a whole number from 1 to ${this.maxHoldSeconds}`,
        { fields: { seconds: `must be 1…${this.maxHoldSeconds}` } },
      );
    }
    await this.command(event, () =>
      this.store.extend(eventId, { token: holdToken, ttlMs: seconds * 1000 }),
    );
    const hold = await this.command(event, () => this.store.getHold(eventId, holdToken));
    if (!hold) throw new DomainError('HOLD_EXPIRED', 'This hold has expired; hold the seats again');
    return view(event, hold);
  }

  /** The live hold of a token, or HOLD_NOT_FOUND. */
  async get(p: Principal, holdToken: string): Promise<HoldView> {
    const eventId = holdTokenEvent(holdToken);
    const event = await this.catalog.get(p.orgId, eventId);
    const hold = await this.command(event, () => this.store.getHold(eventId, holdToken));
    if (!hold) throw new DomainError('HOLD_NOT_FOUND', 'This hold does not exist or has expired');
    return view(event, hold);
  }

  /**
   * Takes free seats out of sale (house seats, broken seats). The store decides first, all or
   * nothing; the block is then recorded in Postgres (with its audit entry) so a rebuild keeps it.
   * If that write fails, the seats are put back so the two never disagree for long.
   */
  async block(p: Principal, eventId: string, seatIds: string[], reason: string) {
    const event = await this.ownEvent(p, eventId);
    const seats = seatIndexes(event, seatIds);
    await this.command(event, () => this.store.block(eventId, { seats }));
    try {
      await inOrg(this.db, p.orgId, async (tx) => {
        await addBlocks(tx, p.orgId, eventId, seats, reason);
        await this.audit(tx, p, 'seats.block', event, { seats: seatIds, reason });
      });
    } catch (err) {
      // Report the write's failure, not a failed rollback's (the store may be rebuilding).
      await this.command(event, () => this.store.unblock(eventId, { seats })).catch(
        () => undefined,
      );
      throw err;
    }
    return { seats: seatIdsOf(event, seats) };
  }

  /** Puts blocked seats back on sale: Postgres first, so a crash between leaves them blocked. */
  async unblock(p: Principal, eventId: string, seatIds: string[]) {
    const event = await this.ownEvent(p, eventId);
    const seats = seatIndexes(event, seatIds);
    const snapshot = await this.command(event, () => this.store.snapshot(eventId));
    const notBlocked = seats.filter((i) => snapshot.status[i] !== 3);
    if (notBlocked.length) {
      const ids = seatIdsOf(event, notBlocked);
      throw new DomainError('NOT_BLOCKED', `Not blocked: ${ids.join(', ')}`, { seats: ids });
    }
    await inOrg(this.db, p.orgId, async (tx) => {
      await removeBlocks(tx, p.orgId, eventId, seats);
      await this.audit(tx, p, 'seats.unblock', event, { seats: seatIds });
    });
    await this.command(event, () => this.store.unblock(eventId, { seats }));
    return { seats: seatIdsOf(event, seats) };
  }

  /** An event the caller owns: a partner sells its channel but never blocks the owner's seats. */
  private async ownEvent(p: Principal, eventId: string): Promise<EventRuntime> {
    const event = await this.catalog.get(p.orgId, eventId);
    if (isPartner(event, p)) {
      throw new DomainError('FORBIDDEN', `Only the organisation running ${event.name} may do this`);
    }
    return event;
  }

  private audit(
    tx: Db,
    p: Principal,
    action: string,
    event: EventRuntime,
    details: Record<string, unknown>,
  ): Promise<void> {
    const target = `event:${event.id}`;
    return recordAudit(tx, { orgId: p.orgId, actor: auditActor(p), action, target, details });
  }

  /** The live state of every seat and GA area. */
  async availability(p: Principal, eventId: string): Promise<Availability> {
    const event = await this.catalog.get(p.orgId, eventId);
    const snap = await this.command(event, () => this.store.snapshot(eventId));
    return { ...snap, seatIds: event.seatIds };
  }

  /** The event, refusing public keys outside its sales (switch off, or outside the window). */
  async openEvent(p: Principal, eventId: string): Promise<EventRuntime> {
    const event = await this.catalog.get(p.orgId, eventId);
    const now = Date.now();
    if (p.kind === 'public' && salesState(event, now) !== 'open') {
      throw new DomainError('SALES_CLOSED', salesClosedMessage(event.name, event, now));
    }
    return event;
  }

  /** Runs a store command for the event, translating store errors into seat ids. */
  command<T>(event: EventRuntime, fn: () => Promise<T>): Promise<T> {
    return this.catalog.run(event, fn).catch((err: unknown) => {
      throw fromStoreError(err, event.seatIds);
    });
  }
}

export function view(event: EventRuntime, hold: HoldInfo): HoldView {
  return {
    holdToken: hold.token,
    expiresAt: new Date(hold.expiresAt).toISOString(),
    seats: seatIdsOf(event, hold.seats),
    ga: hold.ga,
  };
}
