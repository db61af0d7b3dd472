// A deliberately simple reference model of the seat store's semantics for the model-based test:
// plain sets and maps, no log, no encodings. Each method returns the expected result or the
// expected error (code + named seats/areas), and applies the command when it succeeds.
import type { GaQuantity } from '../../engine/src/store/seat-store.ts';

export interface ModelError {
  error: string;
  seats?: number[];
  areas?: string[];
}

interface Hold {
  seats: Set<number>;
  ga: Map<string, number>;
  expiresAt: number;
}

const sortNums = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
const gaList = (ga: Map<string, number>): GaQuantity[] =>
  [...ga]
    .map(([areaId, quantity]) => ({ areaId, quantity }))
    .sort((a, b) => (a.areaId < b.areaId ? -1 : 1));

export class ReferenceModel {
  now: number;
  seq = 0;
  readonly booked = new Set<number>();
  readonly blocked = new Set<number>();
  /** Tokens as the store keeps them: expired ones stay until a write releases them. */
  readonly holds = new Map<string, Hold>();
  readonly gaBooked = new Map<string, number>();

  constructor(
    readonly seatCount: number,
    readonly capacity: Map<string, number>,
    now: number,
  ) {
    this.now = now;
    for (const area of capacity.keys()) this.gaBooked.set(area, 0);
  }

  private live(token: string | undefined): Hold | undefined {
    const h = token === undefined ? undefined : this.holds.get(token);
    return h && h.expiresAt > this.now ? h : undefined;
  }

  /** The live token holding a seat. */
  ownerOf(seat: number): string | undefined {
    for (const [token, h] of this.holds)
      if (h.expiresAt > this.now && h.seats.has(seat)) return token;
    return undefined;
  }

  status(seat: number): number {
    if (this.booked.has(seat)) return 2;
    if (this.blocked.has(seat)) return 3;
    return this.ownerOf(seat) === undefined ? 0 : 1;
  }

  gaHeld(area: string): number {
    let held = 0;
    for (const h of this.holds.values()) if (h.expiresAt > this.now) held += h.ga.get(area) ?? 0;
    return held;
  }

  gaFree(area: string): number {
    return (this.capacity.get(area) ?? 0) - this.gaHeld(area) - (this.gaBooked.get(area) ?? 0);
  }

  /** Seats of tokens that expired but were not released yet. */
  dueSeats(): Set<number> {
    const seats = new Set<number>();
    for (const h of this.holds.values())
      if (h.expiresAt <= this.now) for (const s of h.seats) seats.add(s);
    return seats;
  }

  /** The write phase's first step; returns the released tokens and seats. */
  private dropDue(): { tokens: string[]; seats: number[] } {
    const tokens: string[] = [];
    const seats: number[] = [];
    for (const [token, h] of this.holds) {
      if (h.expiresAt > this.now) continue;
      tokens.push(token);
      seats.push(...h.seats);
      this.holds.delete(token);
    }
    return { tokens: tokens.sort(), seats: sortNums(seats) };
  }

  private commit(changed: boolean): number {
    if (changed) this.seq += 1;
    return this.seq;
  }

  private range(seats: number[]): ModelError | undefined {
    const bad = seats.filter((s) => s >= this.seatCount);
    return bad.length ? { error: 'SEAT_OUT_OF_RANGE', seats: bad } : undefined;
  }

  private gaCheck(ga: GaQuantity[], need: (g: GaQuantity) => number): ModelError | undefined {
    const unknown = ga.filter((g) => !this.capacity.has(g.areaId)).map((g) => g.areaId);
    if (unknown.length) return { error: 'GA_AREA_UNKNOWN', areas: unknown };
    const short = ga.filter((g) => this.gaFree(g.areaId) < need(g)).map((g) => g.areaId);
    return short.length ? { error: 'GA_UNAVAILABLE', areas: short } : undefined;
  }

  private tokenError(token: string): ModelError | undefined {
    const h = this.holds.get(token);
    if (!h) return { error: 'HOLD_NOT_FOUND' };
    return h.expiresAt > this.now ? undefined : { error: 'HOLD_EXPIRED' };
  }

  hold(token: string, seats: number[], ga: GaQuantity[], ttlMs: number) {
    if (!seats.length && !ga.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats);
    if (err) return err;
    const taken = seats.filter((s) => this.status(s) !== 0 && this.ownerOf(s) !== token);
    if (taken.length) return { error: 'SEATS_UNAVAILABLE', seats: taken };
    const gaErr = this.gaCheck(ga, (g) => g.quantity);
    if (gaErr) return gaErr;
    const due = this.dropDue();
    const fresh = seats.filter((s) => this.status(s) === 0);
    const h = this.holds.get(token) ?? {
      seats: new Set<number>(),
      ga: new Map<string, number>(),
      expiresAt: 0,
    };
    h.expiresAt = this.now + ttlMs;
    this.holds.set(token, h);
    for (const s of fresh) h.seats.add(s);
    for (const g of ga) h.ga.set(g.areaId, (h.ga.get(g.areaId) ?? 0) + g.quantity);
    const seq = this.commit(due.tokens.length > 0 || fresh.length > 0 || ga.length > 0);
    return { token, expiresAt: h.expiresAt, seats: sortNums(h.seats), ga: gaList(h.ga), seq };
  }

