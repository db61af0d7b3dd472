// The in-process store's booking-side commands (book, cancel, block, unblock, sweep), mirroring
// book-9.lua, cancel-7.lua, block-7.lua, unblock-7.lua and sweep-7.lua.
import { ErrorCode } from '../errors.ts';
import type { GaQuantity } from '../seat-store.ts';
import { checkRange, fail } from './check.ts';
import type { EventState } from './event-state.ts';

export function book(
  state: EventState,
  token: string | undefined,
  force: boolean,
  seats: readonly number[],
  ga: readonly GaQuantity[],
): number {
  checkRange(state, seats);
  const live = token === undefined ? undefined : state.liveToken(token);
  const t = typeof live === 'object' ? live : undefined;
  if (!force) {
    const taken = seats.filter((seat) => {
      const [st, owner] = state.seatState(seat);
      return !(st === 0 || (st === 1 && t && owner === token));
    });
    if (taken.length) throw fail(state, ErrorCode.SeatsUnavailable, taken, [], token);
  }
  const fromToken = ga.map((g) => Math.min(g.quantity, t?.ga.get(g.areaId) ?? 0));
  const unknown = ga.filter((g) => state.gaFree(g.areaId) === undefined).map((g) => g.areaId);
  if (unknown.length) throw fail(state, ErrorCode.GaAreaUnknown, [], unknown, token);
  const short = ga.filter(
    (g, i) => !force && (state.gaFree(g.areaId) as number) < g.quantity - (fromToken[i] as number),
  );
  if (short.length)
    throw fail(
      state,
      ErrorCode.GaUnavailable,
      [],
      short.map((g) => g.areaId),
      token,
    );

  state.expireDue([]);
  const touched = new Set<string>();
  for (const seat of seats) {
    const [st, owner] = state.seatState(seat);
    if (st === 2) continue;
    if (owner !== undefined) {
      state.unholdSeat(owner, seat);
      touched.add(owner);
    }
    state.setStatus(seat, 2);
  }
  ga.forEach((g, i) => {
    const fromHold = fromToken[i] as number;
    if (t && token !== undefined && fromHold > 0) {
      const left = (t.ga.get(g.areaId) ?? 0) - fromHold;
      if (left > 0) t.ga.set(g.areaId, left);
      else t.ga.delete(g.areaId);
      state.gaIncr(g.areaId, 'held', -fromHold);
      touched.add(token);
    }
    state.gaIncr(g.areaId, 'booked', g.quantity);
  });
  for (const owner of touched) state.dropIfEmpty(owner);
  return state.commit();
}

export function cancel(
  state: EventState,
  seats: readonly number[],
  ga: readonly GaQuantity[],
  force = false,
): number {
  checkRange(state, seats);
  const notBooked = seats.filter((s) => state.status[s] !== 2);
  const unknown = ga.filter((g) => !state.ga.has(g.areaId)).map((g) => g.areaId);
  if (unknown.length) throw fail(state, ErrorCode.GaAreaUnknown, [], unknown);
  const bookedIn = (areaId: string) => state.ga.get(areaId)?.booked ?? 0;
  const short = ga.filter((g) => bookedIn(g.areaId) < g.quantity).map((g) => g.areaId);
  if (!force && (notBooked.length || short.length)) {
    throw fail(state, ErrorCode.NotBooked, notBooked, short);
  }
  state.expireDue([]);
  for (const seat of seats) if (state.status[seat] === 2) state.setStatus(seat, 0);
  for (const g of ga) {
    const quantity = Math.min(g.quantity, bookedIn(g.areaId));
    if (quantity > 0) state.gaIncr(g.areaId, 'booked', -quantity);
  }
  return state.commit();
}

export function block(state: EventState, seats: readonly number[]): number {
  checkRange(state, seats);
  const taken = seats.filter((s) => state.seatState(s)[0] !== 0);
  if (taken.length) throw fail(state, ErrorCode.SeatsUnavailable, taken);
  state.expireDue([]);
  for (const seat of seats) state.setStatus(seat, 3);
  return state.commit();
}

export function unblock(state: EventState, seats: readonly number[]): number {
  checkRange(state, seats);
  const notBlocked = seats.filter((s) => state.status[s] !== 3);
  if (notBlocked.length) throw fail(state, ErrorCode.NotBlocked, notBlocked);
  state.expireDue([]);
  for (const seat of seats) state.setStatus(seat, 0);
  return state.commit();
}

export function sweep(state: EventState): {
  expiredTokens: string[];
  released: number[];
  seq: number;
} {
  const released: number[] = [];
  const expiredTokens = state.expireDue(released);
  return { expiredTokens, released: released.sort((a, b) => a - b), seq: state.commit() };
}
