// The zod-free half of the live wire protocol: constants, status bytes and their packing. Browser
// code (client-sdk, through `@parterre/seatmaps/client`) imports it without pulling zod in;
// protocol.ts re-exports all of it, so `@parterre/seatmaps` users see no difference.

/** Bumped on any incompatible change to the messages below. */
export const PROTOCOL_VERSION = 1;

/** The socket.io namespace of the live layer (one room per event inside it). */
export const LIVE_NAMESPACE = '/live';

/** Why the server refused or dropped a client; clients show these, never a raw error. */
export const IncompatibilityReason = {
  ClientTooOld: 'CLIENT_TOO_OLD',
  ServerTooOld: 'SERVER_TOO_OLD',
  InvalidKey: 'INVALID_KEY',
} as const;
export type IncompatibilityReason =
  (typeof IncompatibilityReason)[keyof typeof IncompatibilityReason];

/** One byte per seat in the engine's status string and in packed snapshots. */
export const SeatStatus = { Free: 0, Held: 1, Booked: 2, Blocked: 3 } as const;
export type SeatStatus = (typeof SeatStatus)[keyof typeof SeatStatus];
export const SEAT_STATUS_NAMES = ['free', 'held', 'booked', 'blocked'] as const;
export type SeatStatusName = (typeof SEAT_STATUS_NAMES)[number];

export interface StatusCounts {
  free: number;
  held: number;
  booked: number;
  blocked: number;
}

export interface GaAvailability {
  areaId: string;
  capacity: number;
  held: number;
  booked: number;
}

/**
 * Packs status bytes as base64 (works in browsers and Node without Buffer).
 * @example unpackStatus(packStatus(new Uint8Array([0, 2]))) // Uint8Array [0, 2]
 */
export function packStatus(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // stays under the argument limit of String.fromCharCode
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Inverse of `packStatus`. */
export function unpackStatus(packed: string): Uint8Array {
  const binary = atob(packed);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Counts statuses in a status array. */
export function countStatuses(status: Uint8Array): StatusCounts {
  const counts: StatusCounts = { free: 0, held: 0, booked: 0, blocked: 0 };
  for (const s of status) {
    const name = SEAT_STATUS_NAMES[s];
    if (name) counts[name]++;
  }
  return counts;
}
