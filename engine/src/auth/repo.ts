// API keys: created once and shown once, stored only as a hash. Keys are 32 random bytes, so a
// plain SHA-256 is the right hash: a slow password hash (scrypt, argon2) protects low-entropy
// secrets against guessing, but 256 random bits cannot be guessed whatever the hash costs, and a
// fast hash keeps authentication off the request's critical path.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { InvalidInput } from '../db/errors.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';

/**
 * What a key may do: `secret` everything in its organisation, `public` the browser subset, `door`
 * scan tickets at the door and read what the door page shows (auth/door.ts).
 */
export type ApiKeyKind = 'secret' | 'public' | 'door';

/** A stored key, without the key itself (which is never stored). */
export interface ApiKeyRecord {
  id: string;
  orgId: string;
  kind: ApiKeyKind;
  name: string;
  /** The first characters of the key, for telling keys apart in lists. */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Browser origins the key may be used from (empty: any). */
  allowedOrigins: string[];
  /** Door keys: the one event they open (migration 0015); null for other kinds. */
  eventId: string | null;
  /** When the key stops authenticating (door keys); null: never. */
  expiresAt: Date | null;
  /** Who made it, `<kind>:<user or key id>` as in the audit log; null: the CLI, or before 0015. */
  createdBy: string | null;
}

/** What a key is confined to and who made it (door keys need an event and an expiry). */
export interface ApiKeyScope {
  eventId?: string;
  expiresAt?: Date;
  createdBy?: string;
}

interface ApiKeyRow {
  id: string;
  org_id: string;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  allowed_origins: string[];
  event_id: string | null;
  expires_at: Date | null;
  created_by: string | null;
}

const COLUMNS =
  'id, org_id, kind, name, prefix, created_at, revoked_at, last_used_at, allowed_origins, event_id, expires_at, created_by';
const KEY_PREFIX: Record<ApiKeyKind, string> = { secret: 'sk_', public: 'pk_', door: 'dk_' };
/** `sk_`, `pk_` or `dk_` and 32 bytes in base64url (43 characters). */
export const API_KEY_FORMAT = /^(sk|pk|dk)_[A-Za-z0-9_-]{43}$/;
const DISPLAY_LENGTH = 11;

const toRecord = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
  allowedOrigins: r.allowed_origins,
  eventId: r.event_id,
  expiresAt: r.expires_at,
  createdBy: r.created_by,
});

/** The stored form of a key: hex SHA-256. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Creates a key for an organisation. The returned `key` is the only time the key is visible.
 * A door key needs `scope.eventId` and `scope.expiresAt` (InvalidInput otherwise).
 * @example const { key } = await createApiKey(db, org.id, 'public', 'storefront'); // 'pk_…'
 */
export async function createApiKey(
  db: Db,
  orgId: string,
  kind: ApiKeyKind,
  name: string,
  scope: ApiKeyScope = {},
): Promise<{ id: string; key: string; prefix: string }> {
  if (kind === 'door' && (!scope.eventId || !scope.expiresAt)) {
    throw new InvalidInput('A door key needs the event it opens and an expiry');
  }
  const key = KEY_PREFIX[kind] + randomBytes(32).toString('base64url');
  const id = `key_${randomBytes(12).toString('base64url')}`;
  const prefix = key.slice(0, DISPLAY_LENGTH);
  await inOrg(db, orgId, (tx) =>
    tx.query(
      `INSERT INTO api_keys (id, org_id, kind, name, hash, prefix, event_id, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        orgId,
        kind,
        name,
        hashApiKey(key),
        prefix,
        scope.eventId ?? null,
        scope.expiresAt ?? null,
        scope.createdBy ?? null,
      ],
    ),
  );
  return { id, key, prefix };
}

/** The live (not revoked) key with this hash, or undefined; an expired one is returned (the caller says so). */
export async function findApiKeyByHash(db: Db, hash: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`, [
      hash,
    ]),
  );
  return rows[0] && toRecord(rows[0]);
}

/** One key of the organisation (never the key itself), or undefined. */
export async function getApiKey(
  db: Db,
  orgId: string,
  id: string,
): Promise<ApiKeyRecord | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE org_id = $1 AND id = $2`, [
      orgId,
      id,
    ]),
  );
  return rows[0] && toRecord(rows[0]);
}

/** The organisation's keys, newest first (never the keys themselves). */
export async function listApiKeys(db: Db, orgId: string): Promise<ApiKeyRecord[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys WHERE org_id = $1 ORDER BY created_at DESC, id`,
      [orgId],
    ),
  );
  return rows.map(toRecord);
}

/**
 * Revokes a key; returns false when no live key with this id exists in the organisation (with
 * `only`: no live door key of that event).
 * Authenticators that cached the key keep accepting it for at most their cache TTL.
 */
export async function revokeApiKey(
  db: Db,
  orgId: string,
  id: string,
  only?: { doorKeyOf: string },
): Promise<boolean> {
  // `only`: the box office revokes door keys of an event, never another kind of key.
  const door = only ? ` AND kind = 'door' AND event_id = $3` : '';
  const { rowCount } = await inOrg(db, orgId, (tx) =>
    tx.query(
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND org_id = $2 AND revoked_at IS NULL${door}`,
      only ? [id, orgId, only.doorKeyOf] : [id, orgId],
    ),
  );
  return rowCount > 0;
}

/** Records that a key was used now. */
export async function touchApiKey(db: Db, id: string): Promise<void> {
  await asSystem(db, (tx) =>
    tx.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [id]),
  );
}

/** Why `origin` is not a browser origin (`scheme://host[:port]`), or null when it is one. */
function originProblem(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `"${origin}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `"${origin}" must start with https:// or http://`;
  }
  if (url.origin !== origin) return `"${origin}" is not an origin; did you mean "${url.origin}"?`;
  return null;
}

/**
 * Sets the browser origins a key may be used from (empty: any). Throws InvalidInput naming the
 * first value that is not an origin such as `https://tickets.example` (nothing is changed then);
 * returns false when the organisation has no live key with this id.
 * @example await setApiKeyOrigins(db, orgId, keyId, ['https://tickets.example']);
 */
export async function setApiKeyOrigins(
  db: Db,
  orgId: string,
  id: string,
  origins: readonly string[],
): Promise<boolean> {
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem) throw new InvalidInput(`Invalid allowed origin: ${problem}`);
  }
  const { rowCount } = await inOrg(db, orgId, (tx) =>
    tx.query(
      'UPDATE api_keys SET allowed_origins = $3 WHERE id = $1 AND org_id = $2 AND revoked_at IS NULL',
      [id, orgId, [...new Set(origins)]],
    ),
  );
  return rowCount > 0;
}

/** The origins a key may be used from (empty: any); undefined when the organisation has no such key. */
export async function getApiKeyOrigins(
  db: Db,
  orgId: string,
  id: string,
): Promise<string[] | undefined> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<{ allowed_origins: string[] }>(
      'SELECT allowed_origins FROM api_keys WHERE id = $1 AND org_id = $2',
      [id, orgId],
    ),
  );
  return rows[0]?.allowed_origins;
}
