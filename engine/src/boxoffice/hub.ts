// The box office of this node: one EventBoard per watched event, refreshed when something
// changed and pushed to its room at most every `pushIntervalMs`. What marks a board dirty:
// - the seat store's change notifications (any node: Redis pub/sub, or in-process), which also
//   cover bookings, cancellations and blocks, whose feed lines come from the audit log;
// - signals on the box-office bus: a ticket scanned, an event's settings changed.
// Boards exist only while a socket of this node watches the event; each node runs its own, so
// pushes go to local sockets only (like /live's change feed).
import type { BoxOfficeSnapshot, BoxOfficeStats } from '@parterre/seatmaps';
import { BOXOFFICE_PUSH_INTERVAL_MS } from '@parterre/seatmaps';
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import type { EventCatalog } from '../events/catalog.ts';
import type { SeatStore } from '../store/seat-store.ts';
import { NO_ATTENDANCE, type AttendanceSource } from './attendance.ts';
import { EventBoard, type Dirty } from './board.ts';
import type { BoxOfficeBus, BoxOfficeSignal } from './bus.ts';

export interface HubDeps {
  db: Db;
  store: SeatStore;
  catalog: EventCatalog;
  bus: BoxOfficeBus;
  logger?: Logger;
  pushIntervalMs?: number;
}

/** Where a hub sends its pushes (the /boxoffice namespace, or a test's collector). */
export interface HubOutput {
  stats(room: string, msg: BoxOfficeStats): void;
  snapshot(room: string, msg: BoxOfficeSnapshot): void;
}

interface Watched {
  board: EventBoard;
  ready: Promise<void>;
  watchers: number;
  dirty: Dirty;
  timer: NodeJS.Timeout | undefined;
  lastPush: number;
  refreshing: boolean;
  /** Refreshes failed in a row: the next try waits longer (see retryDelay). */
  failures: number;
}

/** The longest wait between two refreshes that keep failing (a database outage). */
export const MAX_RETRY_MS = 5_000;

/** The wait before retry `failures` (1, 2, …): the push interval doubled each time, capped. */
export const retryDelay = (interval: number, failures: number): number =>
  Math.min(MAX_RETRY_MS, Math.max(interval, 1) * 2 ** Math.min(failures - 1, 20));

const clean = (): Dirty => ({ store: false, feed: false, attendance: false, event: false });

/** The room of one organisation's view of one event. */
export const boardRoom = (orgId: string, eventId: string) => `bo:${orgId}:${eventId}`;

export class BoxOfficeHub {
  private readonly boards = new Map<string, Watched>();
  private attendance: AttendanceSource = NO_ATTENDANCE;
  private output: HubOutput | undefined;
  private readonly unlisten: (() => void)[];
  private readonly interval: number;
  /** Each new minute moves the velocity window: boards push it even when nothing sold. */
  private readonly minuteTimer: NodeJS.Timeout;

  constructor(private readonly deps: HubDeps) {
    this.interval = deps.pushIntervalMs ?? BOXOFFICE_PUSH_INTERVAL_MS;
    this.unlisten = [
      deps.store.onChange((eventId) => this.mark(eventId, undefined, 'store')),
      deps.bus.subscribe((signal) => this.onSignal(signal)),
    ];
    this.minuteTimer = setInterval(() => {
      for (const [key, watched] of this.boards) this.schedule(key, watched);
    }, 60_000);
    this.minuteTimer.unref();
  }

  /** Sets where pushes go (the namespace attaches itself). */
  setOutput(output: HubOutput): void {
    this.output = output;
  }

  /** Registers the source of scanned-ticket counts (see attendance.ts). */
  setAttendanceSource(source: AttendanceSource): void {
    this.attendance = source;
  }

  /**
   * Tells every node's box office that a ticket of the event was scanned; call it after the
   * scan committed. Attendance reaches subscribers within one push interval.
   * @example ctx.boxoffice.notifyScan(orgId, eventId);
   */
  notifyScan(orgId: string, eventId: string): void {
    this.deps.bus.publish({ type: 'scan', orgId, eventId });
  }

  /** Tells every node that an event's settings changed (sales opened or closed, prices). */
  eventChanged(orgId: string, eventId: string): void {
    this.deps.bus.publish({ type: 'event.changed', orgId, eventId });
  }

