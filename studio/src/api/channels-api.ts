// The sales channels of an event (online, box office, partners) and the seats allocated to each.
import type { ApiClient } from './client.ts';

export interface ChannelView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Seat ids allocated to the channel. */
  readonly seats: readonly string[];
}

export const listChannels = async (api: ApiClient, eventId: string): Promise<ChannelView[]> =>
  (
    await api.request<{ channels: ChannelView[] }>(
      'GET',
      `/events/${encodeURIComponent(eventId)}/channels`,
    )
  ).body.channels;
