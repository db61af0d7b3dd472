// The local copy of an event's seat status, kept in step with the engine's /live messages by
// version (epoch, seq). Pure and synchronous: the connection logic decides when to resubscribe,
// this decides whether a message applies. Shared by the SDK's LiveEvent and the studio's box
// office (which may not import the SDK), so it lives in the zod-free client entry.
import { countStatuses, SEAT_STATUS_NAMES, unpackStatus } from '../protocol-core.ts';
import type { GaAvailability, StatusCounts } from '../protocol-core.ts';
import type { SeatsMessage, SnapshotPayload } from '../protocol.ts';

/** Outcome of offering a message to the mirror. */
export type ApplyOutcome =
  | { kind: 'applied'; seats: number[] }
  /** Already covered by what the mirror has (seq <= its seq): ignored. */
  | { kind: 'stale' }
  /** Something is missing or the state was rebuilt: the caller must resubscribe. */
  | { kind: 'resync' };

/**
 * One byte per seat (values of SeatStatus) plus counts and GA areas, at (epoch, seq).
 *
 * A batch covering (fromSeq, seq] applies when fromSeq <= the mirror's seq < seq: it carries the
 * final status of every seat changed in its range, so applying one that overlaps what the mirror
 * already has is still exact. That makes the race between a snapshot and the first message
 * harmless.
 *
 * @example
 * const mirror = new StatusMirror();
 * mirror.load(snapshot);
 * mirror.apply(seatsMessage); // { kind: 'applied', seats: [4, 5] }
 */
export class StatusMirror {
  status: Uint8Array = new Uint8Array(0);
  epoch = -1;
  seq = -1;
  counts: StatusCounts = { free: 0, held: 0, booked: 0, blocked: 0 };
  readonly ga = new Map<string, GaAvailability>();

  /** Whether a snapshot has been loaded. */
  get ready(): boolean {
    return this.seq >= 0;
  }

  /** Replaces everything with a snapshot; returns the seats whose status changed (all at first). */
  load(snapshot: SnapshotPayload): number[] {
    const next = unpackStatus(snapshot.status);
    const previous = this.status;
    const changed: number[] = [];
    for (let i = 0; i < next.length; i++) {
      if (previous.length !== next.length || previous[i] !== next[i]) changed.push(i);
    }
    this.status = next;
    this.epoch = snapshot.epoch;
    this.seq = snapshot.seq;
    this.counts = countStatuses(next);
    this.ga.clear();
    for (const area of snapshot.ga) this.ga.set(area.areaId, { ...area });
    return changed;
  }

  /** Offers a batch of changes (a live message or a deltas answer). */
  apply(msg: SeatsMessage): ApplyOutcome {
    if (!this.ready || msg.epoch !== this.epoch) return { kind: 'resync' };
    if (msg.seq <= this.seq) return { kind: 'stale' };
    if (msg.fromSeq > this.seq) return { kind: 'resync' };
    const seats: number[] = [];
    for (const [seat, status] of msg.changes) {
      const old = this.status[seat];
      if (old === undefined || SEAT_STATUS_NAMES[status] === undefined) return { kind: 'resync' };
      if (old === status) continue;
      this.counts[SEAT_STATUS_NAMES[old] ?? 'free']--;
      this.counts[SEAT_STATUS_NAMES[status]]++;
      this.status[seat] = status;
      seats.push(seat);
    }
    for (const area of msg.ga) this.ga.set(area.areaId, { ...area });
    this.seq = msg.seq;
    return { kind: 'applied', seats };
  }
}
