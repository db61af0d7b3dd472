// What the live layer needs from the rest of the engine, and nothing more. The composition root
// implements this with the real services (keys, events, holds); tests implement it over a real
// seat store and a fixed layout. Keeping it narrow lets the socket layer evolve independently of
// the REST/service code.
import type { HandshakeAuth, HoldRequest, ReleaseRequest } from '@parterre/seatmaps';
import type { SeatStore } from '../store/seat-store.ts';

/** Who is connected. Opaque to the live layer except for logging and passing it back to deps. */
export interface Principal {
  orgId: string;
  keyKind: 'public' | 'secret' | 'staff';
  /** A staff session's user, matched against {@link LiveDeps.onSessionsChanged}. */
  userId?: string;
}

/** What else the handshake carried besides `auth`. */
export interface HandshakeRequest {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  address: string;
}

/** An event the principal may see, with its seat ids in layout index order. */
export interface LiveEventRef {
  eventId: string;
  /** Seat ids in index order: `seatIds[i]` is the seat whose status is byte `i`. */
  seatIds: readonly string[];
  indexOf(seatId: string): number | undefined;
}

/** Result of a hold made through the socket. */
export interface LiveHoldResult {
  holdToken: string;
  expiresAt: number;
  seats: string[];
}

/**
 * The errors `hold`/`release`/`resolveEvent` may throw carry a stable `code` (e.g.
 * SEATS_UNAVAILABLE, HOLD_EXPIRED, NOT_FOUND) and optionally the seats concerned, either as ids
 * (`seats` or `details.seats`, as the engine's DomainError does) or as indexes (as SeatStoreError
 * does; the live layer maps them to ids). Anything without a string `code` is an internal error.
 */
export interface CodedError {
  code: string;
  message: string;
  seats?: readonly (string | number)[];
  details?: { seats?: readonly string[]; fields?: Record<string, string> };
}

/** Structured logger (pino-compatible subset). */
export interface LiveLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Dependencies of {@link attachLive}.
 *
 * @example
 * const deps: LiveDeps = {
 *   store,
 *   authenticate: async ({ key }) => (key === 'pk_test' ? { orgId: 'o1', keyKind: 'public' } : null),
 *   resolveEvent: async (_p, eventId) => (eventId === 'e1' ? layout : null),
 *   ensureLive: async () => undefined,
 *   hold: (p, req) => holds.hold(p, req),
 *   release: (p, req) => holds.release(p, req),
 * };
 */
export interface LiveDeps {
  store: SeatStore;
  /**
   * null: the key is not valid (the client gets connect_error INVALID_KEY). `request` carries the
   * handshake's headers (a staff session cookie) and remote address.
   */
  authenticate(auth: HandshakeAuth, request: HandshakeRequest): Promise<Principal | null>;
  /** null: no such event for this principal (other organisations' events included). */
  resolveEvent(principal: Principal, eventId: string): Promise<LiveEventRef | null>;
  /** Makes sure the store holds the event's live state, rebuilding it after data loss. */
  ensureLive(eventId: string): Promise<void>;
  /** Holds seats; throws a {@link CodedError} on refusal. */
  hold(principal: Principal, req: HoldRequest): Promise<LiveHoldResult>;
  /** Releases a hold (or some of its seats); throws a {@link CodedError} on refusal. */
  release(principal: Principal, req: ReleaseRequest): Promise<{ released: string[] }>;
  /**
   * The principal as it is now: the same (a key), updated (a staff member's new role), or null
   * when its session ended or moved to another organisation. Without it a principal never
   * changes. `fresh`: skip any cache (after {@link onSessionsChanged}).
   */
  revalidate?(principal: Principal, fresh?: boolean): Promise<Principal | null>;
  /** Calls `listener(userId)` when a user's sessions ended or changed; returns the removal. */
  onSessionsChanged?(listener: (userId: string) => void): () => void;
  log?: LiveLogger;
}

/** Tuning of the live layer; every field has a default. */
export interface LiveOptions {
  /** Minimum time between two `seats` messages of one event on one node (default 50 ms). */
  flushIntervalMs?: number;
  /** Commands per second per socket, refilled continuously (default 20). */
  commandRate?: number;
  /** Burst of commands per socket (default 40). */
  commandBurst?: number;
  /** Events one socket may subscribe to at once (default 10). */
  maxSubscriptionsPerSocket?: number;
}
