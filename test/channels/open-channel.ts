// The partner channel most channel tests start from, opened through the REST API as the owner.
import type { ChannelWorld } from './world.ts';

/** What the owner allocates to the channel: seat ids and standing places per area. */
export interface Allocation {
  seats?: string[];
  ga?: { areaId: string; quantity: number }[];
}

/**
 * Opens a partner channel named "Friends" for `w.partner` on the owner's event and allocates
 * `allocation` to it; returns the channel's id.
 * @example const channelId = await openPartnerChannel(w, { seats: ['R2-1', 'R2-2'] });
 */
export async function openPartnerChannel(w: ChannelWorld, allocation: Allocation): Promise<string> {
  const channel = await w.ok('POST', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
    body: { kind: 'partner', name: 'Friends', partnerOrgId: w.partner.orgId },
  });
  await w.ok('POST', `/events/${w.eventId}/channels/${channel.id}/allocate`, {
    key: w.owner.secretKey,
    body: allocation,
  });
  return channel.id;
}
