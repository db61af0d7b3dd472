// Input validation shared by both stores. It runs before any script, so a bad request is
// rejected with INVALID_REQUEST naming the problem and never reaches (or changes) the state.
// Range checks against the seat count happen inside the command, which knows the event.
import { invalidRequest } from './errors.ts';
import type { EventInit, GaQuantity, RestoreInit } from './seat-store.ts';

/** Area ids travel in compact ","/";"-separated encodings (script args, log entries). */
const AREA_ID = /^[^,;\s]{1,128}$/;
const MAX_TOKEN_LENGTH = 256;

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Event ids name keys and travel in "<eventId> <seq>" notifications: no whitespace. */
export function checkEventId(eventId: unknown): string {
  if (typeof eventId !== 'string' || !/^\S{1,200}$/.test(eventId)) {
    throw invalidRequest(`eventId must be a non-empty string without whitespace`);
  }
  return eventId;
}

export function checkToken(token: unknown, eventId: string): string {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw invalidRequest(`token must be a non-empty string of at most ${MAX_TOKEN_LENGTH} chars`, {
      eventId,
    });
  }
  return token;
}

/** Seat indexes: non-negative integers without duplicates. */
export function checkSeats(seats: unknown, eventId: string): number[] {
  if (!Array.isArray(seats)) throw invalidRequest('seats must be an array', { eventId });
  const seen = new Set<number>();
  for (const seat of seats) {
    if (!isCount(seat)) {
      throw invalidRequest(`seat index ${String(seat)} is not a non-negative integer`, { eventId });
    }
    if (seen.has(seat))
      throw invalidRequest(`seat ${seat} is listed twice`, { eventId, seats: [seat] });
    seen.add(seat);
  }
  return seats as number[];
}

/** GA quantities: known-format area ids, positive integer quantities, each area once. */
export function checkGa(ga: unknown, eventId: string): GaQuantity[] {
  if (ga === undefined) return [];
  if (!Array.isArray(ga)) throw invalidRequest('ga must be an array', { eventId });
  const seen = new Set<string>();
  for (const item of ga as GaQuantity[]) {
    if (typeof item?.areaId !== 'string' || !AREA_ID.test(item.areaId)) {
      throw invalidRequest(`GA area id ${String(item?.areaId)} is invalid`, { eventId });
    }
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      throw invalidRequest(`GA quantity ${String(item.quantity)} must be a positive integer`, {
        eventId,
        areas: [item.areaId],
      });
    }
    if (seen.has(item.areaId)) {
      throw invalidRequest(`GA area ${item.areaId} is listed twice`, {
        eventId,
        areas: [item.areaId],
      });
    }
    seen.add(item.areaId);
  }
  return ga as GaQuantity[];
}

/** A request must name at least one seat or GA quantity. */
export function checkNotEmpty(seats: number[], ga: GaQuantity[], eventId: string): void {
  if (seats.length === 0 && ga.length === 0) {
    throw invalidRequest('request names no seats and no GA quantities', { eventId });
  }
}

export function checkTtl(ttlMs: unknown, eventId: string): number {
  if (!Number.isSafeInteger(ttlMs) || (ttlMs as number) <= 0) {
    throw invalidRequest(`ttlMs ${String(ttlMs)} must be a positive integer`, { eventId });
  }
  return ttlMs as number;
}

/** The command's clock: the caller's `now` (ms) or Date.now(). */
export function resolveNow(now: unknown, eventId: string): number {
  if (now === undefined) return Date.now();
  if (!Number.isSafeInteger(now) || (now as number) < 0) {
    throw invalidRequest(`now ${String(now)} must be a non-negative integer (ms)`, { eventId });
  }
  return now as number;
}

export function checkSeq(seq: unknown, eventId: string): number {
  if (!isCount(seq))
    throw invalidRequest(`seq ${String(seq)} must be a non-negative integer`, { eventId });
  return seq;
}

export function checkInit(init: EventInit): { seatCount: number; epoch: number } {
  const eventId = checkEventId(init?.eventId);
  if (!isCount(init.seatCount)) {
    throw invalidRequest(`seatCount ${String(init.seatCount)} must be a non-negative integer`, {
      eventId,
    });
  }
  const epoch = init.epoch ?? 1;
  if (!isCount(epoch))
    throw invalidRequest(`epoch ${String(epoch)} must be a non-negative integer`, { eventId });
  if (!Array.isArray(init.ga)) throw invalidRequest('ga must be an array', { eventId });
  const seen = new Set<string>();
  for (const area of init.ga) {
    if (typeof area?.areaId !== 'string' || !AREA_ID.test(area.areaId) || seen.has(area.areaId)) {
      throw invalidRequest(`GA area id ${String(area?.areaId)} is invalid or repeated`, {
        eventId,
      });
    }
    if (!isCount(area.capacity)) {
      throw invalidRequest(`GA capacity ${String(area.capacity)} must be a non-negative integer`, {
        eventId,
        areas: [area.areaId],
      });
    }
    seen.add(area.areaId);
  }
  return { seatCount: init.seatCount, epoch };
}

/**
 * Validates a restore and builds its status bytes (booked and blocked seats; everything else
 * free, since holds do not survive data loss).
 */
export function buildRestoreStatus(init: RestoreInit): Uint8Array {
  const { seatCount } = checkInit(init);
  const eventId = init.eventId;
  const status = new Uint8Array(seatCount);
  const booked = checkSeats(init.booked, eventId);
  const blocked = checkSeats(init.blocked, eventId);
  const outside = [...booked, ...blocked].filter((s) => s >= seatCount);
  if (outside.length) throw invalidRequest('seats beyond seatCount', { eventId, seats: outside });
  for (const seat of booked) status[seat] = 2;
  const both = blocked.filter((s) => status[s] === 2);
  if (both.length) throw invalidRequest('seats both booked and blocked', { eventId, seats: both });
  for (const seat of blocked) status[seat] = 3;
  const areas = new Map(init.ga.map((a) => [a.areaId, a.capacity]));
  for (const [areaId, booked] of Object.entries(init.gaBooked ?? {})) {
    const capacity = areas.get(areaId);
    if (capacity === undefined || !isCount(booked)) {
      throw invalidRequest(`gaBooked for ${areaId} names an unknown area or a bad quantity`, {
        eventId,
        areas: [areaId],
      });
    }
  }
  return status;
}

/** A seat list that must not be empty (release of listed seats, block, unblock). */
export function emptySeats(eventId: string): Error {
  return invalidRequest('seats must not be empty', { eventId });
}
