// The channel checks a booking repeats in its own transaction: the runtime's channels may be a few
// seconds old on this node, and the channel may be released or deleted while the booking is in
// flight. The booking holds the event's seat-allocation lock shared, taken once here, until it
// commits, so allocate, release and delete (which take it exclusive first) wait for the booking
// or went before. A general-sale booking of standing places only has nothing to check: no lock.
import type { Db } from '../db/db.ts';
import { DomainError } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { seatIdsOf } from '../events/seats.ts';
import { channelOnSale, seatsOutsideChannel, shareSeatAllocations } from './repo.ts';

/**
 * Refuses, with 409 NOT_IN_CHANNEL, a booking through a channel that no longer exists (naming
 * it) or of seats the channel (null: the general sale) does not hold (naming them).
 * @example await fenceChannelSale(tx, event, 'ch_1', [4, 5]);
 */
export async function fenceChannelSale(
  tx: Db,
  event: EventRuntime,
  channelId: string | null,
  seats: readonly number[],
): Promise<void> {
  if (channelId === null && seats.length === 0) return;
  await shareSeatAllocations(tx, event.id);
  if (channelId !== null && !(await channelOnSale(tx, event.id, channelId))) {
    throw new DomainError(
      'NOT_IN_CHANNEL',
      `Channel ${channelId} no longer exists: nothing is on sale through it`,
    );
  }
  const outside = await seatsOutsideChannel(tx, event.id, channelId, seats);
  if (outside.length) {
    const ids = seatIdsOf(event, outside);
    throw new DomainError('NOT_IN_CHANNEL', `Not on sale in this channel: ${ids.join(', ')}`, {
      seats: ids,
    });
  }
}
