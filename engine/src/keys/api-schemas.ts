// Request and answer schemas of the key-management routes (parsing and OpenAPI share them).
import { z } from 'zod';

export const KeyParams = z.strictObject({ id: z.string().min(1).max(100) });

const Origins = z
  .array(z.string().min(1).max(2048))
  .max(50)
  .describe(
    'Browser origins (`scheme://host[:port]`) the key may be used from, e.g. https://tickets.example; empty or omitted: any origin',
  );

/** The kinds of API key. */
const KeyKind = z.enum(['secret', 'public', 'door']);

export const CreateKeyBody = z.strictObject({
  // Door keys open one event and expire with it: they come from POST /events/{id}/door-link.
  kind: z
    .enum(['secret', 'public'], {
      error:
        'kind must be "secret" or "public"; door keys are made per event by POST /events/{id}/door-link',
    })
    .describe(
      '`secret` (sk_…): servers, everything; `public` (pk_…): browsers, the visitor subset. Door keys (dk_…) are made per event by POST /events/{id}/door-link',
    ),
  name: z.string().trim().min(1).max(200).describe('What the key is for, to tell keys apart'),
  allowedOrigins: Origins.optional(),
});

export const KeyView = z.object({
  id: z.string(),
  kind: KeyKind,
  name: z.string(),
  prefix: z.string().describe('The first characters of the key'),
  allowedOrigins: z.array(z.string()),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe('Updated at most once a minute'),
  revokedAt: z.iso.datetime().nullable(),
  eventId: z.string().nullable().describe('Door keys: the one event they open; null otherwise'),
  expiresAt: z.iso
    .datetime()
    .nullable()
    .describe('When the key stops authenticating (door keys); null: never'),
  createdBy: z
    .string()
    .nullable()
    .describe(
      'Who made the key, as in the audit log (`staff:<user id>`, `secret:<key id>`); null: the command line, or before creators were recorded',
    ),
});

export const KeyList = z.object({ keys: z.array(KeyView) });

export const CreatedKey = KeyView.extend({
  key: z.string().describe('The key itself: shown only in this answer, stored only as a hash'),
});

export const RevokedKey = z.object({ id: z.string(), revoked: z.literal(true) });

/** An event and one of its door keys. */
export const DoorKeyParams = z.strictObject({
  id: z.string().min(1).max(100).describe('The event'),
  keyId: z.string().min(1).max(100).describe('The door key'),
});

export const DoorKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key'),
  eventId: z.string().describe('The one event the key opens'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().describe('When the key stops authenticating'),
  lastUsedAt: z.iso.datetime().nullable().describe('Updated at most once a minute'),
  createdBy: z
    .string()
    .nullable()
    .describe('Who made the key, as in the audit log (`staff:<user id>`, `secret:<key id>`)'),
  createdByName: z.string().nullable().describe('The staff member who made it, by name'),
});

export const DoorKeyList = z.object({ keys: z.array(DoorKeyView) });
