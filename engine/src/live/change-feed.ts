// The node's one change feed. The store tells us "event X changed" (for changes made on any
// node); we mark X dirty and, at most once per flush interval, read everything since the last
// seq we sent with ONE changesSince call and broadcast ONE seats message to X's room. socket.io
// encodes a room broadcast once, so the cost per flush is one store read and one serialisation,
// however many sockets watch and however many changes happened: a rush of 5,000 changes/s
// becomes ~1000/interval messages per second per event.
import type { Namespace } from 'socket.io';
import type { SeatStore } from '../store/seat-store.ts';
import type { LiveLogger } from './deps.ts';
import { eventRoom, toSeatsMessage } from './wire.ts';

/** Per-event fan-out state on this node. `lastSeq` undefined: no baseline yet. */
interface FeedState {
  epoch: number | undefined;
  lastSeq: number | undefined;
  dirty: boolean;
  flushing: boolean;
  timer: NodeJS.Timeout | undefined;
  lastFlushAt: number;
}

export interface ChangeFeedOptions {
  store: SeatStore;
  nsp: Namespace;
  flushIntervalMs: number;
  ensureLive(eventId: string): Promise<void>;
  log?: LiveLogger | undefined;
}

/** Counters for monitoring and benchmarks. */
export interface FeedStats {
  messages: number;
  changes: number;
  resyncs: number;
}

/**
 * Coalesces store changes into per-event `seats` messages.
 *
 * Subscribing is race-free because a subscriber joins the room and calls {@link track} BEFORE it
 * reads its snapshot: any change committed after that read is either in a later message, or in a
 * message whose range overlaps the snapshot (clients apply those: a batch carries final statuses).
 */
export class ChangeFeed {
  private readonly events = new Map<string, FeedState>();
  private readonly unsubscribe: () => void;
  private closed = false;
  readonly stats: FeedStats = { messages: 0, changes: 0, resyncs: 0 };

  constructor(private readonly opts: ChangeFeedOptions) {
    this.unsubscribe = opts.store.onChange((eventId) => this.markDirty(eventId));
    opts.nsp.adapter.on('delete-room', this.forget);
  }

  /** Forgets an event as soon as its last local subscriber leaves. */
  private readonly forget = (room: string): void => {
    if (!room.startsWith('ev:')) return;
    const eventId = room.slice(3);
    const state = this.events.get(eventId);
    if (state?.timer) clearTimeout(state.timer);
    this.events.delete(eventId);
  };

  /** Starts watching `eventId` (call after joining its room, before reading its state). */
  track(eventId: string): void {
    if (this.closed || this.events.has(eventId)) return;
    this.events.set(eventId, {
      epoch: undefined,
      lastSeq: undefined,
      dirty: false,
      flushing: false,
      timer: undefined,
      lastFlushAt: 0,
    });
  }

  /** Gives a tracked event its first baseline: the state a subscriber just read. */
  baseline(eventId: string, epoch: number, seq: number): void {
    const state = this.events.get(eventId);
    if (!state || state.lastSeq !== undefined) return;
    state.epoch = epoch;
    state.lastSeq = seq;
    if (state.dirty) this.schedule(eventId, state);
  }

  /** Stops the feed: no more reads or messages. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.opts.nsp.adapter.off('delete-room', this.forget);
    for (const state of this.events.values()) if (state.timer) clearTimeout(state.timer);
    this.events.clear();
  }

  private markDirty(eventId: string): void {
    const state = this.events.get(eventId);
    if (!state) return;
    state.dirty = true;
    this.schedule(eventId, state);
  }

  private schedule(eventId: string, state: FeedState): void {
    if (state.timer || state.flushing || state.lastSeq === undefined || this.closed) return;
    if (this.events.get(eventId) !== state) return;
    const wait = Math.max(0, state.lastFlushAt + this.opts.flushIntervalMs - Date.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.flush(eventId, state);
    }, wait);
  }

  private async flush(eventId: string, state: FeedState): Promise<void> {
    if (this.closed || this.events.get(eventId) !== state) return;
    state.dirty = false;
    state.flushing = true;
    state.lastFlushAt = Date.now();
    try {
      await this.sendChanges(eventId, state);
    } catch (err) {
      this.opts.log?.warn({ err, eventId }, 'live feed: reading changes failed; retrying');
      state.dirty = true;
      await this.opts.ensureLive(eventId).catch(() => undefined);
    } finally {
      state.flushing = false;
      if (state.dirty) this.schedule(eventId, state);
    }
  }

  private async sendChanges(eventId: string, state: FeedState): Promise<void> {
    const since = state.lastSeq as number;
    const batch = await this.opts.store.changesSince(eventId, since);
    if (batch === null || batch.epoch !== state.epoch || batch.seq < since) {
      await this.resync(eventId, state);
      return;
    }
    if (batch.seq === since) return;
    state.lastSeq = batch.seq;
    this.stats.messages++;
    this.stats.changes += batch.seq - since;
    // `local`: every node runs its own feed; never relay through a cross-node adapter.
    this.opts.nsp.local.to(eventRoom(eventId)).emit('seats', toSeatsMessage(batch));
  }

  /**
   * The log no longer reaches back, or the state was rebuilt under a new epoch: take a new
   * baseline first, then tell the room, so every resubscribing client reads at or after it.
   */
  private async resync(eventId: string, state: FeedState): Promise<void> {
    const snapshot = await this.opts.store.snapshot(eventId);
    const epochChanged = snapshot.epoch !== state.epoch;
    state.epoch = snapshot.epoch;
    state.lastSeq = snapshot.seq;
    this.stats.resyncs++;
    this.opts.nsp.local
      .to(eventRoom(eventId))
      .emit('resync', { eventId, reason: epochChanged ? 'epoch' : 'gap' });
  }
}
