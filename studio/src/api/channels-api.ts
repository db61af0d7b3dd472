// The sales channels of an event (online, box office, partners) and the seats allocated to each:
// list, create, rename, delete, allocate (all or nothing), release unsold back, sell-through per
// channel.
import type { ApiClient } from './client.ts';

export type ChannelKind = 'online' | 'boxoffice' | 'partner';

export interface GaAllocation {
  readonly areaId: string;
  readonly quantity: number;
}

export interface ChannelView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Seat ids allocated to the channel. */
  readonly seats: readonly string[];
  /** Standing places allocated (engines before channels had them leave this out). */
  readonly ga?: readonly GaAllocation[];
  readonly partnerOrgId?: string | null;
}

export interface CreateChannelInput {
  readonly kind: ChannelKind;
  readonly name: string;
  readonly partnerOrgId?: string;
}

export interface AllocationInput {
  readonly seats?: readonly string[];
  readonly ga?: readonly GaAllocation[];
}

export interface ReleasedAllocation {
  readonly seats: readonly string[];
  readonly ga: readonly GaAllocation[];
  readonly kept: { readonly seats: readonly string[] };
}

/** A deleted channel and the allocation that went back to the general sale. */
export interface DeletedChannel {
  readonly id: string;
  readonly released: { readonly seats: readonly string[]; readonly ga: readonly GaAllocation[] };
}

export interface ChannelSellThrough {
  /** null: the general sale. */
  readonly channelId: string | null;
  readonly name: string;
  readonly kind: ChannelKind | 'general';
  readonly allocated: { readonly seats: number; readonly ga: readonly GaAllocation[] };
  readonly sold: {
    readonly bookings: number;
    readonly seats: number;
    readonly ga: number;
    readonly revenue: readonly { currency: string; amount: number }[];
  };
}

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}/channels`;

export const listChannels = async (api: ApiClient, eventId: string): Promise<ChannelView[]> =>
  (await api.request<{ channels: ChannelView[] }>('GET', base(eventId))).body.channels;

export const createChannel = async (
  api: ApiClient,
  eventId: string,
  input: CreateChannelInput,
): Promise<ChannelView> => (await api.request<ChannelView>('POST', base(eventId), input)).body;

const channelPath = (eventId: string, channelId: string) =>
  `${base(eventId)}/${encodeURIComponent(channelId)}`;

export const renameChannel = async (
  api: ApiClient,
  eventId: string,
  channelId: string,
  name: string,
): Promise<ChannelView> =>
  (await api.request<ChannelView>('PATCH', channelPath(eventId, channelId), { name })).body;

/** Deletes a channel; the engine refuses (409 CHANNEL_IN_USE) while its bookings are live. */
export const deleteChannel = async (
  api: ApiClient,
  eventId: string,
  channelId: string,
): Promise<DeletedChannel> =>
  (await api.request<DeletedChannel>('DELETE', channelPath(eventId, channelId))).body;

/** Gives free seats and standing places to a channel; the engine refuses all if one is not free. */
export const allocateToChannel = async (
  api: ApiClient,
  eventId: string,
  channelId: string,
  input: AllocationInput,
): Promise<ChannelView> =>
  (
    await api.request<ChannelView>(
      'POST',
      `${base(eventId)}/${encodeURIComponent(channelId)}/allocate`,
      input,
    )
  ).body;

/** Gives unsold seats back to the general sale (everything unsold when `input` is empty). */
export const releaseAllocation = async (
  api: ApiClient,
  eventId: string,
  channelId: string,
  input: AllocationInput = {},
): Promise<ReleasedAllocation> =>
  (
    await api.request<ReleasedAllocation>(
      'POST',
      `${base(eventId)}/${encodeURIComponent(channelId)}/release`,
      input,
    )
  ).body;

export const getSellThrough = async (
  api: ApiClient,
  eventId: string,
): Promise<ChannelSellThrough[]> =>
  (await api.request<{ channels: ChannelSellThrough[] }>('GET', `${base(eventId)}/sell-through`))
    .body.channels;
