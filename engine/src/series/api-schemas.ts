// Request and answer schemas of series, subscriptions and group bookings (parsing and OpenAPI).
import { z } from 'zod';
import { SeatIdList } from '../holds/api-schemas.ts';

const Id = z.string().min(1).max(100);

export const IdParams = z.strictObject({ id: Id });
export const SeriesEventParams = z.strictObject({ id: Id, eventId: Id });

export const CreateSeriesBody = z.strictObject({
  name: z.string().min(1).max(200),
  eventIds: z
    .array(Id)
    .max(500)
    .optional()
    .describe('Events of the series (more can be added later)'),
});

export const SeriesEventBody = z.strictObject({ eventId: Id });

export const Series = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  events: z
    .array(z.object({ id: z.string(), name: z.string(), startsAt: z.iso.datetime() }))
    .describe('In date order'),
});

export const SeriesList = z.object({ series: z.array(Series) });

export const SubscribeBody = z.strictObject({
  seats: SeatIdList.min(1).max(50).describe('The same seat ids on every event of the series'),
  holder: z.string().min(1).max(200).optional().describe('Who the subscription is for'),
  orderRef: z.string().min(1).max(200).optional(),
  priceType: z.string().min(1).max(100).optional().describe("Price type (default 'full')"),
});

export const RenewBody = z.strictObject({
  seriesId: Id.describe("Next season's series: the same seats are booked on its events"),
});

export const Subscription = z.object({
  id: z.string(),
  seriesId: z.string(),
  seats: z.array(z.string()),
  holder: z.string().nullable(),
  orderRef: z.string().nullable(),
  priceType: z.string(),
  renewedFrom: z.string().nullable().describe("Last season's subscription"),
  renewedBy: z.string().nullable().describe("Next season's subscription, once renewed"),
  createdAt: z.iso.datetime(),
  bookings: z.array(
    z.object({
      eventId: z.string(),
      bookingId: z.string(),
      status: z.enum(['confirmed', 'cancelled']),
    }),
  ),
});

export const GroupBody = z.strictObject({
  groupName: z.string().min(1).max(200).describe('E.g. "Class 4b, Linden School"'),
  quantity: z.number().int().min(2).max(500),
  category: z.string().min(1).max(100).optional(),
  sectionId: z.string().min(1).max(200).optional(),
  maxRows: z
    .number()
    .int()
    .min(1)
    .max(20)
    .optional()
    .describe('At most this many adjacent rows (default 10)'),
  orderRef: z.string().min(1).max(200).optional().describe('Default: the group name'),
  priceType: z.string().min(1).max(100).optional(),
});

export const GroupBooking = z.object({
  bookingId: z.string(),
  groupName: z.string(),
  seats: z.array(z.string()).describe('Row by row, each row one contiguous run'),
  rows: z.number().int(),
  amount: z.number().int().describe('Minor units'),
  currency: z.string(),
});

export const GroupList = z.object({
  eventId: z.string(),
  groups: z.array(
    z.object({
      bookingId: z.string(),
      groupName: z.string(),
      status: z.enum(['confirmed', 'cancelled']),
      seats: z.number().int().describe('Live seats'),
      createdAt: z.iso.datetime(),
    }),
  ),
});
