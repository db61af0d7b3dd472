// Renaming and deleting a channel of the owner's event, each audited in its own transaction.
// Deleting is refused while bookings sold through the channel are live; otherwise the channel and
// its allocations go in one transaction, so what it held is the general sale's again at once.
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { seatIdsOf } from '../events/seats.ts';
import { deleteChannel, liveBookingCount, lockChannel, renameChannel } from './edit-repo.ts';
import {
  getChannel,
  lockGaArea,
  lockSeatAllocations,
  type ChannelAllocations,
  type GaAllocation,
} from './repo.ts';

/** What a deleted channel gave back to the general sale. */
export interface DeletedChannel {
  id: string;
  deleted: true;
  released: { seats: string[]; ga: GaAllocation[] };
}

const gone = (channelId: string) => new DomainError('NOT_FOUND', `Channel ${channelId} not found`);

/** Renames the channel; the answer is the channel's new name. */
export async function renameOwnChannel(
  db: Db,
  p: Principal,
  channel: ChannelAllocations,
  name: string,
): Promise<void> {
  await inOrg(db, p.orgId, async (tx) => {
    if (!(await renameChannel(tx, channel, name))) throw gone(channel.id);
    await recordAudit(tx, {
      orgId: p.orgId,
      actor: auditActor(p),
      action: 'channel.rename',
      target: channel.id,
      details: { eventId: channel.eventId, from: channel.name, to: name },
    });
  });
}

/**
 * Deletes the channel unless a live booking was sold through it (409 CHANNEL_IN_USE naming how
 * many). Takes the locks allocate and release take, in the order bookings take them: the event's
 * seat-allocation lock, then the channel row (lockChannel), then each standing area it holds, so
 * no booking through the channel is between its channel check and its commit while it counts.
 */
export async function deleteOwnChannel(
  db: Db,
  p: Principal,
  event: EventRuntime,
  channelId: string,
): Promise<DeletedChannel> {
  const channel = await inOrg(db, p.orgId, async (tx) => {
    await lockSeatAllocations(tx, event.id);
    // Read under the lock: allocate and release hold it exclusive, so the allocations read here
    // are the ones deleted, and they are what the answer says went back.
    const channel = await getChannel(tx, p.orgId, event.id, channelId);
    if (!channel || !(await lockChannel(tx, channel))) throw gone(channelId);
    const areas = channel.ga.map((g) => g.areaId).sort((a, b) => a.localeCompare(b));
    for (const areaId of areas) await lockGaArea(tx, event.id, areaId);
    const live = await liveBookingCount(tx, event.id, channel.id);
    if (live > 0) {
      const bookings = live === 1 ? '1 live booking' : `${live} live bookings`;
      throw new DomainError(
        'CHANNEL_IN_USE',
        `${channel.name} has ${bookings}: cancel ${live === 1 ? 'it' : 'them'} before deleting the channel`,
        { bookings: live },
      );
    }
    await deleteChannel(tx, channel);
    await recordAudit(tx, {
      orgId: p.orgId,
      actor: auditActor(p),
      action: 'channel.delete',
      target: channel.id,
      details: {
        eventId: event.id,
        name: channel.name,
        kind: channel.kind,
        partnerOrgId: channel.partnerOrgId,
        seats: seatIdsOf(event, channel.seats),
        ga: channel.ga,
      },
    });
    return channel;
  });
  return {
    id: channel.id,
    deleted: true,
    released: { seats: seatIdsOf(event, channel.seats), ga: channel.ga },
  };
}
