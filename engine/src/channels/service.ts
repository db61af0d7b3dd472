// Managing an event's channels: the owner creates them, allocates free seats and standing places
// to them, releases what they did not sell back to the general pool, and reads sell-through per
// channel. A partner may list its own channel; everything else is the owner's. Selling through a
// channel happens in the hold and booking services, guarded by channels/fence.ts.
import type { Db } from '../db/db.ts';
import { UniqueViolation } from '../db/errors.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventCatalog, EventRuntime } from '../events/catalog.ts';
import { checkPrices } from '../events/check-settings.ts';
import type { Price } from '../events/repo.ts';
import { checkGaAreas, seatIdsOf, seatIndexes } from '../events/seats.ts';
import type { HoldService } from '../holds/service.ts';
import { getVersion } from '../maps/repo.ts';
import type { SeatStore } from '../store/seat-store.ts';
import type { ChannelChanges } from './changes.ts';
import { deleteOwnChannel, renameOwnChannel, type DeletedChannel } from './edit.ts';
import { isPartner } from './fence.ts';
import {
  addAllocations,
  channelSold,
  createChannel,
  gaTaken,
  getChannel,
  listChannels,
  liveBookedSeats,
  lockGaArea,
  lockSeatAllocations,
  organisationExists,
  removeSeatAllocations,
  sellThrough,
  setGaAllocation,
  type ChannelAllocations,
  type ChannelKind,
  type GaAllocation,
} from './repo.ts';

/** A channel as the API shows it: seat ids, not indexes. */
export interface ChannelResult {
  id: string;
  eventId: string;
  kind: ChannelKind;
  name: string;
  partnerOrgId: string | null;
  prices: Required<Price>[] | null;
  seats: string[];
  ga: GaAllocation[];
  createdAt: string;
}

export interface CreateChannelBody {
  kind: ChannelKind;
  name: string;
  partnerOrgId?: string;
  prices?: Price[];
}

export interface AllocationBody {
  seats?: string[];
  ga?: GaAllocation[];
}

/** What to release: named seats and quantities, or (both omitted) everything unsold. */
export interface ReleaseAllocationBody {
  seats?: string[];
  ga?: { areaId: string; quantity?: number }[];
}

export interface SellThroughChannel {
  /** null: the owner's general sale (what no channel holds). */
  channelId: string | null;
  name: string;
  kind: ChannelKind | 'general';
  allocated: { seats: number; ga: GaAllocation[] };
  sold: {
    bookings: number;
    seats: number;
    ga: number;
    revenue: { currency: string; amount: number }[];
  };
}

const emptySold = (): SellThroughChannel['sold'] => ({ bookings: 0, seats: 0, ga: 0, revenue: [] });

export class ChannelService {
  constructor(
    private readonly db: Db,
    private readonly store: SeatStore,
    private readonly catalog: EventCatalog,
    private readonly holds: HoldService,
    /** Forgets every node's cached channels of an event after a change (changes.ts). */
    readonly changes: ChannelChanges,
  ) {}

