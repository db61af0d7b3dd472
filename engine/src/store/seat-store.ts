/**
 * The seat store: the live authority on every seat and general-admission (GA) quantity of an
 * on-sale event. Postgres is the durable record of bookings; this store decides, atomically and
 * fast, who may hold or book what right now. Two implementations pass one contract suite: the
 * Redis store (Lua, one function per command, any number of nodes) and the in-process store (the
 * embedded single-node default).
 *
 * Design, and why:
 * - One byte per seat. Seats are the dense indexes 0…n-1 of a published map version, so an
 *   event's state is a byte string (0 free, 1 held, 2 booked, 3 blocked): 80,000 seats cost
 *   ~80 KB, a snapshot is one read, and checking or writing any set of seats is one BITFIELD
 *   (u8 per seat) call. Per-seat hashes or sets would cost 50-100 bytes per seat at rest.
 * - Owner map (seat → token) for held seats only. A forced booking (Postgres already recorded it)
 *   or an expiry must find the token that holds a seat to take the seat out of that token; without
 *   it we would scan every token. It is empty at rest, so it costs nothing for free/booked seats.
 * - Lazy expiry. Holds expire by time, not by a timer: every command treats a token whose expiry
 *   <= now as free, and a successful command releases all due tokens for real (logging their
 *   changes) before applying its own. `sweep` does only that, so the deltas reach viewers even
 *   when nobody touches the event. Correctness never depends on the sweeper running.
 * - `now` comes from the caller (default Date.now()): one clock for all nodes' scripts, and tests
 *   drive time deterministically.
 * - seq and log. Every successful command that changes a seat or a GA state bumps `seq` by
 *   exactly 1 and appends one batch to a bounded log; a failed command changes nothing. Clients
 *   catch up with `changesSince(seq)` or, when the log no longer reaches back, a snapshot.
 * - epoch. When Redis loses data, commands answer EVENT_NOT_LOADED (never recreate state
 *   silently); the service rebuilds the event from Postgres with `restoreEvent` under epoch + 1,
 *   seq restarts, and clients seeing a new epoch resync from a snapshot. Redis must run with
 *   `maxmemory-policy noeviction`: an evicted key would be a silent partial loss.
 * - Redis Functions (Redis 7.0+). Each command is one file, lua/<name>-<numKeys>.lua, but all of
 *   them load as one library (redis/script-loader.ts) named by a hash of the code, so nodes load
 *   it idempotently and versions coexist during a deploy; a node that finds it missing (restart,
 *   failover) reloads it and retries. With EVALSHA every call re-created the ~25 shared helper
 *   functions and tables; a library builds them once per load. Seats stay the strings the caller
 *   sent for keys, offsets and log entries: formatting a Lua number costs more than a command.
 * - What a hold costs, and why it stays well above a bare hold (test/bench/holds-cpu, redis-server
 *   CPU per hold+release of 3 seats, loaded 2-core machine): EVALSHA scripts ~78 µs, this library
 *   ~64 µs, a minimal GETRANGE/SETRANGE/INCR hold+release ~10 µs. The same Redis commands as ours
 *   inlined without helpers measured ~41 µs: the gap is the data model (about 12 Redis commands per
 *   hold or release for owner hash, token set, expiry zset, seq, log and PUBLISH, against 4-7 for
 *   the bare scripts), not the Lua around it. Fewer ARGV would save ~0.2 µs per argument.
 */

/** Live status of one seat, stored as one byte. */
export const SeatStatus = { Free: 0, Held: 1, Booked: 2, Blocked: 3 } as const;
/** One of the {@link SeatStatus} values. */
export type SeatStatus = (typeof SeatStatus)[keyof typeof SeatStatus];

/** A GA (standing) area and how many people it takes. */
export interface GaAreaInit {
  areaId: string;
  capacity: number;
}

/** What an event needs to go live: its seat count (from the map version) and GA areas. */
export interface EventInit {
  eventId: string;
  seatCount: number;
  ga: GaAreaInit[];
  /** Defaults to 1. */
  epoch?: number;
}

/** State to rebuild an event from Postgres after the live store lost it. */
export interface RestoreInit extends EventInit {
  booked: number[];
  blocked: number[];
  gaBooked: Record<string, number>;
  epoch: number;
  /**
   * Restore only when the event is absent. Two nodes may rebuild a lost event at once; the second
   * rebuild must not overwrite seats the first one's node booked in between with an older
   * Postgres read, so rebuilds use this and the first restore wins.
   */
  ifAbsent?: boolean;
}

/** The new status of one seat. */
export interface SeatChange {
  seat: number;
  status: SeatStatus;
}

/** The full state of one GA area. */
export interface GaState {
  areaId: string;
  capacity: number;
  held: number;
  booked: number;
}

/** A quantity taken from (or given back to) a GA area. */
export interface GaQuantity {
  areaId: string;
  quantity: number;
}

/**
 * The changes after `fromSeq` up to and including `seq`: the last status of every seat that
 * changed and the state of every GA area that changed, in the order of their last change.
 */
export interface ChangeBatch {
  eventId: string;
  epoch: number;
  fromSeq: number;
  seq: number;
  seats: SeatChange[];
  ga: GaState[];
}

/** The whole state at `seq`; seats of expired tokens already show as free. */
export interface Snapshot {
  eventId: string;
  epoch: number;
  seq: number;
  /** One byte per seat, values of {@link SeatStatus}. */
  status: Uint8Array;
  ga: GaState[];
  counts: { free: number; held: number; booked: number; blocked: number };
}

