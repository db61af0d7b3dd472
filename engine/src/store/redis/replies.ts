// Decoding script replies: {code<0, seats, areas} becomes a SeatStoreError through the one
// factory; success payloads become the store's types.
import { decodeGaStates, decodeSeatChanges, type LogEntry } from '../change-log.ts';
import { seatStoreError, type ErrorCode } from '../errors.ts';
import type { GaQuantity, GaState } from '../seat-store.ts';

/** A script reply: [0, …payload] or [code, seats, areas]. */
export type Reply = [number, ...unknown[]];

type Bulk = string | Buffer | number;

/** Returns the payload of a successful reply, or throws the SeatStoreError its code names. */
export function unwrap(reply: unknown, eventId: string, token?: string): unknown[] {
  const [code, ...rest] = reply as Reply;
  if (code >= 0) return rest;
  const [seats, areas] = rest as [Bulk[], Bulk[]];
  throw seatStoreError(code as ErrorCode, {
    eventId,
    ...(token !== undefined ? { token } : {}),
    seats: seats.map((s) => Number(s.toString())),
    areas: areas.map((a) => a.toString()),
  });
}

export function toNumbers(list: unknown): number[] {
  return (list as Bulk[]).map((s) => Number(s.toString()));
}

/** Flat [area, qty, …] → quantities, by area id. */
export function toGaQuantities(flat: unknown): GaQuantity[] {
  const list = flat as Bulk[];
  const out: GaQuantity[] = [];
  for (let i = 0; i + 1 < list.length; i += 2) {
    out.push({ areaId: String(list[i]), quantity: Number(String(list[i + 1])) });
  }
  return sortGa(out);
}

/** Quantities ordered by area id, as every reply lists them. */
export function sortGa(ga: readonly GaQuantity[]): GaQuantity[] {
  return ga
    .map((g) => ({ areaId: g.areaId, quantity: g.quantity }))
    .sort((a, b) => (a.areaId < b.areaId ? -1 : 1));
}

/** The ga hash (flat "<area>:c|h|b", value, …) → GA states, by area id. */
export function toGaStates(flat: unknown): GaState[] {
  const list = flat as Bulk[];
  const areas = new Map<string, GaState>();
  for (let i = 0; i + 1 < list.length; i += 2) {
    const field = String(list[i]);
    const cut = field.lastIndexOf(':');
    const areaId = field.slice(0, cut);
    const state = areas.get(areaId) ?? { areaId, capacity: 0, held: 0, booked: 0 };
    const value = Number(String(list[i + 1]));
    const part = field.slice(cut + 1);
    if (part === 'c') state.capacity = value;
    else if (part === 'h') state.held = value;
    else state.booked = value;
    areas.set(areaId, state);
  }
  return [...areas.values()].sort((a, b) => (a.areaId < b.areaId ? -1 : 1));
}

/** XRANGE entries [[ "<seq>-0", [field, value, …]], …] → log entries. */
export function toLogEntries(raw: unknown): LogEntry[] {
  return (raw as [string, string[]][]).map(([id, fields]) => {
    const entry: LogEntry = { seq: Number(id.split('-')[0]), seats: [], ga: [] };
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const value = fields[i + 1] ?? '';
      if (fields[i] === 'c') entry.seats = decodeSeatChanges(value);
      else if (fields[i] === 'g') entry.ga = decodeGaStates(value);
    }
    return entry;
  });
}
