// Series (seasons), subscriptions (the same seats on every event, all or nothing), renewals,
// group bookings of one event, and the ticket pages of a booking.
import type { ApiClient } from './client.ts';

export interface SeriesView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** In date order. */
  readonly events: readonly { id: string; name: string; startsAt: string }[];
}

export interface SubscriptionView {
  readonly id: string;
  readonly seriesId: string;
  readonly seats: readonly string[];
  readonly holder: string | null;
  readonly orderRef: string | null;
  readonly priceType: string;
  readonly renewedFrom: string | null;
  readonly renewedBy: string | null;
  readonly createdAt: string;
  readonly bookings: readonly {
    eventId: string;
    bookingId: string;
    status: 'confirmed' | 'cancelled';
  }[];
}

export interface SubscribeInput {
  readonly seats: readonly string[];
  readonly holder?: string;
  readonly priceType?: string;
}

export interface GroupInput {
  readonly groupName: string;
  readonly quantity: number;
  readonly category?: string;
  readonly sectionId?: string;
}

export interface GroupBookingView {
  readonly bookingId: string;
  readonly groupName: string;
  /** Row by row, each row one contiguous run. */
  readonly seats: readonly string[];
  readonly rows: number;
  readonly amount: number;
  readonly currency: string;
}

export interface TicketView {
  readonly code: string;
  /** The ticket page, relative to the engine (/tickets/<code>). */
  readonly url: string;
  readonly status: 'valid' | 'scanned' | 'cancelled';
  readonly seat: { id: string; label: string; row: string; section: string } | null;
  readonly standing: { areaId: string; label: string; unit: number } | null;
}

const seriesPath = (id: string) => `/series/${encodeURIComponent(id)}`;

export const listSeries = async (api: ApiClient): Promise<SeriesView[]> =>
  (await api.request<{ series: SeriesView[] }>('GET', '/series')).body.series;

export const createSeries = async (
  api: ApiClient,
  input: { name: string; eventIds?: readonly string[] },
): Promise<SeriesView> => (await api.request<SeriesView>('POST', '/series', input)).body;

export const addSeriesEvent = async (api: ApiClient, seriesId: string, eventId: string) =>
  (await api.request<SeriesView>('POST', `${seriesPath(seriesId)}/events`, { eventId })).body;

export const removeSeriesEvent = async (api: ApiClient, seriesId: string, eventId: string) =>
  (
    await api.request<SeriesView>(
      'DELETE',
      `${seriesPath(seriesId)}/events/${encodeURIComponent(eventId)}`,
    )
  ).body;

/** Books the same seats on every event of the series, all or nothing. */
export const subscribe = async (api: ApiClient, seriesId: string, input: SubscribeInput) =>
  (await api.request<SubscriptionView>('POST', `${seriesPath(seriesId)}/subscriptions`, input))
    .body;

export const getSubscription = async (api: ApiClient, id: string) =>
  (await api.request<SubscriptionView>('GET', `/subscriptions/${encodeURIComponent(id)}`)).body;

/** Books the subscription's seats on every event of `seriesId` (next season). */
export const renewSubscription = async (api: ApiClient, id: string, seriesId: string) =>
  (
    await api.request<SubscriptionView>('POST', `/subscriptions/${encodeURIComponent(id)}/renew`, {
      seriesId,
    })
  ).body;

/** Books a contiguous block for a group, or refuses (409) when there is none. */
export const bookGroup = async (api: ApiClient, eventId: string, input: GroupInput) =>
  (
    await api.request<GroupBookingView>(
      'POST',
      `/events/${encodeURIComponent(eventId)}/groups`,
      input,
    )
  ).body;

export const bookingTickets = async (api: ApiClient, bookingId: string): Promise<TicketView[]> =>
  (
    await api.request<{ tickets: TicketView[] }>(
      'GET',
      `/bookings/${encodeURIComponent(bookingId)}/tickets`,
    )
  ).body.tickets;
