// Request and answer schemas of the event routes (parsing and OpenAPI share them).
import { z } from 'zod';

export const EventParams = z.strictObject({ id: z.string().min(1).max(100) });

export const PriceInput = z.strictObject({
  category: z.string().min(1).max(100).describe('A category key of the seat map'),
  priceType: z.string().min(1).max(100).optional().describe("Default 'full'"),
  amount: z.number().int().min(0).max(1e12).describe('Minor units (cents)'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
});

export const CreateEventBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  seatmapId: z.string().min(1).max(100),
  seatmapVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Default: the latest published version'),
  startsAt: z.iso.datetime({ offset: true }),
  prices: z.array(PriceInput).max(500).optional(),
  holdTtlSeconds: z.number().int().min(30).optional().describe('How long holds last (default 900)'),
  salesOpen: z.boolean().optional().describe('Default true'),
  salesOpensAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe('Public sales start (default: at once)'),
  salesClosesAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe('Public sales end (default: never)'),
});

export const PatchEventBody = z
  .strictObject({
    name: CreateEventBody.shape.name,
    startsAt: CreateEventBody.shape.startsAt,
    holdTtlSeconds: z.number().int().min(30),
    salesOpensAt: CreateEventBody.shape.salesOpensAt.unwrap(),
    salesClosesAt: CreateEventBody.shape.salesClosesAt.unwrap(),
    prices: z.array(PriceInput).max(500).describe('Replaces all prices'),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'name at least one field to change' });

export const DuplicateEventBody = z.strictObject({
  name: CreateEventBody.shape.name.optional().describe("Default: the source's name + ' (copy)'"),
  startsAt: CreateEventBody.shape.startsAt.optional().describe("Default: the source's date"),
});

const Price = z.object({
  category: z.string(),
  priceType: z.string(),
  amount: z.number().int(),
  currency: z.string(),
});

export const EventView = z.object({
  id: z.string(),
  name: z.string(),
  seatmapId: z.string(),
  seatmapVersion: z.number().int(),
  startsAt: z.iso.datetime(),
  holdTtlSeconds: z.number().int(),
  salesOpen: z.boolean(),
  salesOpensAt: z.iso.datetime().nullable(),
  salesClosesAt: z.iso.datetime().nullable(),
  onSale: z.boolean().describe('Public keys may hold now (switch on and now inside the window)'),
  epoch: z.number().int(),
  seatCount: z.number().int(),
  createdAt: z.iso.datetime(),
  prices: z.array(Price),
});

export const EventSales = z.object({
  capacity: z.number().int().describe('Seats plus standing capacity'),
  sold: z
    .number()
    .int()
    .describe('Live booked seats plus standing units, partner channels included'),
  blocked: z.number().int(),
  bookings: z.number().int().describe('Live bookings'),
  revenue: z
    .array(z.object({ currency: z.string(), amount: z.number().int() }))
    .describe('Live revenue of this organisation’s own bookings per currency, minor units'),
  sellThrough: z.number().describe('sold / capacity, 0…1'),
});

export const EventList = z.object({
  events: z.array(EventView.extend({ sales: EventSales })),
});

const Point = z.object({ x: z.number(), y: z.number() });

export const LayoutSeat = z.object({
  index: z.number().int().describe('Position in availability status bytes'),
  id: z.string(),
  label: z.string(),
  row: z.string(),
  section: z.string(),
  level: z.string().describe('Level id (see levels): seats of different levels may overlap in x/y'),
  category: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  flags: z.array(z.enum(['accessible', 'restricted-view', 'companion'])),
  atTable: z
    .literal(true)
    .optional()
    .describe(
      "Present on a table's seats only: they sit in a ring, numbered round the table (the last next to the first)",
    ),
  container: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      'Which row or table record the seat belongs to; present only where another row or table of the section has the same label, to tell them apart',
    ),
});

export const EventLayout = z.object({
  event: z.object({
    id: z.string(),
    name: z.string(),
    startsAt: z.iso.datetime(),
    salesOpen: z.boolean(),
    holdTtlSeconds: z.number().int(),
  }),
  seatmapId: z.string(),
  seatmapVersion: z.number().int(),
  size: z.object({ width: z.number(), height: z.number() }),
  focalPoint: Point,
  categories: z.array(z.object({ key: z.string(), label: z.string(), color: z.string() })),
  levels: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Floors of the venue in document order (ground first)'),
  seats: z.array(LayoutSeat),
  gaAreas: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      section: z.string(),
      level: z.string().describe('Level id of the area'),
      capacity: z.number().int(),
      category: z.string().nullable(),
      outline: z.array(Point),
    }),
  ),
  prices: z.array(Price),
});
