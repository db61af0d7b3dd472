// The state of one event in the in-process store, with the same primitives as the Lua includes
// (state.lua, changes.lua, tokens.lua): a command reads through `seatState`/`gaFree` (expired
// tokens look free), then writes through `setStatus`/`gaIncr`, and `commit` bumps seq once and
// appends one log entry when anything changed.
import type { LogEntry } from '../change-log.ts';
import type { GaState, SeatStatus } from '../seat-store.ts';

/** One hold token. */
export interface Token {
  seats: Set<number>;
  ga: Map<string, number>;
  expiresAt: number;
}

export class EventState {
  status: Uint8Array;
  readonly owner = new Map<number, string>();
  readonly tokens = new Map<string, Token>();
  readonly ga = new Map<string, GaState>();
  readonly log: LogEntry[] = [];
  seq = 0;
  /** Lower bound of every token's expiry: no token can be due before it (skips scans). */
  private nextExpiry = Infinity;
  private due: Set<string> | undefined;
  private changed = new Map<number, SeatStatus>();
  private gaTouched = new Set<string>();
  private now = 0;
  private startSeq = 0;

  constructor(
    readonly eventId: string,
    readonly seatCount: number,
    readonly epoch: number,
    private readonly logMaxLen: number,
  ) {
    this.status = new Uint8Array(seatCount);
  }

  /** Starts a command at time `now`. */
  begin(now: number): void {
    this.now = now;
    this.startSeq = this.seq;
    this.due = undefined;
    this.changed = new Map();
    this.gaTouched = new Set();
  }

  /** No free seat and every GA area full (right after a write: no token is due then). */
  soldOut(): boolean {
    if (this.status.includes(0)) return false;
    for (const area of this.ga.values()) if (area.held + area.booked < area.capacity) return false;
    return true;
  }

  /** Tokens with expiry <= now. */
  dueTokens(): Set<string> {
    if (this.due) return this.due;
    this.due = new Set();
    if (this.now >= this.nextExpiry) {
      let next = Infinity;
      // Due tokens count too: until a write drops them, they must be found again.
      for (const [token, t] of this.tokens) {
        if (t.expiresAt <= this.now) this.due.add(token);
        next = Math.min(next, t.expiresAt);
      }
      this.nextExpiry = next;
    }
    return this.due;
  }

  /** Effective status (expired holds are free) and the live token of a held seat. */
  seatState(seat: number): [SeatStatus, string | undefined] {
    const st = this.status[seat] as SeatStatus;
    if (st !== 1) return [st, undefined];
    const owner = this.owner.get(seat);
    if (owner === undefined || this.dueTokens().has(owner)) return [0, undefined];
    return [1, owner];
  }

  /** The live token, or why there is none. */
  liveToken(token: string): Token | 'missing' | 'expired' {
    const t = this.tokens.get(token);
    if (!t) return 'missing';
    return t.expiresAt > this.now ? t : 'expired';
  }

  /** Free GA capacity counting expired tokens' quantities as free; undefined for unknown areas. */
  gaFree(areaId: string): number | undefined {
    const area = this.ga.get(areaId);
    if (!area) return undefined;
    let held = area.held;
    for (const token of this.dueTokens()) held -= this.tokens.get(token)?.ga.get(areaId) ?? 0;
    return area.capacity - held - area.booked;
  }

  setStatus(seat: number, st: SeatStatus): void {
    this.status[seat] = st;
    this.changed.set(seat, st); // keeps first-change order within a command, as the Lua does
  }

  gaIncr(areaId: string, field: 'held' | 'booked', delta: number): void {
    const area = this.ga.get(areaId);
    if (!area || delta === 0) return;
    area[field] += delta;
    this.gaTouched.add(areaId);
  }

  /** Adds (or re-times) a token; returns it. */
  upsertToken(token: string, expiresAt: number): Token {
    let t = this.tokens.get(token);
    if (!t) {
      t = { seats: new Set(), ga: new Map(), expiresAt };
      this.tokens.set(token, t);
    }
    t.expiresAt = expiresAt;
    this.nextExpiry = Math.min(this.nextExpiry, expiresAt);
    return t;
  }

  /** Frees everything a token holds and deletes it; appends its freed seats to `released`. */
  dropToken(token: string, released: number[]): Map<string, number> {
    const t = this.tokens.get(token);
    if (!t) return new Map();
    for (const seat of t.seats) {
      if (this.owner.get(seat) !== token) continue;
      this.owner.delete(seat);
      this.setStatus(seat, 0);
      released.push(seat);
    }
    for (const [areaId, qty] of t.ga) this.gaIncr(areaId, 'held', -qty);
    this.tokens.delete(token);
    return t.ga;
  }

  /** First step of every successful write: release all due tokens for real. */
  expireDue(released: number[]): string[] {
    const list = [...this.dueTokens()];
    for (const token of list) this.dropToken(token, released);
    this.due = new Set();
    return list;
  }

  unholdSeat(token: string, seat: number): void {
    this.owner.delete(seat);
    this.tokens.get(token)?.seats.delete(seat);
  }

  dropIfEmpty(token: string): void {
    const t = this.tokens.get(token);
    if (t && t.seats.size === 0 && t.ga.size === 0) this.tokens.delete(token);
  }

  /** Whether the current command bumped seq. */
  get bumped(): boolean {
    return this.seq !== this.startSeq;
  }

  /** Ends a command: one seq bump and one log entry if anything changed; returns the seq. */
  commit(): number {
    if (this.changed.size === 0 && this.gaTouched.size === 0) return this.seq;
    this.seq += 1;
    const seats = [...this.changed].map(([seat, status]) => ({ seat, status }));
    const ga = [...this.gaTouched].map((id) => ({ ...(this.ga.get(id) as GaState) }));
    this.log.push({ seq: this.seq, seats, ga });
    if (this.log.length > this.logMaxLen) this.log.shift();
    return this.seq;
  }
}
