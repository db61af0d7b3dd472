// The box office's copy of an event's seat status, kept in step with the engine's /live
// messages by version (epoch, seq). Pure: the connection decides when to resubscribe, this
// decides whether a message applies. Same rules as the SDK's StatusMirror (the studio may not
// import the SDK at run time): a batch covering (fromSeq, seq] applies when
// fromSeq <= seq of the mirror < seq, so a batch overlapping the snapshot is still exact.
import { countStatuses, unpackStatus } from '@parterre/seatmaps';
import type { SeatsMessage, SnapshotPayload, StatusCounts } from '@parterre/seatmaps';

export type MirrorOutcome =
  { kind: 'applied'; seats: number[] } | { kind: 'stale' } | { kind: 'resync' };

const NAMES = ['free', 'held', 'booked', 'blocked'] as const;

export class SeatMirror {
  status: Uint8Array = new Uint8Array(0);
  epoch = -1;
  seq = -1;
  counts: StatusCounts = { free: 0, held: 0, booked: 0, blocked: 0 };

  get ready(): boolean {
    return this.seq >= 0;
  }

  /** Replaces everything with a snapshot; returns the seats whose status changed. */
  load(snapshot: SnapshotPayload): number[] {
    const next = unpackStatus(snapshot.status);
    const changed: number[] = [];
    for (let i = 0; i < next.length; i++) if (this.status[i] !== next[i]) changed.push(i);
    this.status = next;
    this.epoch = snapshot.epoch;
    this.seq = snapshot.seq;
    this.counts = countStatuses(next);
    return changed;
  }

  apply(msg: SeatsMessage): MirrorOutcome {
    if (!this.ready || msg.epoch !== this.epoch) return { kind: 'resync' };
    if (msg.seq <= this.seq) return { kind: 'stale' };
    if (msg.fromSeq > this.seq) return { kind: 'resync' };
    const seats: number[] = [];
    for (const [seat, status] of msg.changes) {
      const old = this.status[seat];
      const name = NAMES[status];
      if (old === undefined || name === undefined) return { kind: 'resync' };
      if (old === status) continue;
      this.counts[NAMES[old] ?? 'free']--;
      this.counts[name]++;
      this.status[seat] = status;
      seats.push(seat);
    }
    this.seq = msg.seq;
    return { kind: 'applied', seats };
  }
}