  /** Creates a channel of the caller's event. */
  async create(p: Principal, eventId: string, body: CreateChannelBody): Promise<ChannelResult> {
    const event = await this.ownEvent(p, eventId);
    const partnerOrgId = body.partnerOrgId;
    if ((body.kind === 'partner') !== (partnerOrgId !== undefined)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A partner channel, and only one, names partnerOrgId',
        {
          fields: {
            partnerOrgId: body.kind === 'partner' ? 'required' : 'only for kind "partner"',
          },
        },
      );
    }
    if (body.prices) await this.checkPrices(event, body.prices);
    if (partnerOrgId !== undefined) await this.checkPartner(p, partnerOrgId);
    const created = await createChannel(this.db, {
      orgId: p.orgId,
      eventId,
      kind: body.kind,
      name: body.name,
      ...(partnerOrgId ? { partnerOrgId } : {}),
      ...(body.prices ? { prices: body.prices } : {}),
    }).catch((err: unknown) => {
      if (err instanceof UniqueViolation && err.constraint === 'channels_partner_once') {
        throw new DomainError(
          'VALIDATION_FAILED',
          'This partner already has a channel for the event',
          {
            fields: { partnerOrgId: 'already has a channel for this event' },
          },
        );
      }
      throw err;
    });
    if (!created) throw notFound(eventId);
    await this.changes.changed(p.orgId, eventId);
    return result(event, created);
  }

  /** Like the event's own prices: categories of the event's map version, one per price type. */
  private async checkPrices(event: EventRuntime, prices: Price[]): Promise<void> {
    const version = await getVersion(this.db, event.orgId, event.seatmapId, event.seatmapVersion);
    if (!version) throw notFound(event.id);
    checkPrices(prices, version.document);
  }

  private async checkPartner(p: Principal, partnerOrgId: string): Promise<void> {
    if (partnerOrgId === p.orgId || !(await organisationExists(this.db, partnerOrgId))) {
      throw new DomainError('VALIDATION_FAILED', `No partner organisation ${partnerOrgId}`, {
        fields: { partnerOrgId: 'must name another organisation' },
      });
    }
  }

  /** The event's channels: all of them for the owner, its own for a partner. */
  async list(p: Principal, eventId: string): Promise<ChannelResult[]> {
    const event = await this.catalog.get(p.orgId, eventId);
    const channels = await listChannels(this.db, p.orgId, eventId);
    return channels.map((c) => result(event, c));
  }

  /**
   * Allocates free seats (not held, booked, blocked or in another channel) and standing places
   * (within what the general sale still has) to a channel, all or nothing.
   */
  async allocate(
    p: Principal,
    eventId: string,
    channelId: string,
    body: AllocationBody,
  ): Promise<ChannelResult> {
    const event = await this.ownEvent(p, eventId);
    const channel = await this.channelOf(p, eventId, channelId);
    const seats = seatIndexes(event, body.seats ?? []);
    const ga = body.ga ?? [];
    checkGaAreas(event, ga);
    if (seats.length === 0 && ga.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Name at least one seat or standing quantity', {
        fields: { seats: 'must not be empty' },
      });
    }
    const snap = await this.holds.command(event, () => this.store.snapshot(eventId));
    const taken = seats.filter((i) => snap.status[i] !== 0 || event.channels.seatChannel.has(i));
    if (taken.length) throw unavailable(event, taken);
    await inOrg(this.db, p.orgId, async (tx) => {
      // Bookings that passed their channel check before the snapshot may have committed since:
      // under the lock, no booking is between its check and its commit, so what Postgres has
      // booked now is final until this allocation commits.
      await lockSeatAllocations(tx, eventId);
      const sold = await liveBookedSeats(tx, eventId, seats);
      if (sold.length) throw unavailable(event, sold);
      for (const g of [...ga].sort((a, b) => a.areaId.localeCompare(b.areaId))) {
        await lockGaArea(tx, eventId, g.areaId);
        const free = generalFree(event, await gaTaken(tx, eventId, g.areaId), g.areaId, snap.ga);
        if (g.quantity > free) {
          throw new DomainError('GA_UNAVAILABLE', `Only ${free} places of ${g.areaId} are free`, {
            areas: [g.areaId],
          });
        }
      }
      await addAllocations(tx, channel, seats, ga).catch((err: unknown) => {
        // Another allocation of the same seat won the race.
        if (err instanceof UniqueViolation) throw unavailable(event, seats);
        throw err;
      });
    });
    await this.changes.changed(p.orgId, eventId);
    return result(event, (await getChannel(this.db, p.orgId, eventId, channelId))!);
  }

  /**
   * Gives unsold seats and places of a channel back to the general sale: the named ones (or all
   * of them). Sold seats and places stay with the channel; they are reported, not refused.
   */
  async release(
    p: Principal,
    eventId: string,
    channelId: string,
    body: ReleaseAllocationBody,
  ): Promise<{ seats: string[]; ga: GaAllocation[]; kept: { seats: string[] } }> {
    const event = await this.ownEvent(p, eventId);
    const channel = await this.channelOf(p, eventId, channelId);
    const everything = body.seats === undefined && body.ga === undefined;
    const wanted = body.seats ? seatIndexes(event, body.seats) : everything ? channel.seats : [];
    checkGaAreas(event, body.ga ?? []);
    const notAllocated = wanted.filter((i) => !channel.seats.includes(i));
    if (notAllocated.length) {
      const ids = seatIdsOf(event, notAllocated);
      throw new DomainError(
        'NOT_IN_CHANNEL',
        `Not allocated to ${channel.name}: ${ids.join(', ')}`,
        {
          seats: ids,
        },
      );
    }
    const outcome = await inOrg(this.db, p.orgId, async (tx) => {
      const areas: { areaId: string; quantity?: number }[] = everything
        ? channel.ga.map((g) => ({ areaId: g.areaId }))
        : (body.ga ?? []);
      const sorted = [...areas].sort((a, b) => a.areaId.localeCompare(b.areaId));
      // No partner booking is between its channel check and its commit while this is held, so
      // what channelSold reads is every sale of these seats.
      await lockSeatAllocations(tx, eventId);
      for (const a of sorted) await lockGaArea(tx, eventId, a.areaId);
      const sold = await channelSold(tx, eventId, channelId);
      const unsold = wanted.filter((i) => !sold.seats.has(i));
      const seats = await removeSeatAllocations(tx, channel, unsold);
      const ga: GaAllocation[] = [];
      for (const a of sorted) {
        const has = channel.ga.find((g) => g.areaId === a.areaId)?.quantity ?? 0;
        const floor = sold.ga.get(a.areaId) ?? 0;
        const keep = Math.max(floor, has - (a.quantity ?? has));
        if (keep < has) {
          await setGaAllocation(tx, channel, a.areaId, keep);
          ga.push({ areaId: a.areaId, quantity: has - keep });
        }
      }
      return { seats, ga, kept: wanted.filter((i) => sold.seats.has(i)) };
    });
    await this.changes.changed(p.orgId, eventId);
    return {
      seats: seatIdsOf(event, outcome.seats),
      ga: outcome.ga,
      kept: { seats: seatIdsOf(event, outcome.kept) },
    };
  }

  /** Renames a channel of the caller's event (names need not be unique); audited. */
  async rename(
    p: Principal,
    eventId: string,
    channelId: string,
    name: string,
  ): Promise<ChannelResult> {
    const event = await this.ownEvent(p, eventId);
    const channel = await this.channelOf(p, eventId, channelId);
    await renameOwnChannel(this.db, p, channel, name);
    await this.changes.changed(p.orgId, eventId);
    return result(event, { ...channel, name });
  }

  /**
   * Deletes a channel that sold nothing still live (409 CHANNEL_IN_USE otherwise); its whole
   * allocation goes back to the general sale in the same transaction. Audited.
   */
  async remove(p: Principal, eventId: string, channelId: string): Promise<DeletedChannel> {
    const event = await this.ownEvent(p, eventId);
    const deleted = await deleteOwnChannel(this.db, p, event, channelId);
    await this.changes.changed(p.orgId, eventId);
    return deleted;
  }

  /**
   * Per channel (and the general sale): what it is allocated and what it sold, from Postgres.
   * Numbers only: a partner's bookings stay the partner's.
   */
  async sellThrough(p: Principal, eventId: string): Promise<SellThroughChannel[]> {
    const event = await this.ownEvent(p, eventId);
    const [channels, rows] = await Promise.all([
      listChannels(this.db, p.orgId, eventId),
      sellThrough(this.db, p.orgId, eventId),
    ]);
    const allocatedSeats = channels.reduce((n, c) => n + c.seats.length, 0);
    const general: SellThroughChannel = {
      channelId: null,
      name: 'General sale',
      kind: 'general',
      allocated: {
        seats: event.seatCount - allocatedSeats,
        ga: event.layout.gaAreas.map((a) => ({
          areaId: a.id,
          quantity: Math.max(
            0,
            a.capacity -
              channels
                .flatMap((c) => c.ga)
                .filter((g) => g.areaId === a.id)
                .reduce((n, g) => n + g.quantity, 0),
          ),
        })),
      },
      sold: emptySold(),
    };
    const out: SellThroughChannel[] = [
      general,
      ...channels.map((c) => ({
        channelId: c.id,
        name: c.name,
        kind: c.kind,
        allocated: { seats: c.seats.length, ga: c.ga },
        sold: emptySold(),
      })),
    ];
    for (const r of rows) {
      const entry = out.find((c) => c.channelId === r.channelId);
      if (!entry) continue;
      entry.sold.bookings += r.bookings;
      entry.sold.seats += r.seats;
      entry.sold.ga += r.ga;
      entry.sold.revenue.push({ currency: r.currency, amount: r.revenue });
    }
    return out;
  }

  private async ownEvent(p: Principal, eventId: string): Promise<EventRuntime> {
    const event = await this.catalog.get(p.orgId, eventId);
    if (isPartner(event, p)) {
      throw new DomainError(
        'FORBIDDEN',
        `Only the organisation running ${event.name} manages its channels`,
      );
    }
    return event;
  }

  private async channelOf(
    p: Principal,
    eventId: string,
    channelId: string,
  ): Promise<ChannelAllocations> {
    const channel = await getChannel(this.db, p.orgId, eventId, channelId);
    if (!channel) throw new DomainError('NOT_FOUND', `Channel ${channelId} not found`);
    return channel;
  }
}

