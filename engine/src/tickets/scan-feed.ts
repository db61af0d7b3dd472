// Door scans as they happen, for the live box office (attendance: scanned vs sold). In-process:
// listeners on this node hear the scans this node admitted.
import { EventEmitter } from 'node:events';
import type { Db } from '../db/db.ts';

/** One admitted ticket, with the event's attendance right after it. */
export interface TicketScan {
  orgId: string;
  eventId: string;
  bookingId: string;
  /** Seat index, for a seat ticket. */
  seat?: number;
  /** Standing area, for a standing place. */
  area?: string;
  scannedAt: Date;
  attendance: { scanned: number; sold: number };
}

/**
 * Subscribe with `on(listener)`; returns the unsubscribe function.
 * @example const off = scanFeedOf(ctx.db).on((scan) => push(scan.eventId, scan.attendance));
 */
export class ScanFeed {
  private readonly emitter = new EventEmitter();

  on(listener: (scan: TicketScan) => void): () => void {
    this.emitter.on('scan', listener);
    return () => this.emitter.off('scan', listener);
  }

  emit(scan: TicketScan): void {
    this.emitter.emit('scan', scan);
  }
}

// One feed per engine: keyed by the engine's database handle, which every copy of an engine
// context shares (tests spread the context to change its config).
const feeds = new WeakMap<Db, ScanFeed>();

/** The scan feed of the engine that owns `db`. */
export function scanFeedOf(db: Db): ScanFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = new ScanFeed();
    feeds.set(db, feed);
  }
  return feed;
}
