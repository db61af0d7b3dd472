// The counter-sale routes: hold (by seat or best available), release, book, cancel, block and
// unblock. Every call answers with what the engine committed; refusals are ApiError with a code.
import type { ApiClient } from './client.ts';

export interface Hold {
  readonly holdToken: string;
  readonly expiresAt: string;
  readonly seats: readonly string[];
}

export interface GaLine {
  readonly areaId: string;
  readonly quantity: number;
}

export interface Booking {
  readonly bookingId: string;
  readonly seats: readonly string[];
  readonly amount: number;
  readonly currency: string;
}

const path = (id: string, op: string) => `/events/${encodeURIComponent(id)}/${op}`;

/** Holds seats, added to `holdToken`'s hold when given (one hold per customer). */
export const holdSeats = async (
  api: ApiClient,
  eventId: string,
  seats: readonly string[],
  holdToken?: string,
  channelId?: string,
) =>
  (
    await api.request<Hold>('POST', path(eventId, 'holds'), {
      seats,
      ...(holdToken ? { holdToken } : {}),
      ...(channelId ? { channelId } : {}),
    })
  ).body;

export const holdBestAvailable = async (
  api: ApiClient,
  eventId: string,
  quantity: number,
  category?: string,
  channelId?: string,
) =>
  (
    await api.request<Hold>('POST', path(eventId, 'holds/best-available'), {
      quantity,
      ...(category ? { category } : {}),
      ...(channelId ? { channelId } : {}),
    })
  ).body;

export const releaseHold = async (api: ApiClient, eventId: string, holdToken: string) =>
  (await api.request<{ released: string[] }>('POST', path(eventId, 'release'), { holdToken })).body;

export const book = async (
  api: ApiClient,
  eventId: string,
  input: {
    seats: readonly string[];
    ga?: readonly GaLine[];
    holdToken?: string;
    priceType: string;
    orderRef?: string;
    channelId?: string;
  },
  idempotencyKey: string,
) =>
  (
    await api.request<Booking>('POST', path(eventId, 'book'), input, {
      'idempotency-key': idempotencyKey,
    })
  ).body;

export const cancelSeats = async (api: ApiClient, eventId: string, seats: readonly string[]) =>
  (await api.request<{ cancelled: string[] }>('POST', path(eventId, 'cancel'), { seats })).body;

export const blockSeats = async (
  api: ApiClient,
  eventId: string,
  seats: readonly string[],
  reason: string,
) =>
  (await api.request<{ seats: string[] }>('POST', path(eventId, 'block'), { seats, reason })).body;

export const unblockSeats = async (api: ApiClient, eventId: string, seats: readonly string[]) =>
  (await api.request<{ seats: string[] }>('POST', path(eventId, 'unblock'), { seats })).body;
