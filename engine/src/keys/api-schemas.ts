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
  kind: KeyKind.describe(
    '`secret` (sk_…): servers, everything; `public` (pk_…): browsers, the visitor subset; `door` (dk_…): scanner phones, ticket scans and the event and attendance reads of the door page only',
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
});

export const KeyList = z.object({ keys: z.array(KeyView) });

export const CreatedKey = KeyView.extend({
  key: z.string().describe('The key itself: shown only in this answer, stored only as a hash'),
});

export const RevokedKey = z.object({ id: z.string(), revoked: z.literal(true) });
