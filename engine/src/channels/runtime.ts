// The channels of an event as the live commands need them, loaded with the event by the catalog
// (and cached with it, per organisation): which channel each allocated seat belongs to, what each
// channel has of every standing area, and — for a partner — which channel is its own.
import type { Db } from '../db/db.ts';
import type { Price } from '../events/repo.ts';
import { listChannels, type ChannelKind, type GaAllocation } from './repo.ts';

/** One channel as the runtime sees it. */
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  partnerOrgId: string | null;
  /** The channel's own prices; null: the event's. */
  prices: Required<Price>[] | null;
  seats: readonly number[];
  ga: readonly GaAllocation[];
}

/** The channels of an event that one organisation may see. */
export interface EventChannels {
  /** Every channel for the owner; its own only for a partner. */
  list: readonly ChannelView[];
  /** Seat index → channel id, for the allocations in `list`. */
  seatChannel: ReadonlyMap<number, string>;
}

export const NO_CHANNELS: EventChannels = { list: [], seatChannel: new Map() };

/**
 * The channels `orgId` sees of an event (the owner: all; a partner: its own).
 * @example const channels = await loadEventChannels(db, orgId, eventId);
 */
export async function loadEventChannels(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<EventChannels> {
  const rows = await listChannels(db, orgId, eventId);
  if (rows.length === 0) return NO_CHANNELS;
  const seatChannel = new Map<number, string>();
  for (const c of rows) for (const i of c.seats) seatChannel.set(i, c.id);
  return {
    list: rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      partnerOrgId: c.partnerOrgId,
      prices: c.prices,
      seats: c.seats,
      ga: c.ga,
    })),
    seatChannel,
  };
}
