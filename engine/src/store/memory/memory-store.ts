// The in-process seat store: the embedded single-node default. A synchronous, deterministic
// core (event-state.ts, commands.ts, booking-commands.ts) wrapped in promises, with the same
// validation, errors, seq and log behaviour as the Redis store.
import { EventEmitter } from 'node:events';
import { countStatus, mergeEntries } from '../change-log.ts';
import { ErrorCode, seatStoreError } from '../errors.ts';
import type {
  BookRequest,
  BookResult,
  CancelRequest,
  ChangeBatch,
  ChangeListener,
  CheckHoldRequest,
  EventInit,
  ExtendRequest,
  HoldInfo,
  HoldRequest,
  HoldResult,
  ReleaseRequest,
  ReleaseResult,
  RestoreInit,
  SeatStore,
  SeatsRequest,
  Snapshot,
  SweepResult,
} from '../seat-store.ts';
import * as v from '../validate.ts';
import * as bookings from './booking-commands.ts';
import * as holds from './commands.ts';
import { EventState } from './event-state.ts';

/** Options of {@link MemorySeatStore}. */
export interface MemorySeatStoreOptions {
  /** Log entries kept per event for `changesSince`, default 10,000. */
  logMaxLen?: number;
}

/**
 * SeatStore in this process's memory (one node; state is lost on restart and rebuilt with
 * `restoreEvent`).
 *
 * @example
 * const store = new MemorySeatStore();
 * await store.initEvent({ eventId: 'e1', seatCount: 500, ga: [] });
 */
export class MemorySeatStore implements SeatStore {
  private readonly events = new Map<string, EventState>();
  private readonly emitter = new EventEmitter();
  private readonly logMaxLen: number;

  constructor(options: MemorySeatStoreOptions = {}) {
    this.logMaxLen = options.logMaxLen ?? 10_000;
    this.emitter.setMaxListeners(0);
  }

  async initEvent(init: EventInit): Promise<void> {
    const { seatCount, epoch } = v.checkInit(init);
    if (this.events.has(init.eventId)) return;
    const state = new EventState(init.eventId, seatCount, epoch, this.logMaxLen);
    for (const { areaId, capacity } of init.ga)
      state.ga.set(areaId, { areaId, capacity, held: 0, booked: 0 });
    this.events.set(init.eventId, state);
  }

  async restoreEvent(init: RestoreInit): Promise<void> {
    const status = v.buildRestoreStatus(init);
    if (init.ifAbsent && this.events.has(init.eventId)) return;
    const state = new EventState(init.eventId, status.length, init.epoch, this.logMaxLen);
    state.status = status;
    for (const { areaId, capacity } of init.ga) {
      state.ga.set(areaId, { areaId, capacity, held: 0, booked: init.gaBooked[areaId] ?? 0 });
    }
    this.events.set(init.eventId, state);
    this.emitter.emit('change', init.eventId, 0);
  }

  async hasEvent(eventId: string): Promise<boolean> {
    return this.events.has(v.checkEventId(eventId));
  }

  async dropEvent(eventId: string): Promise<void> {
    this.events.delete(v.checkEventId(eventId));
  }

