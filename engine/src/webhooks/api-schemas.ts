// Request and answer schemas of the webhook routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './outbox.ts';

export const EndpointParams = z.strictObject({ id: z.string().min(1).max(100) });

const Url = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .describe('Where events are POSTed (https recommended)');
const Events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .describe('Event types to receive; empty or omitted: every type');

export const CreateEndpointBody = z.strictObject({ url: Url, events: Events.optional() });

export const UpdateEndpointBody = z
  .strictObject({
    url: Url.optional(),
    events: Events.optional(),
    active: z.boolean().optional().describe('An inactive endpoint receives nothing'),
  })
  .refine((b) => Object.keys(b).length > 0, 'name at least one of url, events, active');

export const EndpointView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const EndpointList = z.object({ endpoints: z.array(EndpointView) });

export const CreatedEndpoint = z.object({
  endpoint: EndpointView,
  secret: z
    .string()
    .describe(
      'Signs every delivery (Parterre-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>); shown only in this answer',
    ),
});

export const DeletedEndpoint = z.object({ id: z.string(), deleted: z.literal(true) });

export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional().describe('Default 50'),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('The last id of the previous page'),
  endpointId: z.string().min(1).max(100).optional().describe('Only this endpoint'),
});

export const DeliveryList = z.object({
  deliveries: z.array(
    z.object({
      id: z.number().int(),
      outboxId: z.number().int().describe('The event id, sent as Parterre-Delivery'),
      eventType: z.string(),
      endpointId: z.string(),
      attempt: z.number().int(),
      statusCode: z.number().int().nullable().describe('Null: no answer (timeout, refused)'),
      durationMs: z.number().int(),
      error: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
});
