// Request and answer schemas of the ticket routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { MAX_CODE_LENGTH } from './codes.ts';

export const BookingIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export const TicketCode = z
  .string()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .describe('A ticket code (what the QR code carries), or the URL of its ticket page');

export const ScanBody = z.strictObject({ code: TicketCode });

const EventSummary = z.object({ id: z.string(), name: z.string(), startsAt: z.iso.datetime() });

export const Ticket = z.object({
  code: z.string(),
  url: z.string().describe('The ticket page, relative to this server (/tickets/<code>)'),
  status: z.enum(['valid', 'scanned', 'cancelled']),
  scannedAt: z.iso.datetime().nullable(),
  seat: z
    .object({ id: z.string(), label: z.string(), row: z.string(), section: z.string() })
    .nullable(),
  standing: z.object({ areaId: z.string(), label: z.string(), unit: z.number().int() }).nullable(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable().describe("The category's name on the seat map"),
  priceType: z.string(),
});

export const BookingTickets = z.object({
  bookingId: z.string(),
  status: z.enum(['confirmed', 'cancelled']),
  event: EventSummary,
  tickets: z.array(Ticket).describe('One per booked seat and per standing place'),
});

export const Attendance = z.object({
  eventId: z.string(),
  scanned: z.number().int().describe('Tickets admitted at the door'),
  sold: z.number().int().describe('Live booked seats plus standing places'),
});

export const ScanResult = z.object({
  admitted: z.literal(true),
  scannedAt: z.iso.datetime(),
  event: EventSummary,
  ticket: Ticket,
  attendance: z.object({ scanned: z.number().int(), sold: z.number().int() }),
});

export const RotateKeyBody = z.strictObject({
  retirePrevious: z
    .boolean()
    .default(false)
    .describe(
      'Also stop accepting codes signed by older keys (a leaked key); default: they stay valid',
    ),
});

export const RotatedKey = z.object({
  keyId: z.string().describe('Signs the tickets issued from now on'),
  retiredPrevious: z.boolean(),
});
