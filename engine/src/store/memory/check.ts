// Failure helpers shared by the in-process store's commands (commands.ts, booking-commands.ts):
// the same error factory as the Lua scripts, bound to the event's state.
import { ErrorCode, seatStoreError } from '../errors.ts';
import type { EventState } from './event-state.ts';

/** A SeatStoreError about this event, naming the seats, areas and token concerned. */
export const fail = (
  state: EventState,
  code: ErrorCode,
  seats: number[] = [],
  areas: string[] = [],
  token?: string,
) =>
  seatStoreError(code, {
    eventId: state.eventId,
    seats,
    areas,
    ...(token !== undefined ? { token } : {}),
  });

/** Refuses seat indexes past the event's last seat (SeatOutOfRange, naming them). */
export function checkRange(state: EventState, seats: readonly number[]): void {
  const bad = seats.filter((s) => s >= state.seatCount);
  if (bad.length) throw fail(state, ErrorCode.SeatOutOfRange, bad);
}