  async hold(eventId: string, req: HoldRequest): Promise<HoldResult> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const now = v.resolveNow(req.now, eventId);
    const expiresAt = now + v.checkTtl(req.ttlMs, eventId);
    const state = this.begin(eventId, now);
    const seq = this.notify(state, holds.hold(state, token, expiresAt, seats, ga));
    return { token, expiresAt, ...holds.tokenContents(state, token), seq };
  }

  async release(eventId: string, req: ReleaseRequest): Promise<ReleaseResult> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = req.seats === undefined ? undefined : v.checkSeats(req.seats, eventId);
    if (seats?.length === 0) throw v.emptySeats(eventId);
    const state = this.begin(eventId, v.resolveNow(req.now, eventId));
    const result = holds.release(state, token, seats);
    this.notify(state, result.seq);
    return { ...result, released: result.released.sort((a, b) => a - b) };
  }

  async extend(eventId: string, req: ExtendRequest): Promise<{ expiresAt: number }> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const now = v.resolveNow(req.now, eventId);
    const expiresAt = now + v.checkTtl(req.ttlMs, eventId);
    holds.extend(this.begin(eventId, now), token, expiresAt);
    return { expiresAt };
  }

  async getHold(eventId: string, token: string, now?: number): Promise<HoldInfo | null> {
    v.checkEventId(eventId);
    v.checkToken(token, eventId);
    const state = this.begin(eventId, v.resolveNow(now, eventId));
    const live = state.liveToken(token);
    if (typeof live !== 'object') return null;
    return { token, expiresAt: live.expiresAt, ...holds.tokenContents(state, token) };
  }

  async checkHold(eventId: string, req: CheckHoldRequest): Promise<void> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    holds.checkHold(this.begin(eventId, v.resolveNow(req.now, eventId)), token, seats, ga);
  }

  async book(eventId: string, req: BookRequest): Promise<BookResult> {
    v.checkEventId(eventId);
    const token = req.token === undefined ? undefined : v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const state = this.begin(eventId, v.resolveNow(req.now, eventId));
    const seq = this.notify(state, bookings.book(state, token, req.force === true, seats, ga));
    return { seq, soldOut: state.soldOut() };
  }

  async cancel(eventId: string, req: CancelRequest): Promise<{ seq: number }> {
    v.checkEventId(eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const state = this.begin(eventId, v.resolveNow(req.now, eventId));
    return { seq: this.notify(state, bookings.cancel(state, seats, ga, req.force === true)) };
  }

  async block(eventId: string, req: SeatsRequest): Promise<{ seq: number }> {
    const state = this.seatsCommand(eventId, req);
    return { seq: this.notify(state, bookings.block(state, req.seats)) };
  }

  async unblock(eventId: string, req: SeatsRequest): Promise<{ seq: number }> {
    const state = this.seatsCommand(eventId, req);
    return { seq: this.notify(state, bookings.unblock(state, req.seats)) };
  }

  async sweep(eventId: string, now?: number): Promise<SweepResult> {
    v.checkEventId(eventId);
    const state = this.begin(eventId, v.resolveNow(now, eventId));
    const result = bookings.sweep(state);
    this.notify(state, result.seq);
    return { ...result, expiredTokens: result.expiredTokens.sort() };
  }

  async snapshot(eventId: string, now?: number): Promise<Snapshot> {
    v.checkEventId(eventId);
    const state = this.begin(eventId, v.resolveNow(now, eventId));
    const status = state.status.slice();
    const ga = [...state.ga.values()].map((a) => ({ ...a }));
    for (const token of state.dueTokens()) {
      const t = state.tokens.get(token);
      for (const seat of t?.seats ?? []) if (status[seat] === 1) status[seat] = 0;
      for (const [areaId, qty] of t?.ga ?? []) {
        const area = ga.find((a) => a.areaId === areaId);
        if (area) area.held -= qty;
      }
    }
    ga.sort((a, b) => (a.areaId < b.areaId ? -1 : 1));
    return { eventId, epoch: state.epoch, seq: state.seq, status, ga, counts: countStatus(status) };
  }

  async changesSince(eventId: string, sinceSeq: number): Promise<ChangeBatch | null> {
    v.checkEventId(eventId);
    const since = v.checkSeq(sinceSeq, eventId);
    const state = this.get(eventId);
    if (since > state.seq) return null;
    const first = state.log[0];
    if (since < state.seq && (!first || first.seq > since + 1)) return null;
    const entries = state.log.filter((e) => e.seq > since);
    return {
      eventId,
      epoch: state.epoch,
      fromSeq: since,
      seq: state.seq,
      ...mergeEntries(entries),
    };
  }

  onChange(listener: ChangeListener): () => void {
    this.emitter.on('change', listener);
    return () => {
      this.emitter.off('change', listener);
    };
  }

  async activeEvents(): Promise<string[]> {
    return [...this.events].filter(([, s]) => s.tokens.size > 0).map(([id]) => id);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }

  private get(eventId: string): EventState {
    const state = this.events.get(eventId);
    if (!state) throw seatStoreError(ErrorCode.EventNotLoaded, { eventId });
    return state;
  }

  private begin(eventId: string, now: number): EventState {
    const state = this.get(eventId);
    state.begin(now);
    return state;
  }

  private seatsCommand(eventId: string, req: SeatsRequest): EventState {
    v.checkEventId(eventId);
    const seats = v.checkSeats(req.seats, eventId);
    if (seats.length === 0) throw v.emptySeats(eventId);
    return this.begin(eventId, v.resolveNow(req.now, eventId));
  }

  /** Emits the change when the command bumped seq; returns the seq. */
  private notify(state: EventState, seq: number): number {
    if (state.bumped) queueMicrotask(() => this.emitter.emit('change', state.eventId, seq));
    return seq;
  }
}
