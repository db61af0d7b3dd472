// What one request may sell: the channel it sells through and the seats and standing places that
// channel holds. A partner's keys and staff always sell through the partner's channel; the owner
// sells its general pool (what no channel holds) unless it names one of its channels. These checks
// run on the event runtime before the store is asked, so a refused request changes nothing;
// Postgres checks the same again in the booking's transaction (orders/service.ts).
import { DomainError, type Principal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { seatIdsOf } from '../events/seats.ts';
import type { ChannelView } from './runtime.ts';

/** Seat state byte the store uses for blocked seats: what best-available never picks. */
const UNSELLABLE = 3;

/** Whether the caller sells an event it does not own (through a partner channel). */
export const isPartner = (event: EventRuntime, p: Principal) => event.orgId !== p.orgId;

/**
 * The channel a request sells through: null for the owner's general pool.
 * @throws NOT_FOUND for a channel the caller cannot see (another event's, another partner's).
 * @example const channel = sellingChannel(event, principal, body.channelId);
 */
export function sellingChannel(
  event: EventRuntime,
  p: Principal,
  requested?: string,
): ChannelView | null {
  const notFound = (id: string) => new DomainError('NOT_FOUND', `Channel ${id} not found`);
  if (isPartner(event, p)) {
    const own = event.channels.list.find((c) => c.partnerOrgId === p.orgId);
    if (!own) throw new DomainError('NOT_FOUND', `Event ${event.id} not found`);
    if (requested !== undefined && requested !== own.id) throw notFound(requested);
    return own;
  }
  if (requested === undefined) return null;
  const channel = event.channels.list.find((c) => c.id === requested);
  if (!channel) throw notFound(requested);
  return channel;
}

const where = (channel: ChannelView | null) => (channel ? `channel ${channel.id}` : 'general sale');

/**
 * Refuses seats and standing quantities the channel does not hold, by name (409
 * NOT_IN_CHANNEL): for a channel, seats not allocated to it and areas beyond its allocation; for
 * the general pool, seats allocated to any channel and areas beyond what channels leave.
 */
export function checkAllocation(
  event: EventRuntime,
  channel: ChannelView | null,
  seats: readonly number[],
  ga: readonly { areaId: string; quantity: number }[],
): void {
  const { seatChannel } = event.channels;
  const want = channel?.id;
  const outside = seats.filter((i) => seatChannel.get(i) !== want);
  if (outside.length) {
    const ids = seatIdsOf(event, outside);
    throw new DomainError('NOT_IN_CHANNEL', `Not on sale in ${where(channel)}: ${ids.join(', ')}`, {
      seats: ids,
    });
  }
  const over = ga
    .filter((g) => g.quantity > gaShare(event, channel, g.areaId))
    .map((g) => g.areaId);
  if (over.length) {
    throw new DomainError(
      'NOT_IN_CHANNEL',
      `More places than ${where(channel)} has in ${over.join(', ')}`,
      { areas: over },
    );
  }
}

/** Places of a standing area the channel may sell in all (taken ones included). */
export function gaShare(event: EventRuntime, channel: ChannelView | null, areaId: string): number {
  if (channel) return channel.ga.find((g) => g.areaId === areaId)?.quantity ?? 0;
  const capacity = event.layout.gaAreas.find((a) => a.id === areaId)?.capacity ?? 0;
  const allocated = event.channels.list
    .flatMap((c) => c.ga)
    .filter((g) => g.areaId === areaId)
    .reduce((sum, g) => sum + g.quantity, 0);
  return Math.max(0, capacity - allocated);
}

/**
 * The live status with every seat the channel may not sell marked unsellable, so best-available
 * searches the channel's seats only. Returns `status` itself when nothing needs masking.
 */
export function channelStatus(
  event: EventRuntime,
  channel: ChannelView | null,
  status: Uint8Array,
): Uint8Array {
  const { seatChannel } = event.channels;
  if (!channel) {
    if (seatChannel.size === 0) return status;
    const masked = status.slice();
    for (const i of seatChannel.keys()) masked[i] = UNSELLABLE;
    return masked;
  }
  const masked = new Uint8Array(status.length).fill(UNSELLABLE);
  for (const i of channel.seats) if (i < status.length) masked[i] = status[i] as number;
  return masked;
}

/** The prices a channel sells at: its own table, else the event's. */
export function channelEvent(event: EventRuntime, channel: ChannelView | null): EventRuntime {
  return channel?.prices ? { ...event, prices: channel.prices } : event;
}