/** A live hold: everything its token holds now (not only what the last call added). */
export interface HoldInfo {
  token: string;
  expiresAt: number;
  /** Ascending seat indexes. */
  seats: number[];
  ga: GaQuantity[];
}

/** Result of {@link SeatStore.hold}: the token's whole hold after the call, and the seq. */
export interface HoldResult extends HoldInfo {
  seq: number;
}

/** Request of {@link SeatStore.hold}. */
export interface HoldRequest {
  /** Opaque, non-empty, chosen by the caller; belongs to one event. */
  token: string;
  seats: number[];
  ga?: GaQuantity[];
  ttlMs: number;
  now?: number;
}

/** Request of {@link SeatStore.release}: `seats` omitted releases the whole token. */
export interface ReleaseRequest {
  token: string;
  seats?: number[];
  now?: number;
}

/** Result of {@link SeatStore.release}. */
export interface ReleaseResult {
  released: number[];
  ga: GaQuantity[];
  seq: number;
}

/** Request of {@link SeatStore.extend}: the new expiry is now + ttlMs. */
export interface ExtendRequest {
  token: string;
  ttlMs: number;
  now?: number;
}

/** Request of {@link SeatStore.checkHold}. */
export interface CheckHoldRequest {
  token: string;
  seats: number[];
  ga?: GaQuantity[];
  now?: number;
}

/**
 * Request of {@link SeatStore.book}. With `token`: each seat must be held by that live token or
 * be free. `force`: Postgres already recorded the booking, so mark the seats booked whatever their
 * state, taking them out of whichever token held them (GA with force may exceed capacity).
 */
export interface BookRequest {
  seats: number[];
  ga?: GaQuantity[];
  token?: string;
  force?: boolean;
  now?: number;
}

/** Request of {@link SeatStore.cancel}: booked → free. */
export interface CancelRequest {
  seats: number[];
  ga?: GaQuantity[];
  now?: number;
  /**
   * Postgres already cancelled these: free whichever of the seats are booked and take back at
   * most what each GA area has booked, instead of refusing the whole command (the store may be
   * behind after a crash between a commit and its confirmation).
   */
  force?: boolean;
}

/** Request of {@link SeatStore.block} and {@link SeatStore.unblock}. */
export interface SeatsRequest {
  seats: number[];
  now?: number;
}

/** Result of {@link SeatStore.sweep}. */
export interface SweepResult {
  expiredTokens: string[];
  released: number[];
  seq: number;
}

/** Listener of {@link SeatStore.onChange}. */
export type ChangeListener = (eventId: string, seq: number) => void;

/**
 * The live seat authority. Every command is atomic and all-or-nothing; failures throw a
 * `SeatStoreError` (see errors.ts) and change nothing.
 *
 * @example
 * await store.initEvent({ eventId: 'e1', seatCount: 500, ga: [{ areaId: 'floor', capacity: 200 }] });
 * const hold = await store.hold('e1', { token: 'tok-1', seats: [4, 5], ttlMs: 600_000 });
 * await store.checkHold('e1', { token: 'tok-1', seats: [4, 5] }); // then write Postgres
 * await store.book('e1', { token: 'tok-1', seats: [4, 5] });
 */
/** What a booking answers. */
export interface BookResult {
  seq: number;
  /**
   * Nothing was left to sell right after this booking: no free seat, and every GA area's held
   * and booked quantities reach its capacity (expired holds count as free, as in a snapshot).
   */
  soldOut: boolean;
}

export interface SeatStore {
  /** Creates the event's live state; a no-op when the event exists (never resets it). */
  initEvent(init: EventInit): Promise<void>;
  /** Replaces the event's state (after data loss) with Postgres's bookings and blocks; seq restarts at 0. */
  restoreEvent(init: RestoreInit): Promise<void>;
  hasEvent(eventId: string): Promise<boolean>;
  dropEvent(eventId: string): Promise<void>;
  /** All-or-nothing; adding to a live token extends its set and resets its expiry. */
  hold(eventId: string, req: HoldRequest): Promise<HoldResult>;
  release(eventId: string, req: ReleaseRequest): Promise<ReleaseResult>;
  extend(eventId: string, req: ExtendRequest): Promise<{ expiresAt: number }>;
  /** The live hold of `token`, or null when it does not exist or has expired. */
  getHold(eventId: string, token: string, now?: number): Promise<HoldInfo | null>;
  /** Throws unless every seat and quantity is held by this live token. */
  checkHold(eventId: string, req: CheckHoldRequest): Promise<void>;
  /** Also tells whether the booking left nothing to sell (see {@link BookResult}). */
  book(eventId: string, req: BookRequest): Promise<BookResult>;
  cancel(eventId: string, req: CancelRequest): Promise<{ seq: number }>;
  block(eventId: string, req: SeatsRequest): Promise<{ seq: number }>;
  unblock(eventId: string, req: SeatsRequest): Promise<{ seq: number }>;
  /** Releases every expired token and logs the changes. */
  sweep(eventId: string, now?: number): Promise<SweepResult>;
  snapshot(eventId: string, now?: number): Promise<Snapshot>;
  /** The changes after `sinceSeq`, or null when the log no longer reaches back (take a snapshot). */
  changesSince(eventId: string, sinceSeq: number): Promise<ChangeBatch | null>;
  /** Fires (at least once, maybe coalesced) after changes on any node; returns unsubscribe. */
  onChange(listener: ChangeListener): () => void;
  /** Events that may have holds to sweep (`now` defaults to Date.now()). */
  activeEvents(now?: number): Promise<string[]>;
  close(): Promise<void>;
}
