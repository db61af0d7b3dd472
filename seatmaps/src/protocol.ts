// The live wire protocol between the engine and every client (SDK seat picker, studio box office).
// Defined once here so both ends are typed by the same declarations (see socket.io's typed
// events). Client → server payloads are zod schemas: the server validates them, clients get types.
import { z } from 'zod';

// Constants, status bytes and packing live in the zod-free protocol-core.ts (see client.ts).
export * from './protocol-core.ts';
import type {
  GaAvailability,
  IncompatibilityReason,
  SeatStatus,
  StatusCounts,
} from './protocol-core.ts';

/** Sent in the socket.io handshake as `auth`. */
export const HandshakeAuth = z.object({
  key: z.string().min(1).max(200).optional(),
  protocolVersion: z.number().int().positive(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const SubscribeRequest = z.object({
  eventId: z.string().min(1).max(64),
  /** Last `seq` the client applied; with the same `epoch`, the server may answer with deltas. */
  sinceSeq: z.number().int().nonnegative().optional(),
  epoch: z.number().int().nonnegative().optional(),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const UnsubscribeRequest = z.object({ eventId: z.string().min(1).max(64) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

const SeatRefs = z.array(z.string().min(1).max(128)).max(100);
const GaRequest = z
  .array(
    z.object({ areaId: z.string().min(1).max(128), quantity: z.number().int().min(1).max(100) }),
  )
  .max(20);

export const HoldRequest = z
  .object({
    eventId: z.string().min(1).max(64),
    seats: SeatRefs.default([]),
    ga: GaRequest.optional(),
    /** Adds to an existing hold of this visitor instead of starting a new one. */
    holdToken: z.string().min(1).max(200).optional(),
  })
  .refine((r) => r.seats.length > 0 || (r.ga?.length ?? 0) > 0, {
    message: 'name at least one seat or GA quantity',
    path: ['seats'],
  });
export type HoldRequest = z.infer<typeof HoldRequest>;

export const ReleaseRequest = z.object({
  eventId: z.string().min(1).max(64),
  holdToken: z.string().min(1).max(200),
  /** Omitted: release the whole hold. */
  seats: SeatRefs.optional(),
});
export type ReleaseRequest = z.infer<typeof ReleaseRequest>;

/** The engine's answer to every command: committed, or refused with a stable code. */
export type Ack<T> =
  | ({ ok: true; serverTime: number } & T)
  | {
      ok: false;
      serverTime: number;
      error: AckError;
    };

/** Why a command was refused: a stable `code` plus what the client needs to act on it. */
export interface AckError {
  code: string;
  message: string;
  /** Seat ids the refusal is about (e.g. the taken ones of SEATS_UNAVAILABLE). */
  seats?: string[];
  /** Field path → problem, for VALIDATION_FAILED. */
  fields?: Record<string, string>;
  /** For RATE_LIMITED: how long to wait before the next command. */
  retryAfterMs?: number;
}

export interface SnapshotPayload {
  eventId: string;
  epoch: number;
  seq: number;
  counts: StatusCounts;
  /** Base64 of one status byte per seat in layout index order (see packStatus). */
  status: string;
  ga: GaAvailability[];
}

/**
 * A batch of changes after `fromSeq` up to `seq`. A client whose last applied seq is not
 * `fromSeq` (or whose epoch differs) has missed something and must re-subscribe.
 */
export interface SeatsMessage {
  eventId: string;
  epoch: number;
  fromSeq: number;
  seq: number;
  /** [seat index, new status] pairs, in order of application. */
  changes: [number, SeatStatus][];
  ga: GaAvailability[];
}

export type SubscribeAck = Ack<
  { mode: 'snapshot'; snapshot: SnapshotPayload } | { mode: 'deltas'; deltas: SeatsMessage }
>;
export type HoldAck = Ack<{ holdToken: string; expiresAt: number; seats: string[] }>;
export type ReleaseAck = Ack<{ released: string[] }>;

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: UnsubscribeRequest, ack?: (res: Ack<object>) => void) => void;
  hold: (req: z.input<typeof HoldRequest>, ack: (res: HoldAck) => void) => void;
  release: (req: ReleaseRequest, ack: (res: ReleaseAck) => void) => void;
}

export interface ServerToClientEvents {
  seats: (msg: SeatsMessage) => void;
  /** The event's state was rebuilt (new epoch) or the client fell behind: take a new snapshot. */
  resync: (msg: { eventId: string; reason: 'epoch' | 'gap' }) => void;
  incompatible: (msg: { reason: IncompatibilityReason; serverVersion: number }) => void;
}

// ---------------------------------------------------------------------------------------------
// Box office: the staff-only `/boxoffice` namespace. Running statistics of one event per
// subscription (counters, velocity, what sold first, a feed of changes, attendance). Seat states
// themselves still flow over `/live` (the box office uses LiveEvent for the map).
// ---------------------------------------------------------------------------------------------

/** The socket.io namespace of the box office (staff session cookie or secret key). */
export const BOXOFFICE_NAMESPACE = '/boxoffice';

/** Pushes for one event are coalesced: at most one `stats` message per this many ms. */
export const BOXOFFICE_PUSH_INTERVAL_MS = 500;

/** How many minutes the sales-velocity series covers (one bucket per minute). */
export const VELOCITY_MINUTES = 60;

export const BoxOfficeSubscribeRequest = z.object({ eventId: z.string().min(1).max(64) });
export type BoxOfficeSubscribeRequest = z.infer<typeof BoxOfficeSubscribeRequest>;

/** An amount of money in minor units (cents) of one ISO 4217 currency. */
export interface MoneyAmount {
  currency: string;
  amount: number;
}

/** Counters of one event; seats and standing places count alike (one each). */
export interface BoxOfficeCounters {
  /** Seats plus standing capacity. */
  capacity: number;
  sold: number;
  held: number;
  free: number;
  blocked: number;
  /** Revenue of live (not cancelled) bookings per currency, minor units. */
  revenue: MoneyAmount[];
  /** sold / capacity, 0…1 (0 for an empty map). */
  sellThrough: number;
}

/** Tickets (seats plus standing units) booked per minute over the last hour. */
export interface SalesVelocity {
  /** Start (ms since epoch) of the first bucket; buckets are whole UTC minutes. */
  from: number;
  /** VELOCITY_MINUTES counts, oldest first; the last is the current minute. Cancellations do not subtract. */
  perMinute: number[];
}

/** Attendance at the door: tickets scanned vs tickets sold. */
export interface Attendance {
  scanned: number;
  sold: number;
}

interface FeedBase {
  /** Unique per item (use as a list key). */
  id: string;
  /** When it happened, ms since epoch. */
  at: number;
}

/** One line of the box office's feed of recent changes. */
export type BoxOfficeFeedItem =
  | (FeedBase & {
      kind: 'booking.created';
      bookingId: string;
      /** Seats plus standing units. */
      count: number;
      /** Seat indexes booked (standing units have none). */
      seats: number[];
      amount: number;
      currency: string;
      orderRef: string | null;
      /**
       * A partner's sale through one of the owner's channels: the channel's name. The partner's
       * booking stays its own: `bookingId` is empty and `orderRef` null.
       */
      channel?: string;
    })
  | (FeedBase & {
      kind: 'booking.cancelled';
      bookingId: string;
      count: number;
      seats: number[];
      amount: number;
      currency: string;
    })
  | (FeedBase & { kind: 'seats.blocked'; seats: number[]; reason: string })
  | (FeedBase & { kind: 'seats.unblocked'; seats: number[] })
  /** Holds taken and released since the previous push, aggregated (never one line per hold). */
  | (FeedBase & { kind: 'holds'; held: number; released: number });

export type BoxOfficeFeedKind = BoxOfficeFeedItem['kind'];

/** The whole state of one event's box office, sent in the subscribe ack and on `snapshot`. */
export interface BoxOfficeSnapshot {
  eventId: string;
  serverTime: number;
  salesOpen: boolean;
  counters: BoxOfficeCounters;
  velocity: SalesVelocity;
  /**
   * Seat indexes in the order of their first sale, earliest first (a seat's rank is its
   * position; never-sold seats are absent): colour a heatmap of what sold first.
   */
  soldOrder: number[];
  /** The most recent feed items, oldest first (at most 50). */
  feed: BoxOfficeFeedItem[];
  attendance: Attendance;
}

/** What changed since the previous push; absent fields did not change. */
export interface BoxOfficeStats {
  eventId: string;
  serverTime: number;
  salesOpen?: boolean;
  counters?: BoxOfficeCounters;
  velocity?: SalesVelocity;
  /** Seat indexes sold for the first time, to append to `soldOrder`. */
  soldFirst?: number[];
  /** New feed items, oldest first. */
  feed?: BoxOfficeFeedItem[];
  attendance?: Attendance;
}

export type BoxOfficeSubscribeAck = Ack<{ snapshot: BoxOfficeSnapshot }>;

export interface BoxOfficeClientToServerEvents {
  subscribe: (req: BoxOfficeSubscribeRequest, ack: (res: BoxOfficeSubscribeAck) => void) => void;
  unsubscribe: (req: BoxOfficeSubscribeRequest, ack?: (res: Ack<object>) => void) => void;
}

export interface BoxOfficeServerToClientEvents {
  /** Coalesced changes of a subscribed event (at most one per BOXOFFICE_PUSH_INTERVAL_MS). */
  stats: (msg: BoxOfficeStats) => void;
  /** Replace everything known about the event (e.g. after the seat store was rebuilt). */
  snapshot: (msg: BoxOfficeSnapshot) => void;
  incompatible: (msg: { reason: IncompatibilityReason; serverVersion: number }) => void;
}
