// Subscribe reads shared between sockets. During an on-sale rush thousands of sockets subscribe
// to one event within a second; reading (and base64-packing) an 80,000-seat snapshot for each of
// them costs the store ~80 KB per socket. Here one snapshot read per event serves every
// subscriber of a flush window, and change reads are single-flight per (event, since seq).
//
// Why this stays race-free. A subscriber joins the event's room BEFORE reading, so any change
// committed after its read reaches it in a later (or overlapping) seats message. Sharing keeps
// that rule by giving every subscriber a state that was read after it joined:
// - each subscriber takes a ticket right after joining; a snapshot read remembers the last ticket
//   handed out when it started, so its subscribers up to that ticket may use it as it is;
// - a later subscriber gets the shared snapshot patched with `changesSince(snapshot.seq)`, and it
//   only joins change reads that have NOT started yet (they start on the next macrotask, so every
//   subscriber woken by the same snapshot shares one read).
import type { SnapshotPayload } from '@parterre/seatmaps';
import type { ChangeBatch, Snapshot } from '../store/seat-store.ts';
import { toSnapshotPayload } from './wire.ts';

/** How the store is read (the live layer wraps each read to rebuild a lost event). */
export interface SharedReadsSource {
  snapshot(eventId: string): Promise<Snapshot>;
  changesSince(eventId: string, sinceSeq: number): Promise<ChangeBatch | null>;
}

/** A snapshot with its wire form, packed once however many sockets receive it. */
export interface SharedSnapshot {
  snapshot: Snapshot;
  payload: SnapshotPayload;
}

/** Counters for tests and benchmarks. */
export interface SharedReadStats {
  /** Snapshot reads sent to the store. */
  snapshotReads: number;
  /** changesSince reads sent to the store on behalf of subscribers. */
  changeReads: number;
  /** Subscribe answers served from another subscriber's snapshot read. */
  sharedSnapshots: number;
}

interface SnapshotEntry {
  /** The last ticket handed out when the read started: those subscribers may use it as is. */
  ticket: number;
  read: Promise<SharedSnapshot>;
  /** Drops the entry once its window is over (set when the read settles). */
  timer?: NodeJS.Timeout;
  /** Patched answers, one per change batch (a batch object is shared by its joiners). */
  patched: WeakMap<ChangeBatch, SharedSnapshot>;
}

interface ChangeRead {
  read: Promise<ChangeBatch | null>;
}

const COUNT_NAMES = ['free', 'held', 'booked', 'blocked'] as const;

/** `base` with `batch` applied: what a snapshot read at `batch.seq` would have returned. */
export function applyBatch(base: Snapshot, batch: ChangeBatch): Snapshot {
  const status = base.status.slice();
  const counts = { ...base.counts };
  for (const { seat, status: next } of batch.seats) {
    const before = COUNT_NAMES[status[seat] as number];
    const after = COUNT_NAMES[next];
    if (before) counts[before]--;
    if (after) counts[after]++;
    status[seat] = next;
  }
  const changedGa = new Map(batch.ga.map((a) => [a.areaId, a]));
  const ga = base.ga.map((a) => ({ ...(changedGa.get(a.areaId) ?? a) }));
  return { eventId: base.eventId, epoch: base.epoch, seq: batch.seq, status, ga, counts };
}

/**
 * Single-flight snapshot and change reads for subscribers.
 *
 * @example
 * await socket.join(room); // first, so nothing committed after the read is missed
 * const ticket = reads.enter();
 * const { payload } = await reads.snapshot(eventId, ticket);
 */
export class SharedReads {
  private tickets = 0;
  private readonly snapshots = new Map<string, SnapshotEntry>();
  private readonly pendingChanges = new Map<string, ChangeRead>();
  readonly stats: SharedReadStats = { snapshotReads: 0, changeReads: 0, sharedSnapshots: 0 };

  /** `windowMs`: how long a settled snapshot keeps serving new subscribers (the flush interval). */
  constructor(
    private readonly source: SharedReadsSource,
    private readonly windowMs: number,
  ) {}

  /** Call right after joining the event's room; pass the ticket to {@link snapshot}. */
  enter(): number {
    return ++this.tickets;
  }

  /**
   * The event's state as read after the subscriber holding `ticket` joined: the shared snapshot
   * when it started after that, else the shared snapshot patched with the changes since it.
   */
  async snapshot(eventId: string, ticket: number): Promise<SharedSnapshot> {
    const joined = this.snapshots.get(eventId);
    const entry = joined ?? this.startSnapshot(eventId);
    const base = await entry.read;
    if (entry.ticket >= ticket) {
      if (joined) this.stats.sharedSnapshots++;
      return base;
    }
    const batch = await this.changesSince(eventId, base.snapshot.seq);
    const usable =
      batch !== null &&
      batch.epoch === base.snapshot.epoch &&
      batch.fromSeq === base.snapshot.seq &&
      batch.seq >= base.snapshot.seq;
    if (!usable) return this.fresh(eventId, ticket);
    this.stats.sharedSnapshots++;
    if (batch.seq === base.snapshot.seq) return base;
    let answer = entry.patched.get(batch);
    if (!answer) {
      const snapshot = applyBatch(base.snapshot, batch);
      answer = { snapshot, payload: toSnapshotPayload(snapshot) };
      entry.patched.set(batch, answer);
    }
    return answer;
  }

  /**
   * The changes after `sinceSeq`, read after this call: joins a read of the same (event, seq)
   * that has not started yet, or schedules one for the next macrotask.
   */
  changesSince(eventId: string, sinceSeq: number): Promise<ChangeBatch | null> {
    const key = `${sinceSeq}\n${eventId}`;
    const pending = this.pendingChanges.get(key);
    if (pending) return pending.read;
    const read = new Promise<ChangeBatch | null>((resolve, reject) => {
      setImmediate(() => {
        // From here on the read may run: later callers must schedule their own.
        this.pendingChanges.delete(key);
        this.stats.changeReads++;
        this.source.changesSince(eventId, sinceSeq).then(resolve, reject);
      });
    });
    this.pendingChanges.set(key, { read });
    return read;
  }

  /** Forgets every shared read (the live layer is closing). */
  clear(): void {
    for (const entry of this.snapshots.values()) clearTimeout(entry.timer);
    this.snapshots.clear();
  }

  /** A snapshot started at or after `ticket` (the shared one if it is, else a new read). */
  private async fresh(eventId: string, ticket: number): Promise<SharedSnapshot> {
    const current = this.snapshots.get(eventId);
    const entry = current && current.ticket >= ticket ? current : this.startSnapshot(eventId);
    return entry.read;
  }

  private startSnapshot(eventId: string): SnapshotEntry {
    const previous = this.snapshots.get(eventId);
    if (previous) clearTimeout(previous.timer);
    this.stats.snapshotReads++;
    const entry: SnapshotEntry = {
      ticket: this.tickets,
      read: this.source.snapshot(eventId).then((snapshot) => ({
        snapshot,
        payload: toSnapshotPayload(snapshot),
      })),
      patched: new WeakMap(),
    };
    this.snapshots.set(eventId, entry);
    const drop = () => {
      if (this.snapshots.get(eventId) === entry) this.snapshots.delete(eventId);
    };
    entry.read.then(
      () => {
        if (this.snapshots.get(eventId) !== entry) return;
        entry.timer = setTimeout(drop, this.windowMs);
        entry.timer.unref();
      },
      // A failed read is not shared with later subscribers; its own waiters see the error.
      drop,
    );
    return entry;
  }
}