const notFound = (eventId: string) => new DomainError('NOT_FOUND', `Event ${eventId} not found`);

function unavailable(event: EventRuntime, seats: number[]): DomainError {
  const ids = seatIdsOf(event, seats);
  return new DomainError('SEATS_UNAVAILABLE', `Not free to allocate: ${ids.join(', ')}`, {
    seats: ids,
  });
}

/**
 * Places of an area the general sale could still give a channel: its share (capacity less every
 * allocation) less what it sold (Postgres) and, from the live store, what is held right now.
 */
function generalFree(
  event: EventRuntime,
  figures: Awaited<ReturnType<typeof gaTaken>>,
  areaId: string,
  live: readonly { areaId: string; held: number; booked: number; capacity: number }[],
): number {
  const capacity = event.layout.gaAreas.find((a) => a.id === areaId)?.capacity ?? 0;
  const allocated = figures.reduce((n, f) => n + (f.channelId === null ? 0 : f.allocated), 0);
  const sold = figures.find((f) => f.channelId === null)?.taken ?? 0;
  const area = live.find((a) => a.areaId === areaId);
  const storeFree = area ? area.capacity - area.held - area.booked : capacity;
  return Math.max(0, Math.min(capacity - allocated - sold, storeFree));
}

function result(event: EventRuntime, c: ChannelAllocations): ChannelResult {
  return {
    id: c.id,
    eventId: c.eventId,
    kind: c.kind,
    name: c.name,
    partnerOrgId: c.partnerOrgId,
    prices: c.prices,
    seats: seatIdsOf(event, c.seats),
    ga: c.ga,
    createdAt: c.createdAt.toISOString(),
  };
}
