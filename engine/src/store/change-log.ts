// Turning a run of per-command log entries into one ChangeBatch: each seat's last status and
// each GA area's last state, in the order of their last change. Shared by both stores so their batches are
// identical.
import type { GaState, SeatChange, SeatStatus } from './seat-store.ts';

/** The changes of one successful command (one seq). */
export interface LogEntry {
  seq: number;
  seats: SeatChange[];
  ga: GaState[];
}

/** Merges consecutive entries; later changes of the same seat or area win. */
export function mergeEntries(entries: Iterable<LogEntry>): { seats: SeatChange[]; ga: GaState[] } {
  const seats = new Map<number, SeatStatus>();
  const ga = new Map<string, GaState>();
  for (const entry of entries) {
    for (const change of entry.seats) {
      seats.delete(change.seat);
      seats.set(change.seat, change.status);
    }
    for (const state of entry.ga) {
      ga.delete(state.areaId);
      ga.set(state.areaId, state);
    }
  }
  return {
    seats: [...seats].map(([seat, status]) => ({ seat, status })),
    ga: [...ga.values()],
  };
}

/** Parses the compact log encoding "seat,status;…" used in the Redis log stream. */
export function decodeSeatChanges(encoded: string): SeatChange[] {
  if (!encoded) return [];
  return encoded.split(';').map((part) => {
    const [seat, status] = part.split(',');
    return { seat: Number(seat), status: Number(status) as SeatStatus };
  });
}

/** Parses the compact log encoding "area,capacity,held,booked;…". */
export function decodeGaStates(encoded: string): GaState[] {
  if (!encoded) return [];
  return encoded.split(';').map((part) => {
    const [areaId = '', capacity, held, booked] = part.split(',');
    return { areaId, capacity: Number(capacity), held: Number(held), booked: Number(booked) };
  });
}

/** Counts of each status in a status byte array. */
export function countStatus(status: Uint8Array): {
  free: number;
  held: number;
  booked: number;
  blocked: number;
} {
  const counts = [0, 0, 0, 0];
  for (const st of status) counts[st] = (counts[st] ?? 0) + 1;
  return { free: counts[0]!, held: counts[1]!, booked: counts[2]!, blocked: counts[3]! };
}
