// Request and answer schemas of the report routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { REPORT_GROUPINGS } from './report-repo.ts';

export const ReportQuery = z.strictObject({
  by: z
    .enum(REPORT_GROUPINGS)
    .default('status')
    .describe(
      'zone: the section of the seat or standing area; channel: by channel name (null: the general sale)',
    ),
  format: z.enum(['json', 'csv']).default('json'),
});

export const ReportRow = z.object({
  key: z.string().nullable().describe('The group (null: uncategorised, the general sale)'),
  currency: z.string().nullable(),
  bookings: z.number().int(),
  count: z.number().int().describe('Seats plus standing units'),
  revenue: z.number().int().describe('Minor units'),
});

const Total = z.object({
  currency: z.string(),
  bookings: z.number().int(),
  count: z.number().int(),
  revenue: z.number().int().describe('Minor units'),
});

export const Report = z.object({
  by: z.enum(REPORT_GROUPINGS),
  rows: z.array(ReportRow),
  totals: z
    .array(Total)
    .describe('Live bookings per currency: what every grouping but status adds up to'),
});

export const OverviewQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('Events starting at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('Events starting before'),
  format: z.enum(['json', 'csv']).default('json'),
});

const Money = z.object({ currency: z.string(), amount: z.number().int() });

export const OverviewEvent = z.object({
  id: z.string(),
  name: z.string(),
  startsAt: z.iso.datetime(),
  onSale: z.boolean(),
  capacity: z.number().int(),
  sold: z.number().int(),
  blocked: z.number().int(),
  bookings: z.number().int(),
  revenue: z.array(Money),
  sellThrough: z.number().describe('sold / capacity, 0…1'),
});

export const Overview = z.object({
  events: z.array(OverviewEvent),
  totals: z.object({
    capacity: z.number().int(),
    sold: z.number().int(),
    bookings: z.number().int(),
    revenue: z.array(Money),
    sellThrough: z.number(),
  }),
});
