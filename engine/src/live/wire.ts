// Store shapes → wire shapes. The store speaks in SeatChange objects; the wire uses compact
// [index, status] pairs and base64 status, which is what keeps a seats message small.
import { packStatus } from '@parterre/seatmaps';
import type { SeatsMessage, SnapshotPayload } from '@parterre/seatmaps';
import type { ChangeBatch, Snapshot } from '../store/seat-store.ts';

/** The room of one event in the live namespace. */
export const eventRoom = (eventId: string): string => `ev:${eventId}`;

/** A store snapshot as the protocol's SnapshotPayload. */
export function toSnapshotPayload(snapshot: Snapshot): SnapshotPayload {
  return {
    eventId: snapshot.eventId,
    epoch: snapshot.epoch,
    seq: snapshot.seq,
    counts: { ...snapshot.counts },
    status: packStatus(snapshot.status),
    ga: snapshot.ga.map((a) => ({ ...a })),
  };
}

/** A store change batch as the protocol's SeatsMessage. */
export function toSeatsMessage(batch: ChangeBatch): SeatsMessage {
  return {
    eventId: batch.eventId,
    epoch: batch.epoch,
    fromSeq: batch.fromSeq,
    seq: batch.seq,
    changes: batch.seats.map((c) => [c.seat, c.status]),
    ga: batch.ga.map((a) => ({ ...a })),
  };
}