  /**
   * Starts watching (or joins the watch of) an event for one subscriber and returns its snapshot
   * and room. Throws NOT_FOUND for an event the organisation does not have.
   */
  async watch(
    orgId: string,
    eventId: string,
  ): Promise<{ room: string; snapshot: BoxOfficeSnapshot }> {
    const key = boardRoom(orgId, eventId);
    let watched = this.boards.get(key);
    if (!watched) {
      const board = new EventBoard(
        {
          db: this.deps.db,
          store: this.deps.store,
          catalog: this.deps.catalog,
          attendance: () => this.attendance,
        },
        orgId,
        eventId,
      );
      const entry: Watched = {
        board,
        ready: board.load(),
        watchers: 0,
        dirty: clean(),
        timer: undefined,
        lastPush: Date.now(),
        refreshing: false,
        failures: 0,
      };
      watched = entry;
      this.boards.set(key, entry);
      entry.ready.catch(() => {
        if (this.boards.get(key) === entry && entry.watchers === 0) this.drop(key);
      });
    }
    const entry = watched;
    entry.watchers++;
    try {
      await entry.ready;
    } catch (err) {
      // Leave the board this subscriber joined, never one a later subscriber started since.
      this.leave(key, entry);
      throw err;
    }
    return { room: key, snapshot: entry.board.snapshot() };
  }

  /** One subscriber less; the board goes when the last one leaves. */
  unwatch(orgId: string, eventId: string): void {
    const key = boardRoom(orgId, eventId);
    const watched = this.boards.get(key);
    if (watched) this.leave(key, watched);
  }

  private leave(key: string, entry: Watched): void {
    entry.watchers--;
    if (entry.watchers <= 0 && this.boards.get(key) === entry) this.drop(key);
  }

  /** Events this node watches (tests and metrics). */
  watching(): string[] {
    return [...this.boards.keys()];
  }

  async close(): Promise<void> {
    clearInterval(this.minuteTimer);
    for (const off of this.unlisten) off();
    for (const key of [...this.boards.keys()]) this.drop(key);
    await this.deps.bus.close();
  }

  private drop(key: string): void {
    const watched = this.boards.get(key);
    if (watched?.timer) clearTimeout(watched.timer);
    this.boards.delete(key);
  }

  private onSignal(signal: BoxOfficeSignal): void {
    if (signal.type === 'event.changed') {
      // Every node drops its cached event row, watched or not: public holds see closed sales now.
      this.deps.catalog.invalidate(signal.eventId);
      this.mark(signal.eventId, undefined, 'event');
      return;
    }
    // Every organisation watching the event (owner and partners) sees the same door.
    this.mark(signal.eventId, undefined, 'attendance');
  }

  /** Marks the boards of an event dirty (those of one organisation, or all) and schedules a push. */
  private mark(eventId: string, orgId: string | undefined, what: keyof Dirty): void {
    for (const [key, watched] of this.boards) {
      if (watched.board.eventId !== eventId) continue;
      if (orgId !== undefined && watched.board.orgId !== orgId) continue;
      watched.dirty[what] = true;
      this.schedule(key, watched);
    }
  }

  private schedule(key: string, watched: Watched, delay?: number): void {
    if (watched.timer || watched.refreshing) return;
    const wait = delay ?? Math.max(0, watched.lastPush + this.interval - Date.now());
    watched.timer = setTimeout(() => {
      watched.timer = undefined;
      void this.flush(key, watched);
    }, wait);
    // A pending push never keeps the process alive (close() clears it anyway).
    watched.timer.unref();
  }

  private async flush(key: string, watched: Watched): Promise<void> {
    if (this.boards.get(key) !== watched) return;
    const dirty = watched.dirty;
    watched.dirty = clean();
    watched.refreshing = true;
    try {
      await watched.ready;
      const result = await watched.board.refresh(dirty);
      watched.lastPush = Date.now();
      if (watched.failures > 0) {
        this.deps.logger?.info(
          { room: key, failures: watched.failures },
          'box office: refresh works again',
        );
      }
      watched.failures = 0;
      if (result?.reset) this.output?.snapshot(key, watched.board.snapshot());
      else if (result?.stats) this.output?.stats(key, result.stats);
    } catch (err) {
      // Once per streak of failures; the retries back off so an outage is not hammered.
      if (watched.failures === 0) {
        this.deps.logger?.warn({ err, room: key }, 'box office: refresh failed; retrying');
      }
      watched.failures++;
      for (const k of Object.keys(dirty) as (keyof Dirty)[]) watched.dirty[k] ||= dirty[k];
    } finally {
      watched.refreshing = false;
    }
    if (this.boards.get(key) !== watched) return;
    if (watched.failures > 0)
      this.schedule(key, watched, retryDelay(this.interval, watched.failures));
    else if (Object.values(watched.dirty).some(Boolean)) this.schedule(key, watched);
    else if (dirty.store) {
      // A block is written to the store before its audit entry commits: look once more for
      // feed lines that were not visible yet.
      watched.dirty.feed = true;
      this.schedule(key, watched, 2 * this.interval);
    }
  }
}
