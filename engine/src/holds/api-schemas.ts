// Request and answer schemas of the hold routes. The routes parse with them and the OpenAPI
// document is generated from them, so both always agree.
import { z } from 'zod';

/** Limits keep one request's work bounded; a real basket is far smaller. */
export const MAX_SEATS_PER_REQUEST = 1000;

export const SeatIdList = z
  .array(z.string().min(1).max(200))
  .max(MAX_SEATS_PER_REQUEST)
  .describe('Seat ids as in the event layout');

export const GaQuantity = z.strictObject({
  areaId: z.string().min(1).max(200),
  quantity: z.number().int().min(1).max(10_000),
});

export const HoldToken = z.string().min(1).max(200).describe('Token returned by a hold');

export const EventIdParams = z.strictObject({ id: z.string().min(1).max(100) });
export const ChannelId = z
  .string()
  .min(1)
  .max(100)
  .describe(
    "Sell through this channel of the event's owner (default: general sale); a partner's keys always sell through the partner's channel",
  );
export const HoldTokenParams = z.strictObject({ token: HoldToken });

export const HoldBody = z.strictObject({
  seats: SeatIdList.default([]),
  ga: z.array(GaQuantity).max(50).optional().describe('Standing (GA) quantities'),
  holdToken: HoldToken.optional().describe('Add to this existing hold instead of starting one'),
  channelId: ChannelId.optional(),
});

export const BestAvailableBody = z.strictObject({
  quantity: z.number().int().min(1).max(100),
  category: z.string().min(1).max(100).optional(),
  sectionId: z.string().min(1).max(200).optional(),
  together: z.boolean().optional().describe('Seats side by side in one row (default true)'),
  holdToken: HoldToken.optional(),
  channelId: ChannelId.optional(),
});

export const ReleaseBody = z.strictObject({
  holdToken: HoldToken,
  seats: SeatIdList.optional().describe('Release only these; omitted releases the whole hold'),
});

export const ExtendBody = z.strictObject({
  seconds: z.number().int().min(1).describe('New lifetime from now, capped by the server'),
});

export const SeatsReasonBody = z.strictObject({
  seats: SeatIdList.min(1),
  reason: z.string().min(1).max(500).describe('Why: house seats, broken seat, production hold…'),
});

export const SeatsBody = z.strictObject({ seats: SeatIdList.min(1) });

export const HoldView = z.object({
  holdToken: z.string(),
  expiresAt: z.iso.datetime(),
  seats: z.array(z.string()),
  ga: z.array(z.object({ areaId: z.string(), quantity: z.number().int() })),
});

export const ReleaseResult = z.object({ released: z.array(z.string()) });
export const SeatsResult = z.object({ seats: z.array(z.string()) });

export const SeatState = z.enum(['free', 'held', 'booked', 'blocked']);

export const AvailabilityQuery = z.strictObject({
  format: z.enum(['json', 'packed']).default('json').describe('packed: base64 status bytes'),
});

const Counts = z.object({
  free: z.number().int(),
  held: z.number().int(),
  booked: z.number().int(),
  blocked: z.number().int(),
});

const GaState = z.object({
  areaId: z.string(),
  capacity: z.number().int(),
  held: z.number().int(),
  booked: z.number().int(),
});

export const Availability = z.object({
  epoch: z.number().int(),
  seq: z.number().int(),
  counts: Counts,
  seats: z.record(z.string(), SeatState).optional().describe('Seat id → state (format=json)'),
  packed: z
    .string()
    .optional()
    .describe(
      'format=packed: base64 of one byte per seat in layout index order; 0 free, 1 held, 2 booked, 3 blocked',
    ),
  ga: z.array(GaState),
});
