// Request and answer schemas of the channel routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { PriceInput } from '../events/api-schemas.ts';
import { SeatIdList } from '../holds/api-schemas.ts';

export const ChannelParams = z.strictObject({
  id: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
});

export const CHANNEL_KIND = z
  .enum(['online', 'boxoffice', 'partner'])
  .describe('online shop, box office, or a partner organisation that sells with its own keys');

const AreaId = z.string().min(1).max(200);

/** A channel's name as people read it in lists and reports: one line of printable text. */
const ChannelName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
const Quantity = z.number().int().min(1).max(1_000_000);

export const CreateChannelBody = z.strictObject({
  kind: CHANNEL_KIND,
  name: ChannelName,
  partnerOrgId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The organisation selling through a partner channel (required for kind partner)'),
  prices: z
    .array(PriceInput)
    .max(500)
    .optional()
    .describe('The channel’s own prices (default: the event’s)'),
});

export const RenameChannelBody = z.strictObject({
  name: ChannelName.describe('The new name (names need not be unique)'),
});

export const AllocateBody = z.strictObject({
  seats: SeatIdList.optional().describe('Free seats to give the channel'),
  ga: z
    .array(z.strictObject({ areaId: AreaId, quantity: Quantity }))
    .max(50)
    .optional()
    .describe('Standing places to add to the channel’s allocation'),
});

export const ReleaseAllocationBody = z.strictObject({
  seats: SeatIdList.optional().describe('Seats to give back; omit seats and ga to release all'),
  ga: z
    .array(
      z.strictObject({
        areaId: AreaId,
        quantity: Quantity.optional().describe('Default: every unsold place'),
      }),
    )
    .max(50)
    .optional(),
});

const Allocation = z.object({ areaId: z.string(), quantity: z.number().int() });

export const Channel = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: CHANNEL_KIND,
  name: z.string(),
  partnerOrgId: z.string().nullable(),
  prices: z
    .array(
      z.object({
        category: z.string(),
        priceType: z.string(),
        amount: z.number().int(),
        currency: z.string(),
      }),
    )
    .nullable(),
  seats: z.array(z.string()).describe('Seats allocated to the channel'),
  ga: z.array(Allocation).describe('Standing places allocated to the channel'),
  createdAt: z.string(),
});

export const ChannelList = z.object({ channels: z.array(Channel) });

export const ReleasedAllocation = z.object({
  seats: z.array(z.string()).describe('Seats back in the general sale'),
  ga: z.array(Allocation).describe('Standing places back in the general sale'),
  kept: z.object({ seats: z.array(z.string()).describe('Named seats the channel sold: kept') }),
});

export const DeletedChannel = z.object({
  id: z.string(),
  deleted: z.literal(true),
  released: z
    .object({ seats: z.array(z.string()), ga: z.array(Allocation) })
    .describe('The allocation that went back to the general sale'),
});

export const SellThrough = z.object({
  channels: z.array(
    z.object({
      channelId: z.string().nullable().describe('null: the general sale'),
      name: z.string(),
      kind: z.enum(['online', 'boxoffice', 'partner', 'general']),
      allocated: z.object({ seats: z.number().int(), ga: z.array(Allocation) }),
      sold: z.object({
        bookings: z.number().int(),
        seats: z.number().int(),
        ga: z.number().int(),
        revenue: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
      }),
    }),
  ),
});

export const SharedEventList = z.object({
  events: z.array(
    z.object({
      eventId: z.string(),
      name: z.string(),
      startsAt: z.string(),
      channelId: z.string().describe('The channel this organisation sells the event through'),
      channelName: z.string(),
    }),
  ),
});
