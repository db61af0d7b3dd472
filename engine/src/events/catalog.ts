// The engine's view of on-sale events: the event row, its immutable published layout, and the
// guarantee that the live seat store holds the event's state. Layouts are cached per map version
// (they never change); event rows are re-read after a short TTL so price or sales changes made on
// another node show up without a restart.
import { buildLayout, migrate, type Layout, type Point } from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { DbUnavailable } from '../db/errors.ts';
import { DomainError } from '../errors.ts';
import { getVersion } from '../maps/repo.ts';
import { getSharedEvent } from '../channels/repo.ts';
import { loadEventChannels, type EventChannels } from '../channels/runtime.ts';
import { SeatStoreError } from '../store/errors.ts';
import type { SeatStore } from '../store/seat-store.ts';
import { bumpEpoch, getEvent, liveState, type EventRecord } from './repo.ts';

/** An event ready for live commands. */
export interface EventRuntime extends Omit<EventRecord, 'createdAt'> {
  layout: Layout;
  /** Where the stage is: best-available scores seats by distance to it. */
  focalPoint: Point;
  /** Seat ids in index order. */
  seatIds: readonly string[];
  /** The channels the asking organisation sees (channels/runtime.ts). */
  channels: EventChannels;
}

interface Published {
  layout: Layout;
  focalPoint: Point;
}

interface Cached {
  at: number;
  event: Promise<EventRuntime>;
  /** The last event read successfully, served while Postgres cannot be reached. */
  last?: EventRuntime;
}

const EVENT_TTL_MS = 5_000;

export class EventCatalog {
  private readonly events = new Map<string, Cached>();
  private readonly layouts = new Map<string, Promise<Published>>();
  private readonly rebuilding = new Map<string, Promise<void>>();
  private readonly live = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly store: SeatStore,
  ) {}

  /**
   * The event of `orgId` with its layout, or an event shared with `orgId` through a partner
   * channel (its `orgId` is then the owner's); NOT_FOUND for a missing id and for another
   * organisation's id alike.
   */
  async get(orgId: string, eventId: string): Promise<EventRuntime> {
    // Keyed by organisation too: another organisation asking for this id (ids are public in
    // storefronts) must neither evict nor replace the owner's entry.
    const key = `${orgId}\u0000${eventId}`;
    let cached = this.events.get(key);
    if (!cached || Date.now() - cached.at > EVENT_TTL_MS) {
      // Holds live in the store, not in Postgres: while Postgres is away, keep serving the last
      // event row we read rather than failing every hold once the cache expires.
      const last = cached?.last;
      const event = this.load(orgId, eventId).catch((err: unknown) => {
        if (last && err instanceof DbUnavailable) return last;
        throw err;
      });
      const entry: Cached = { at: Date.now(), event, ...(last ? { last } : {}) };
      cached = entry;
      this.events.set(key, entry);
      event.then(
        (e) => (entry.last = e),
        () => {
          if (this.events.get(key) === entry) this.events.delete(key);
        },
      );
    }
    return cached.event;
  }

  /** Forgets the cached event row (after its prices or sales window changed). */
  invalidate(eventId: string): void {
    for (const key of this.events.keys()) {
      if (key.endsWith(`\u0000${eventId}`)) this.events.delete(key);
    }
  }

  /**
   * Runs a store command for the event, making sure the store has the event first. When the store
   * answers EVENT_NOT_LOADED (Redis lost its data), the event is rebuilt from Postgres under a new
   * epoch and the command retried once: Postgres bookings and blocks are the durable truth.
   */
  async run<T>(event: EventRuntime, command: () => Promise<T>): Promise<T> {
    if (!this.live.has(event.id)) await this.ensureLive(event);
    try {
      return await command();
    } catch (err) {
      if (!(err instanceof SeatStoreError) || err.code !== 'EVENT_NOT_LOADED') throw err;
      this.live.delete(event.id);
      await this.ensureLive(event);
      return command();
    }
  }

  /** Loads the event into the store when it is not there (first use, or after data loss). */
  async ensureLive(event: EventRuntime): Promise<void> {
    // One rebuild per event at a time in this process. Another node may race us: the store's
    // restore is if-absent, so the first rebuild wins and a later one, built from an older read
    // of Postgres, cannot erase seats booked in between.
    let pending = this.rebuilding.get(event.id);
    if (!pending) {
      pending = this.rebuild(event).finally(() => this.rebuilding.delete(event.id));
      this.rebuilding.set(event.id, pending);
    }
    await pending;
  }

  private async rebuild(event: EventRuntime): Promise<void> {
    if (await this.store.hasEvent(event.id)) {
      this.live.add(event.id);
      return;
    }
    const state = await liveState(this.db, event.orgId, event.id);
    if (!state) throw notFound(event.id);
    const epoch = await bumpEpoch(this.db, event.orgId, event.id);
    await this.store.restoreEvent({
      eventId: event.id,
      seatCount: event.seatCount,
      ga: event.layout.gaAreas.map((a) => ({ areaId: a.id, capacity: a.capacity })),
      booked: state.bookedSeats,
      blocked: state.blocked,
      gaBooked: state.gaBooked,
      epoch,
      ifAbsent: true,
    });
    this.live.add(event.id);
    this.invalidate(event.id);
  }

  private async load(orgId: string, eventId: string): Promise<EventRuntime> {
    const record =
      (await getEvent(this.db, orgId, eventId)) ?? (await getSharedEvent(this.db, orgId, eventId));
    if (!record) throw notFound(eventId);
    // The layout is read in the owner's organisation: published versions are immutable and
    // cached per version for every organisation that sells the event.
    const [{ layout, focalPoint }, channels] = await Promise.all([
      this.layout(record.orgId, record.seatmapId, record.seatmapVersion),
      loadEventChannels(this.db, orgId, eventId),
    ]);
    const { createdAt: _createdAt, ...rest } = record;
    // A partner sells (and shows) its channel's own prices when it has them.
    const own =
      record.orgId === orgId ? undefined : channels.list.find((c) => c.partnerOrgId === orgId);
    const prices = own?.prices ?? record.prices;
    return {
      ...rest,
      prices,
      layout,
      focalPoint,
      seatIds: layout.seats.map((s) => s.id),
      channels,
    };
  }

  private layout(orgId: string, seatmapId: string, version: number): Promise<Published> {
    const key = `${seatmapId}@${version}`;
    let layout = this.layouts.get(key);
    if (!layout) {
      layout = this.loadLayout(orgId, seatmapId, version);
      this.layouts.set(key, layout);
      layout.catch(() => this.layouts.delete(key));
    }
    return layout;
  }

  private async loadLayout(orgId: string, seatmapId: string, version: number): Promise<Published> {
    const stored = await getVersion(this.db, orgId, seatmapId, version);
    if (!stored) throw new DomainError('NOT_FOUND', `Seat map ${seatmapId} v${version} not found`);
    const doc = migrate(stored.document);
    if (!doc.success) {
      throw new Error(`Published seat map ${seatmapId} v${version} no longer parses`);
    }
    const layout = buildLayout(doc.data);
    // Seat indexes are fixed at publish time; a layout that disagrees would misplace every seat.
    const ids = stored.layout.seatIds;
    if (ids.length !== layout.seats.length || layout.seats.some((s, i) => s.id !== ids[i])) {
      throw new Error(`Layout of ${seatmapId} v${version} does not match its published seat order`);
    }
    return { layout, focalPoint: doc.data.focalPoint };
  }
}

const notFound = (eventId: string) => new DomainError('NOT_FOUND', `Event ${eventId} not found`);
