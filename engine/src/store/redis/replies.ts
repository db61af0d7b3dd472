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

/**
 * XRANGE entries → one log entry per seq, in order. An entry's fields are "<seq>" (seat changes)
 * and "g<seq>" (GA states) for each seq it holds; entries from before batches carry "c" and "g"
 * of the seq in their id ("<seq>-0").
 */
export function toLogEntries(raw: unknown): LogEntry[] {
  const out: LogEntry[] = [];
  for (const [id, fields] of raw as [string, string[]][]) {
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i] as string;
      const value = fields[i + 1] ?? '';
      if (name === 'c') {
        out.push({ seq: Number(id.split('-')[0]), seats: decodeSeatChanges(value), ga: [] });
      } else if (name.startsWith('g')) {
        const last = out[out.length - 1];
        if (last) last.ga = decodeGaStates(value);
      } else {
        out.push({ seq: Number(name), seats: decodeSeatChanges(value), ga: [] });
      }
    }
  }
  return out;
}
