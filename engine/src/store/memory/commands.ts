// The in-process store's commands: the same checks, in the same order, with the same errors as
// the Lua scripts of the same name (lua/<name>-<n>.lua). Synchronous and deterministic; inputs
// are already validated by the caller. Each check phase throws before anything is written.
import { ErrorCode } from '../errors.ts';
import type { GaQuantity } from '../seat-store.ts';
import { checkRange, fail } from './check.ts';
import type { EventState } from './event-state.ts';

/** Unknown areas, then areas whose free capacity is below `need(i)`. */
function checkGaFree(
  state: EventState,
  ga: readonly GaQuantity[],
  need: (i: number) => number,
): void {
  const unknown: string[] = [];
  const short: string[] = [];
  ga.forEach((g, i) => {
    const free = state.gaFree(g.areaId);
    if (free === undefined) unknown.push(g.areaId);
    else if (free < need(i)) short.push(g.areaId);
  });
  if (unknown.length) throw fail(state, ErrorCode.GaAreaUnknown, [], unknown);
  if (short.length) throw fail(state, ErrorCode.GaUnavailable, [], short);
}

/** Sorted seats and GA of a token. */
export function tokenContents(
  state: EventState,
  token: string,
): { seats: number[]; ga: GaQuantity[] } {
  const t = state.tokens.get(token);
  if (!t) return { seats: [], ga: [] };
  const ga = [...t.ga].map(([areaId, quantity]) => ({ areaId, quantity }));
  return {
    seats: [...t.seats].sort((a, b) => a - b),
    ga: ga.sort((a, b) => (a.areaId < b.areaId ? -1 : 1)),
  };
}

export function hold(
  state: EventState,
  token: string,
  expiresAt: number,
  seats: readonly number[],
  ga: readonly GaQuantity[],
): number {
  checkRange(state, seats);
  const taken: number[] = [];
  const toHold: number[] = [];
  for (const seat of seats) {
    const [st, owner] = state.seatState(seat);
    if (st === 0) toHold.push(seat);
    else if (owner !== token) taken.push(seat);
  }
  if (taken.length) throw fail(state, ErrorCode.SeatsUnavailable, taken, [], token);
  checkGaFree(state, ga, (i) => (ga[i] as GaQuantity).quantity);
  state.expireDue([]);
  const t = state.upsertToken(token, expiresAt);
  for (const seat of toHold) {
    state.setStatus(seat, 1);
    state.owner.set(seat, token);
    t.seats.add(seat);
  }
  for (const { areaId, quantity } of ga) {
    t.ga.set(areaId, (t.ga.get(areaId) ?? 0) + quantity);
    state.gaIncr(areaId, 'held', quantity);
  }
  return state.commit();
}

/** Throws unless `token` is live. */
function requireLive(state: EventState, token: string): void {
  const live = state.liveToken(token);
  if (live === 'missing') throw fail(state, ErrorCode.HoldNotFound, [], [], token);
  if (live === 'expired') throw fail(state, ErrorCode.HoldExpired, [], [], token);
}

export function release(
  state: EventState,
  token: string,
  seats: readonly number[] | undefined,
): { released: number[]; ga: GaQuantity[]; seq: number } {
  requireLive(state, token);
  const released: number[] = [];
  if (seats === undefined) {
    const ga = tokenContents(state, token).ga;
    state.expireDue([]);
    state.dropToken(token, released);
    return { released, ga, seq: state.commit() };
  }
  checkRange(state, seats);
  const notHeld = seats.filter((s) => state.owner.get(s) !== token);
  if (notHeld.length) throw fail(state, ErrorCode.SeatsNotHeld, notHeld, [], token);
  state.expireDue([]);
  for (const seat of seats) {
    state.unholdSeat(token, seat);
    state.setStatus(seat, 0);
    released.push(seat);
  }
  state.dropIfEmpty(token);
  return { released, ga: [], seq: state.commit() };
}

export function extend(state: EventState, token: string, expiresAt: number): void {
  requireLive(state, token);
  state.upsertToken(token, expiresAt);
}

export function checkHold(
  state: EventState,
  token: string,
  seats: readonly number[],
  ga: readonly GaQuantity[],
): void {
  checkRange(state, seats);
  requireLive(state, token);
  const t = state.tokens.get(token);
  const notHeld = seats.filter((s) => state.owner.get(s) !== token);
  const areas = ga.filter((g) => (t?.ga.get(g.areaId) ?? 0) < g.quantity).map((g) => g.areaId);
  if (notHeld.length || areas.length)
    throw fail(state, ErrorCode.SeatsNotHeld, notHeld, areas, token);
}