  release(token: string, seats: number[] | undefined) {
    if (seats?.length === 0) return { error: 'INVALID_REQUEST' };
    const tokenErr = this.tokenError(token);
    if (tokenErr) return tokenErr;
    const h = this.holds.get(token) as Hold;
    if (seats === undefined) {
      this.dropDue();
      this.holds.delete(token);
      return { released: sortNums(h.seats), ga: gaList(h.ga), seq: this.commit(true) };
    }
    const err = this.range(seats);
    if (err) return err;
    const notHeld = seats.filter((s) => !h.seats.has(s));
    if (notHeld.length) return { error: 'SEATS_NOT_HELD', seats: notHeld };
    this.dropDue();
    for (const s of seats) h.seats.delete(s);
    if (h.seats.size === 0 && h.ga.size === 0) this.holds.delete(token);
    return { released: sortNums(seats), ga: [], seq: this.commit(true) };
  }

  extend(token: string, ttlMs: number) {
    const err = this.tokenError(token);
    if (err) return err;
    (this.holds.get(token) as Hold).expiresAt = this.now + ttlMs;
    return { expiresAt: this.now + ttlMs };
  }

  getHold(token: string) {
    const h = this.live(token);
    return h ? { token, expiresAt: h.expiresAt, seats: sortNums(h.seats), ga: gaList(h.ga) } : null;
  }

  checkHold(token: string, seats: number[], ga: GaQuantity[]) {
    if (!seats.length && !ga.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats) ?? this.tokenError(token);
    if (err) return err;
    const h = this.holds.get(token) as Hold;
    const notHeld = seats.filter((s) => !h.seats.has(s));
    const areas = ga.filter((g) => (h.ga.get(g.areaId) ?? 0) < g.quantity).map((g) => g.areaId);
    if (notHeld.length || areas.length) return { error: 'SEATS_NOT_HELD', seats: notHeld, areas };
    return undefined;
  }

  book(token: string | undefined, force: boolean, seats: number[], ga: GaQuantity[]) {
    if (!seats.length && !ga.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats);
    if (err) return err;
    const live = this.live(token);
    if (!force) {
      const taken = seats.filter((s) => {
        const st = this.status(s);
        return !(st === 0 || (st === 1 && live && this.ownerOf(s) === token));
      });
      if (taken.length) return { error: 'SEATS_UNAVAILABLE', seats: taken };
    }
    const fromToken = (g: GaQuantity) => Math.min(g.quantity, live?.ga.get(g.areaId) ?? 0);
    const gaErr = this.gaCheck(ga, (g) => (force ? -Infinity : g.quantity - fromToken(g)));
    if (gaErr) return gaErr;
    const taking = ga.map(fromToken);
    const due = this.dropDue();
    let changed = due.tokens.length > 0 || ga.length > 0;
    for (const s of seats) {
      if (this.booked.has(s)) continue;
      changed = true;
      const owner = this.ownerOf(s);
      if (owner !== undefined) this.holds.get(owner)?.seats.delete(s);
      this.blocked.delete(s);
      this.booked.add(s);
    }
    ga.forEach((g, i) => {
      const take = taking[i] as number;
      if (live && take > 0) {
        const left = (live.ga.get(g.areaId) ?? 0) - take;
        if (left > 0) live.ga.set(g.areaId, left);
        else live.ga.delete(g.areaId);
      }
      this.gaBooked.set(g.areaId, (this.gaBooked.get(g.areaId) ?? 0) + g.quantity);
    });
    for (const [t, h] of this.holds)
      if (h.seats.size === 0 && h.ga.size === 0) this.holds.delete(t);
    return { seq: this.commit(changed), soldOut: this.soldOut() };
  }

  /** No free seat and no GA place left. */
  soldOut(): boolean {
    for (let s = 0; s < this.seatCount; s++) if (this.status(s) === 0) return false;
    return [...this.capacity.keys()].every((area) => this.gaFree(area) <= 0);
  }

  cancel(seats: number[], ga: GaQuantity[]) {
    if (!seats.length && !ga.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats);
    if (err) return err;
    const unknown = ga.filter((g) => !this.capacity.has(g.areaId)).map((g) => g.areaId);
    if (unknown.length) return { error: 'GA_AREA_UNKNOWN', areas: unknown };
    const notBooked = seats.filter((s) => !this.booked.has(s));
    const short = ga
      .filter((g) => (this.gaBooked.get(g.areaId) ?? 0) < g.quantity)
      .map((g) => g.areaId);
    if (notBooked.length || short.length)
      return { error: 'NOT_BOOKED', seats: notBooked, areas: short };
    this.dropDue();
    for (const s of seats) this.booked.delete(s);
    for (const g of ga)
      this.gaBooked.set(g.areaId, (this.gaBooked.get(g.areaId) ?? 0) - g.quantity);
    return { seq: this.commit(true) };
  }

  block(seats: number[]) {
    if (!seats.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats);
    if (err) return err;
    const taken = seats.filter((s) => this.status(s) !== 0);
    if (taken.length) return { error: 'SEATS_UNAVAILABLE', seats: taken };
    this.dropDue();
    for (const s of seats) this.blocked.add(s);
    return { seq: this.commit(true) };
  }

  unblock(seats: number[]) {
    if (!seats.length) return { error: 'INVALID_REQUEST' };
    const err = this.range(seats);
    if (err) return err;
    const notBlocked = seats.filter((s) => !this.blocked.has(s));
    if (notBlocked.length) return { error: 'NOT_BLOCKED', seats: notBlocked };
    this.dropDue();
    for (const s of seats) this.blocked.delete(s);
    return { seq: this.commit(true) };
  }

  sweep() {
    const { tokens, seats } = this.dropDue();
    return { expiredTokens: tokens, released: seats, seq: this.commit(tokens.length > 0) };
  }
}
