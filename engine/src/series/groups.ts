// Group bookings (a school class): best-available for groups finds one contiguous block (or one
// run per row over a few adjacent rows), the hold service holds it all-or-nothing, the order
// service books it, and the group name is recorded in the booking's transaction. Like
// best-available, the search sees only the seats the caller's channel sells (the owner: its
// general pool; a partner: its allocation).
import {
  findGroupBlock,
  prepareBestAvailable,
  type PreparedBestAvailable,
} from '@parterre/seatmaps';
import { channelStatus, sellingChannel } from '../channels/fence.ts';
import type { Db } from '../db/db.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { seatIdsOf } from '../events/seats.ts';
import type { HoldService } from '../holds/service.ts';
import type { OrderService } from '../orders/service.ts';
import type { SeatStore } from '../store/seat-store.ts';
import { listGroups, recordGroup } from './repo.ts';

export interface GroupInput {
  groupName: string;
  quantity: number;
  category?: string;
  sectionId?: string;
  maxRows?: number;
  orderRef?: string;
  priceType?: string;
}

export interface GroupBookingView {
  bookingId: string;
  groupName: string;
  seats: string[];
  rows: number;
  amount: number;
  currency: string;
}

/** Another buyer may take a chosen seat between search and hold: search again this often. */
const ATTEMPTS = 4;

export interface GroupDeps {
  db: Db;
  store: SeatStore;
  holds: HoldService;
  orders: OrderService;
}

export class GroupBookings {
  private readonly prepared = new WeakMap<object, PreparedBestAvailable>();

  constructor(private readonly deps: GroupDeps) {}

  private preparedFor(event: EventRuntime): PreparedBestAvailable {
    let prepared = this.prepared.get(event.layout);
    if (!prepared) {
      prepared = prepareBestAvailable(event.layout);
      this.prepared.set(event.layout, prepared);
    }
    return prepared;
  }

  /** Finds and holds a block for the group; retried when a concurrent buyer wins a seat. */
  private async holdBlock(p: Principal, event: EventRuntime, input: GroupInput) {
    const channel = sellingChannel(event, p);
    for (let attempt = 1; ; attempt++) {
      const snap = await this.deps.holds.command(event, () => this.deps.store.snapshot(event.id));
      const status = channelStatus(event, channel, snap.status);
      const found = findGroupBlock(this.preparedFor(event), status, {
        quantity: input.quantity,
        focalPoint: event.focalPoint,
        ...(input.category ? { category: input.category } : {}),
        ...(input.sectionId ? { sectionId: input.sectionId } : {}),
        ...(input.maxRows ? { maxRows: input.maxRows } : {}),
      });
      if (!found) {
        throw new DomainError(
          'SEATS_UNAVAILABLE',
          `No block of ${input.quantity} seats together${input.category ? ` in category ${input.category}` : ''} is free for ${input.groupName}`,
          { seats: [] },
        );
      }
      try {
        const hold = await this.deps.holds.hold(p, event.id, {
          seats: seatIdsOf(event, found.seats),
        });
        return { hold, rows: found.rows };
      } catch (err) {
        const raced = err instanceof DomainError && err.code === 'SEATS_UNAVAILABLE';
        if (!raced || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  /** Holds a block for the group and books it with the group's name; all or nothing. */
  async book(p: Principal, eventId: string, input: GroupInput): Promise<GroupBookingView> {
    const event = await this.deps.holds.openEvent(p, eventId);
    const { hold, rows } = await this.holdBlock(p, event, input);
    const { groupName } = input;
    let booked;
    try {
      booked = await this.deps.orders.book(
        p,
        eventId,
        {
          seats: hold.seats,
          holdToken: hold.holdToken,
          orderRef: input.orderRef ?? groupName,
          ...(input.priceType ? { priceType: input.priceType } : {}),
        },
        undefined,
        // The name is part of the booking: written in its transaction, never missing.
        (tx, view) => recordGroup(tx, p.orgId, { bookingId: view.bookingId, eventId, groupName }),
      );
    } catch (err) {
      await this.deps.holds
        .release(p, eventId, { holdToken: hold.holdToken })
        .catch(() => undefined);
      throw err;
    }
    const { bookingId } = booked.body;
    return {
      bookingId,
      groupName: input.groupName,
      seats: booked.body.seats,
      rows,
      amount: booked.body.amount,
      currency: booked.body.currency,
    };
  }

  async list(p: Principal, eventId: string) {
    await this.deps.holds.openEvent(p, eventId);
    const groups = await listGroups(this.deps.db, p.orgId, eventId);
    return {
      eventId,
      groups: groups.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    };
  }
}
