// The box office of one event on this node: the state every subscriber shares (counters, velocity,
// what sold first, the feed, attendance) and its refresh. A refresh does all its reads first and
// then applies and reports the changes in one synchronous step, so a snapshot taken between two
// refreshes plus the next `stats` message never counts a change twice or misses one.
import type {
  Attendance,
  BoxOfficeCounters,
  BoxOfficeFeedItem,
  BoxOfficeSnapshot,
  BoxOfficeStats,
  MoneyAmount,
} from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import type { EventCatalog, EventRuntime } from '../events/catalog.ts';
import { salesState } from '../events/sales-window.ts';
import type { SeatStore, Snapshot } from '../store/seat-store.ts';
import type { AttendanceSource } from './attendance.ts';
import { FEED_LENGTH, readFeed } from './feed-repo.ts';
import { salesHistory } from './history-repo.ts';
import { eventSales } from './sales-summary.ts';
import { countersOf, holdTally, SoldOrder, VelocityWindow } from './stats-math.ts';

/** Audit ids are taken at insert, not at commit: re-read this many back so none is missed. */
const AUDIT_OVERLAP = 200;

export interface BoardDeps {
  db: Db;
  store: SeatStore;
  catalog: EventCatalog;
  attendance: () => AttendanceSource;
}

/** What made a refresh necessary. */
export interface Dirty {
  store: boolean;
  feed: boolean;
  attendance: boolean;
  event: boolean;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class EventBoard {
  private event!: EventRuntime;
  private last!: Snapshot;
  private revenue: MoneyAmount[] = [];
  private counters!: BoxOfficeCounters;
  private readonly velocity = new VelocityWindow();
  private readonly soldOrder = new SoldOrder();
  private feed: BoxOfficeFeedItem[] = [];
  private readonly seenAudit = new Set<string>();
  private lastAuditId: number | undefined;
  private attendance: Attendance = { scanned: 0, sold: 0 };
  /** The start of the velocity window subscribers last got (a new minute shifts it). */
  private sentFrom = 0;

  constructor(
    private readonly deps: BoardDeps,
    readonly orgId: string,
    readonly eventId: string,
  ) {}

  /** Reads everything once (NOT_FOUND for another organisation's event). */
  async load(now = Date.now()): Promise<void> {
    const { db, catalog, store } = this.deps;
    this.event = await catalog.get(this.orgId, this.eventId);
    const [snap, sales, history, feed, scanned] = await Promise.all([
      catalog.run(this.event, () => store.snapshot(this.eventId)),
      eventSales(db, this.orgId, [this.eventId]),
      salesHistory(db, this.orgId, this.eventId, now),
      readFeed(db, this.orgId, this.eventId, undefined, this.indexOf),
      this.deps.attendance().scanned(this.orgId, this.eventId),
    ]);
    this.last = snap;
    this.revenue = sales.get(this.eventId)?.revenue ?? [];
    this.counters = countersOf(snap.counts, snap.ga, this.revenue);
    for (const sale of history.recent) this.velocity.add(sale.at, sale.tickets, now);
    this.soldOrder.add(history.soldOrder);
    this.feed = feed.items;
    for (const item of feed.items) this.seenAudit.add(item.id);
    this.lastAuditId = feed.lastId;
    this.attendance = { scanned, sold: this.counters.sold };
  }

  /** The whole state, for a new subscriber. */
  snapshot(now = Date.now()): BoxOfficeSnapshot {
    const velocity = this.velocity.series(now);
    this.sentFrom = velocity.from;
    return {
      eventId: this.eventId,
      serverTime: now,
      salesOpen: this.onSale(now),
      counters: this.counters,
      velocity,
      soldOrder: [...this.soldOrder.seats],
      feed: [...this.feed],
      attendance: this.attendance,
    };
  }

  /**
   * Re-reads what `dirty` names and returns what changed (undefined: nothing), or
   * `{ reset: true }` when the seat store was rebuilt and subscribers need a new snapshot.
   */
  async refresh(
    dirty: Dirty,
    now = Date.now(),
  ): Promise<{ stats?: BoxOfficeStats; reset?: true } | undefined> {
    const { db, catalog, store } = this.deps;
    const event = dirty.event ? await catalog.get(this.orgId, this.eventId) : this.event;
    const snap = dirty.store
      ? await catalog.run(event, () => store.snapshot(this.eventId))
      : this.last;
    // From the start when the event had no entries at load: everything since is new.
    const readAfter = Math.max(0, (this.lastAuditId ?? 0) - AUDIT_OVERLAP);
    const page =
      dirty.store || dirty.feed
        ? await readFeed(db, this.orgId, this.eventId, readAfter, this.indexOf)
        : undefined;
    const fresh = (page?.items ?? []).filter((i) => !this.seenAudit.has(i.id));
    const money = fresh.some((i) => i.kind === 'booking.created' || i.kind === 'booking.cancelled');
    const revenue = money
      ? ((await eventSales(db, this.orgId, [this.eventId])).get(this.eventId)?.revenue ?? [])
      : this.revenue;
    const scanned = dirty.attendance
      ? await this.deps.attendance().scanned(this.orgId, this.eventId)
      : this.attendance.scanned;
    return this.apply({ event, snap, fresh, lastId: page?.lastId, revenue, scanned }, now);
  }

  private apply(
    read: {
      event: EventRuntime;
      snap: Snapshot;
      fresh: BoxOfficeFeedItem[];
      lastId: number | undefined;
      revenue: MoneyAmount[];
      scanned: number;
    },
    now: number,
  ): { stats?: BoxOfficeStats; reset?: true } | undefined {
    const wasOnSale = this.onSale(now);
    const before = this.last;
    this.event = read.event;
    this.last = read.snap;
    this.revenue = read.revenue;
    if (read.lastId !== undefined) this.lastAuditId = Math.max(this.lastAuditId ?? 0, read.lastId);
    const feed = [...read.fresh];
    for (const item of read.fresh) this.seenAudit.add(item.id);
    if (this.seenAudit.size > 4 * AUDIT_OVERLAP) {
      const keep = [...this.seenAudit].slice(-2 * AUDIT_OVERLAP);
      this.seenAudit.clear();
      for (const id of keep) this.seenAudit.add(id);
    }
    const soldFirst: number[] = [];
    for (const item of read.fresh) {
      if (item.kind !== 'booking.created') continue;
      this.velocity.add(item.at, item.count, now);
      soldFirst.push(...this.soldOrder.add(item.seats));
    }
    if (before.epoch !== read.snap.epoch) {
      this.counters = countersOf(read.snap.counts, read.snap.ga, read.revenue);
      this.feed = [...this.feed, ...feed].slice(-FEED_LENGTH);
      this.attendance = { scanned: read.scanned, sold: this.counters.sold };
      return { reset: true };
    }
    const tally = read.snap === before ? { held: 0, released: 0 } : holdTally(before, read.snap);
    if (tally.held || tally.released) {
      feed.push({ id: `h${read.snap.seq}`, at: now, kind: 'holds', ...tally });
    }
    this.feed = [...this.feed, ...feed].slice(-FEED_LENGTH);
    const counters = countersOf(read.snap.counts, read.snap.ga, read.revenue);
    const attendance = { scanned: read.scanned, sold: counters.sold };
    const stats: BoxOfficeStats = { eventId: this.eventId, serverTime: now };
    if (!sameJson(counters, this.counters)) stats.counters = this.counters = counters;
    if (!sameJson(attendance, this.attendance)) stats.attendance = this.attendance = attendance;
    if (soldFirst.length) stats.soldFirst = soldFirst;
    if (feed.length) stats.feed = feed;
    const velocity = this.velocity.series(now);
    if (read.fresh.some((i) => i.kind === 'booking.created') || velocity.from !== this.sentFrom) {
      stats.velocity = velocity;
      this.sentFrom = velocity.from;
    }
    if (this.onSale(now) !== wasOnSale) stats.salesOpen = this.onSale(now);
    return Object.keys(stats).length > 2 ? { stats } : undefined;
  }

  private onSale(now: number): boolean {
    return salesState(this.event, now) === 'open';
  }

  private readonly indexOf = (seatId: string) => this.event.layout.indexById.get(seatId);
}
