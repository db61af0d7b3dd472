// Webhook endpoints and the delivery log, per organisation: what the API's webhook routes call.
// Every statement runs in the organisation's transaction (inOrg), so row-level security applies.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { InvalidInput } from '../db/errors.ts';
import { inOrg } from '../db/tenancy.ts';
import { refusedTarget } from './address-policy.ts';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './outbox.ts';

/** An endpoint as listed: never its secret. */
export interface WebhookEndpoint {
  id: string;
  orgId: string;
  url: string;
  /** Subscribed event types; empty means every type. */
  events: WebhookEventType[];
  active: boolean;
  createdAt: Date;
}

export interface CreateWebhookEndpointInput {
  url: string;
  /** Omitted or empty: every event type. */
  events?: string[];
}

/** One attempt to deliver one event to one endpoint. */
export interface WebhookDelivery {
  id: number;
  /** The event (outbox) id, also sent as `Parterre-Delivery`. */
  outboxId: number;
  eventType: string;
  endpointId: string;
  attempt: number;
  /** Null when no answer came (timeout, refused connection). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: Date;
}

const MAX_URL_LENGTH = 2048;

/** Where webhooks may go; `allowPrivate` is the WEBHOOKS_ALLOW_PRIVATE setting. */
export interface WebhookUrlPolicy {
  /** Also private, loopback and link-local addresses (self-hosting, tests); default false. */
  allowPrivate?: boolean;
}

async function checkUrl(url: string, policy: WebhookUrlPolicy): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInput(`webhook url "${url}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InvalidInput(`webhook url must use https or http, not ${parsed.protocol}`);
  }
  if (url.length > MAX_URL_LENGTH) {
    throw new InvalidInput(`webhook url is longer than ${MAX_URL_LENGTH} characters`);
  }
  // A name that does not resolve yet is accepted: the dispatcher checks the address again before
  // every POST, so it can never be pointed at a private address later either.
  const refused = await refusedTarget(parsed, policy.allowPrivate ?? false);
  if (refused?.reason === 'private') throw new InvalidInput(`webhook url: ${refused.detail}`);
}

function checkEvents(events: string[]): WebhookEventType[] {
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length) {
    throw new InvalidInput(
      `unknown webhook event type ${unknown.map((e) => `"${e}"`).join(', ')}; ` +
        `use ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    );
  }
  return [...new Set(events as WebhookEventType[])];
}

const newToken = (prefix: string, bytes: number) =>
  `${prefix}_${randomBytes(bytes).toString('base64url')}`;

interface EndpointRow {
  id: string;
  org_id: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  created_at: Date;
}

const ENDPOINT_COLUMNS = 'id, org_id, url, events, active, created_at';

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  orgId: r.org_id,
  url: r.url,
  events: r.events,
  active: r.active,
  createdAt: r.created_at,
});

/**
 * Registers an endpoint and returns it with its signing secret. The secret is shown only here:
 * listing never returns it.
 * @throws InvalidInput for a URL that is not http(s), whose host is or resolves to a private
 * address (unless `policy.allowPrivate`), or an unknown event type.
 * @example
 * const { endpoint, secret } = await createWebhookEndpoint(db, orgId, {
 *   url: 'https://shop.example/hooks', events: ['booking.created'] });
 */
export async function createWebhookEndpoint(
  db: Db,
  orgId: string,
  input: CreateWebhookEndpointInput,
  policy: WebhookUrlPolicy = {},
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await checkUrl(input.url, policy);
  const events = checkEvents(input.events ?? []);
  const secret = newToken('whsec', 32);
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, org_id, url, secret, events)
         VALUES ($1, $2, $3, $4, $5::text[]) RETURNING ${ENDPOINT_COLUMNS}`,
      [newToken('we', 15), orgId, input.url, secret, events],
    ),
  );
  return { endpoint: toEndpoint(rows[0]!), secret };
}

/** The organisation's endpoints, oldest first, without secrets. */
export async function listWebhookEndpoints(db: Db, orgId: string): Promise<WebhookEndpoint[]> {
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<EndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE org_id = $1
         ORDER BY created_at, id`,
      [orgId],
    ),
  );
  return rows.map(toEndpoint);
}

/** What an update may change; omitted fields stay as they are. */
export interface UpdateWebhookEndpointInput {
  url?: string;
  /** Empty: every event type. */
  events?: string[];
  /** An inactive endpoint receives nothing until it is activated again. */
  active?: boolean;
}

/**
 * Changes an endpoint's URL, event types or active flag; undefined when no such endpoint exists
 * in `orgId` (another organisation's id included).
 * @throws InvalidInput like createWebhookEndpoint.
 */
export async function updateWebhookEndpoint(
  db: Db,
  orgId: string,
  id: string,
  input: UpdateWebhookEndpointInput,
  policy: WebhookUrlPolicy = {},
): Promise<WebhookEndpoint | undefined> {
  if (input.url !== undefined) await checkUrl(input.url, policy);
  const events = input.events === undefined ? null : checkEvents(input.events);
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<EndpointRow>(
      `UPDATE webhook_endpoints SET url = coalesce($3, url), events = coalesce($4::text[], events),
           active = coalesce($5, active)
         WHERE id = $1 AND org_id = $2 RETURNING ${ENDPOINT_COLUMNS}`,
      [id, orgId, input.url ?? null, events, input.active ?? null],
    ),
  );
  return rows[0] && toEndpoint(rows[0]);
}

/**
 * Removes an endpoint and its delivery log; pending events are no longer sent to it. False when
 * no such endpoint exists in `orgId` (another organisation's id included).
 */
export async function deleteWebhookEndpoint(db: Db, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await inOrg(db, orgId, (tx) =>
    tx.query('DELETE FROM webhook_endpoints WHERE id = $1 AND org_id = $2', [id, orgId]),
  );
  return rowCount > 0;
}

interface DeliveryRow {
  id: number;
  outbox_id: number;
  event_type: string;
  endpoint_id: string;
  attempt: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  at: Date;
}

/**
 * The organisation's delivery log, newest first: `limit` rows (1…500, default 50) with ids below
 * `before` (the last id of the previous page).
 */
export async function listWebhookDeliveries(
  db: Db,
  orgId: string,
  opts: { limit?: number; before?: number; endpointId?: string } = {},
): Promise<WebhookDelivery[]> {
  const limit = opts.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InvalidInput(`limit ${limit} must be a whole number from 1 to 500`);
  }
  if (opts.before !== undefined && !Number.isSafeInteger(opts.before)) {
    throw new InvalidInput(`before ${opts.before} must be a delivery id`);
  }
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<DeliveryRow>(
      `SELECT d.id, d.outbox_id, o.event_type, d.endpoint_id, d.attempt, d.status_code,
           d.duration_ms, d.error, d.at
         FROM webhook_deliveries d JOIN webhook_outbox o ON o.id = d.outbox_id
         WHERE d.org_id = $1 AND ($2::bigint IS NULL OR d.id < $2)
           AND ($3::text IS NULL OR d.endpoint_id = $3)
         ORDER BY d.id DESC LIMIT $4`,
      [orgId, opts.before ?? null, opts.endpointId ?? null, limit],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    outboxId: r.outbox_id,
    eventType: r.event_type,
    endpointId: r.endpoint_id,
    attempt: r.attempt,
    statusCode: r.status_code,
    durationMs: r.duration_ms,
    error: r.error,
    at: r.at,
  }));
}
