// The event routes the studio uses: list, read, create (also to duplicate), the layout and the
// live availability counts.
import type { ApiClient } from './client.ts';

export interface Price {
  readonly category: string;
  readonly priceType: string;
  /** Minor units (cents). */
  readonly amount: number;
  readonly currency: string;
}

export interface EventView {
  readonly id: string;
  readonly name: string;
  readonly seatmapId: string;
  readonly seatmapVersion: number;
  readonly startsAt: string;
  readonly holdTtlSeconds: number;
  readonly salesOpen: boolean;
  readonly seatCount: number;
  readonly createdAt: string;
  readonly prices: readonly Price[];
  /** The public on-sale window (engines before it existed leave these out). */
  readonly salesOpensAt?: string | null;
  readonly salesClosesAt?: string | null;
  /** Whether public keys may hold now. */
  readonly onSale?: boolean;
  /** Sales from Postgres (in the list, on engines that send it). */
  readonly sales?: EventSales;
}

export interface EventSales {
  readonly capacity: number;
  readonly sold: number;
  readonly blocked: number;
  readonly bookings: number;
  readonly revenue: readonly { currency: string; amount: number }[];
  readonly sellThrough: number;
}

export interface CreateEventInput {
  readonly name: string;
  readonly seatmapId: string;
  readonly seatmapVersion?: number;
  readonly startsAt: string;
  readonly prices: readonly Price[];
  readonly holdTtlSeconds?: number;
  readonly salesOpen?: boolean;
  readonly salesOpensAt?: string | null;
  readonly salesClosesAt?: string | null;
}

export interface StatusCounts {
  readonly free: number;
  readonly held: number;
  readonly booked: number;
  readonly blocked: number;
}

export interface GaState {
  readonly areaId: string;
  readonly capacity: number;
  readonly held: number;
  readonly booked: number;
}

export interface Availability {
  readonly epoch: number;
  readonly seq: number;
  readonly counts: StatusCounts;
  readonly packed?: string;
  readonly ga: readonly GaState[];
}

export interface LayoutSeat {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly row: string;
  readonly section: string;
  readonly level: string;
  readonly category: string | null;
  readonly x: number;
  readonly y: number;
  readonly flags: readonly string[];
}

export interface EventLayout {
  readonly event: {
    readonly id: string;
    readonly name: string;
    readonly startsAt: string;
    readonly salesOpen: boolean;
    readonly holdTtlSeconds: number;
  };
  readonly size: { readonly width: number; readonly height: number };
  readonly categories: readonly { key: string; label: string; color: string }[];
  readonly levels: readonly { id: string; name: string }[];
  readonly seats: readonly LayoutSeat[];
  readonly gaAreas: readonly {
    id: string;
    label: string;
    section: string;
    capacity: number;
    category: string | null;
  }[];
  readonly prices: readonly Price[];
}

const path = (id: string) => `/events/${encodeURIComponent(id)}`;

export const listEvents = async (api: ApiClient): Promise<EventView[]> =>
  (await api.request<{ events: EventView[] }>('GET', '/events')).body.events;

export const getEvent = async (api: ApiClient, id: string): Promise<EventView> =>
  (await api.request<EventView>('GET', path(id))).body;

export const createEvent = async (api: ApiClient, input: CreateEventInput): Promise<EventView> =>
  (await api.request<EventView>('POST', '/events', input)).body;

export const getLayout = async (api: ApiClient, id: string): Promise<EventLayout> =>
  (await api.request<EventLayout>('GET', `${path(id)}/layout`)).body;

export const getAvailability = async (api: ApiClient, id: string): Promise<Availability> =>
  (await api.request<Availability>('GET', `${path(id)}/availability?format=packed`)).body;

/** Opens public sales now (POST /events/:id/open) or closes them (…/close). */
export const setSalesOpen = async (api: ApiClient, id: string, open: boolean): Promise<EventView> =>
  (await api.request<EventView>('POST', `${path(id)}/${open ? 'open' : 'close'}`)).body;

/** The settings PATCH /events/:id changes (prices replace all prices). */
export interface EventChanges {
  readonly name?: string;
  readonly startsAt?: string;
  readonly holdTtlSeconds?: number;
  readonly salesOpensAt?: string | null;
  readonly salesClosesAt?: string | null;
  readonly prices?: readonly Price[];
}

export const patchEvent = async (
  api: ApiClient,
  id: string,
  changes: EventChanges,
): Promise<EventView> => (await api.request<EventView>('PATCH', path(id), changes)).body;
