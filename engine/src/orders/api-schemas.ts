// Request and answer schemas of the booking routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { ChannelId, GaQuantity, HoldToken, SeatIdList } from '../holds/api-schemas.ts';

export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .describe('Retrying with the same key and body returns the first answer');

export const BookBody = z.strictObject({
  seats: SeatIdList.default([]),
  ga: z.array(GaQuantity).max(50).optional(),
  holdToken: HoldToken.optional().describe(
    'Book seats held by this token; omitted books free seats',
  ),
  orderRef: z.string().min(1).max(200).optional().describe('Your order reference'),
  priceType: z.string().min(1).max(100).optional().describe("Price type (default 'full')"),
  channelId: ChannelId.optional(),
});

export const Booking = z.object({
  bookingId: z.string(),
  seats: z.array(z.string()),
  ga: z.array(z.object({ areaId: z.string(), quantity: z.number().int() })),
  amount: z.number().int().describe('Minor units (cents)'),
  currency: z.string(),
});

export const CancelBody = z.union([
  z.strictObject({ bookingId: z.string().min(1).max(100) }),
  z.strictObject({ seats: SeatIdList.min(1) }),
]);

export const CancelResult = z.object({
  cancelled: z.array(z.string()).describe('Seats free again'),
  ga: z.array(z.object({ areaId: z.string(), quantity: z.number().int() })),
});
