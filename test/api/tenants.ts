// Two organisations on one real engine (HTTP API and /live sockets on 127.0.0.1:0), each with a
// seat map (published version 1, draft at version 2), an event, a hold, a booking, a block, a
// webhook endpoint with one logged delivery and a box-office channel holding seat 8, all made
// through the API (but the delivery). Every name and seat id of an organisation carries its random
// tag, so an answer that mentions another organisation's data can be found by a plain text search.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Server as IoServer } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { expect } from 'vitest';
import type { SeatmapDocumentInput } from '@parterre/seatmaps';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { addMembership, createUser } from '../../engine/src/auth/users.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { attachLive } from '../../engine/src/live/attach.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { hallDocument, testEngine, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';
import { TENANT_TABLES } from '../tenancy/world.ts';
import type { ApiResponse, CallOptions } from './harness.ts';
import type { ResourceIds } from './route-requests.ts';
import { PASSWORD } from './staff-support.ts';

/** One organisation and everything it owns. */
export interface Tenant extends ResourceIds {
  tag: string;
  secretKey: string;
  publicKey: string;
  /** A door key (dk_…) of the tenant's event: its ticket scans and the door page's reads only. */
  doorKey: string;
  /** The door key's id (the box office revokes it by id). */
  doorKeyId: string;
  /** Seat ids of the hall in layout order: [0,1] held, [2,3] booked, [4] blocked. */
  seatIds: string[];
  areaId: string;
  names: string[];
  /** An owner of this organisation only (password: PASSWORD of staff-support.ts). */
  staffEmail: string;
  /** A ticket code of the booking (door scans). */
  ticketCode: string;
}

export interface TenantsWorld {
  engine: TestEngine;
  url: string;
  a: Tenant;
  b: Tenant;
  call(method: string, path: string, opts?: CallOptions): Promise<ApiResponse>;
  /** A /live socket authenticated by an API key or (no key) by a session's headers. */
  socket(key: string | Record<string, string>): Promise<ClientSocket>;
  /** Logs the tenant's owner in: the headers a studio page sends with its new session. */
  login(t: Tenant): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const NO_RATE_LIMITS = {
  RATE_LIMIT_PUBLIC_PER_SECOND: 0,
  RATE_LIMIT_SECRET_PER_SECOND: 0,
  RATE_LIMIT_ORG_PER_SECOND: 0,
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 0,
};

/** The test hall with every seat, row, area and name prefixed by `tag`. */
function taggedHall(tag: string): SeatmapDocumentInput {
  const doc = hallDocument(2, 5);
  return {
    ...doc,
    name: `${tag} hall`,
    sections: doc.sections!.map((section) => ({
      ...section,
      rows: section.rows!.map((row) => ({
        ...row,
        seats: row.seats!.map((seat) => ({ ...seat, id: `${tag}-${seat.id}` })),
      })),
      gaAreas: section.gaAreas!.map((ga) => ({ ...ga, id: `${tag}-${ga.id}` })),
    })),
  } as SeatmapDocumentInput;
}

async function send(url: string, method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body = opts.raw;
  if (body === undefined && opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: /json/.test(type) ? JSON.parse(text) : text,
  };
}

type Call = TenantsWorld['call'];

async function ok(call: Call, method: string, path: string, opts: CallOptions) {
  const res = await call(method, `/api/v1${path}`, opts);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** One failed attempt to deliver the organisation's first webhook event, for its delivery log. */
async function logDelivery(engine: TestEngine, orgId: string, endpointId: string) {
  await engine.ctx.db.transaction(
    (tx) =>
      tx.query(
        `INSERT INTO webhook_deliveries (outbox_id, endpoint_id, org_id, attempt, status_code,
             duration_ms, error)
           SELECT min(id), $2, $1, 1, 500, 12, 'answered 500' FROM webhook_outbox WHERE org_id = $1`,
        [orgId, endpointId],
      ),
    { orgId },
  );
}

/** Creates an organisation and, through the API, its map, event, hold, booking and block. */
async function makeTenant(engine: TestEngine, call: Call, label: string): Promise<Tenant> {
  const tag = uniqueName(label).replace(/_/g, '');
  const org = await createOrganisation(engine.ctx.db, { name: `${tag} house` });
  const secret = await createApiKey(engine.ctx.db, org.id, 'secret', `${tag} secret`);
  const pub = await createApiKey(engine.ctx.db, org.id, 'public', `${tag} public`);
  const owner = await createUser(engine.ctx.db, {
    email: `${tag}@staff.example`,
    name: `${tag} owner`,
    password: PASSWORD,
  });
  await addMembership(engine.ctx.db, owner.id, org.id, 'owner');
  const key = secret.key;
  const doc = taggedHall(tag);
  const map = await ok(call, 'POST', '/seatmaps', {
    key,
    body: { name: `${tag} map`, document: doc },
  });
  await ok(call, 'POST', `/seatmaps/${map.id}/publish`, { key });
  await ok(call, 'PUT', `/seatmaps/${map.id}/draft`, {
    key,
    body: { document: doc },
    headers: { 'if-match': '"1"' },
  });
  const event = await ok(call, 'POST', '/events', {
    key,
    body: {
      name: `${tag} night`,
      seatmapId: map.id,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      prices: [
        { category: 'A', amount: 5000, currency: 'EUR' },
        { category: 'B', amount: 3000, currency: 'EUR' },
      ],
    },
  });
  const door = await ok(call, 'POST', `/events/${event.id}/door-link`, { key });
  const layout = await ok(call, 'GET', `/events/${event.id}/layout`, { key: pub.key });
  const seatIds = (layout.seats as { id: string }[]).map((s) => s.id);
  const areaId = `${tag}-floor`;
  const [s0, s1, s2, s3, s4] = seatIds as [string, string, string, string, string];
  const hold = await ok(call, 'POST', `/events/${event.id}/holds`, {
    key: pub.key,
    body: { seats: [s0, s1], ga: [{ areaId, quantity: 2 }] },
  });
  const booking = await ok(call, 'POST', `/events/${event.id}/book`, {
    key,
    body: { seats: [s2, s3] },
  });
  await ok(call, 'POST', `/events/${event.id}/block`, {
    key,
    body: { seats: [s4], reason: 'house seat' },
  });
  const hook = await ok(call, 'POST', '/webhooks/endpoints', {
    key,
    body: { url: `http://127.0.0.1:9/${tag}/hooks`, events: ['booking.created'] },
  });
  await logDelivery(engine, org.id, hook.endpoint.id);
  const series = await ok(call, 'POST', '/series', {
    key,
    body: { name: `${tag} season`, eventIds: [event.id] },
  });
  const subscription = await ok(call, 'POST', `/series/${series.id}/subscriptions`, {
    key,
    body: { seats: [seatIds[9]] },
  });
  const tickets = await ok(call, 'GET', `/bookings/${booking.bookingId}/tickets`, { key });
  const channel = await ok(call, 'POST', `/events/${event.id}/channels`, {
    key,
    body: { kind: 'boxoffice', name: `${tag} counter` },
  });
  await ok(call, 'POST', `/events/${event.id}/channels/${channel.id}/allocate`, {
    key,
    body: { seats: [seatIds[8]] },
  });
  return {
    tag,
    orgId: org.id,
    eventId: event.id,
    seatmapId: map.id,
    holdToken: hold.holdToken,
    bookingId: booking.bookingId,
    keyId: secret.id,
    webhookEndpointId: hook.endpoint.id,
    seriesId: series.id,
    subscriptionId: subscription.id,
    ticketCode: tickets.tickets[0].code,
    channelId: channel.id,
    userId: owner.id,
    secretKey: key,
    publicKey: pub.key,
    doorKey: door.key,
    doorKeyId: door.keyId,
    seatIds,
    areaId,
    names: [
      `${tag} house`,
      `${tag} map`,
      `${tag} hall`,
      `${tag} night`,
      `${tag} owner`,
      `${tag}/hooks`,
      `${tag} season`,
      `${tag} counter`,
    ],
    staffEmail: owner.email,
  };
}

/** Boots the engine with its HTTP API and /live sockets, then makes organisations A and B. */
export async function startTenants(): Promise<TenantsWorld> {
  const engine = await testEngine();
  // Unexpected errors (the 500s these suites hunt) are logged with their cause; the rest is quiet.
  const logger = pino({ level: 'error' });
  // No rate limits: a 429 would hide what the route itself answers (fair-use tests cover them).
  const config = { ...engine.ctx.config, ...NO_RATE_LIMITS };
  const http: Server = createServer(createApp({ ...engine.ctx, logger, config }));
  const io = new IoServer(http, { transports: ['websocket'] });
  const live = attachLive(io, engineLiveDeps(engine.ctx));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const call: Call = (method, path, opts) => send(url, method, path, opts);
  const sockets: ClientSocket[] = [];
  const a = await makeTenant(engine, call, 'ta');
  const b = await makeTenant(engine, call, 'tb');
  return {
    engine,
    url,
    a,
    b,
    call,
    async socket(key) {
      const session = typeof key === 'string' ? undefined : key;
      const socket = ioClient(`${url}/live`, {
        auth: { ...(session ? {} : { key }), protocolVersion: 1 },
        ...(session ? { extraHeaders: session } : {}),
        forceNew: true,
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async login(t) {
      const res = await call('POST', '/api/v1/auth/login', {
        body: { email: t.staffEmail, password: PASSWORD },
      });
      expect(res.status).toBe(200);
      const cookie = /parterre_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0];
      return { cookie: cookie ?? '', 'x-requested-with': 'parterre' };
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await live.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await engine.dispose();
    },
  };
}

/** Tenant tables the key and webhook management routes write, beyond the tenancy suite's. */
const MANAGEMENT_TABLES = [
  ['webhook_endpoints', 'org_id'],
  ['webhook_deliveries', 'org_id'],
  ['audit_log', 'org_id'],
] as const;

/** Rows the organisation owns in every tenant table (read under its own organisation). */
async function rowCounts(world: TenantsWorld, t: Tenant): Promise<Record<string, number>> {
  return world.engine.ctx.db.transaction(
    async (tx) => {
      const counts: Record<string, number> = {};
      for (const [table, column] of [...TENANT_TABLES, ...MANAGEMENT_TABLES]) {
        const { rows } = await tx.query<{ n: string }>(
          `select count(*)::text as n from ${table} where ${column} = $1`,
          [t.orgId],
        );
        counts[table] = Number(rows[0]?.n);
      }
      return counts;
    },
    { orgId: t.orgId },
  );
}

/**
 * Everything observable of an organisation's state, read with its own keys: live availability
 * (epoch, seq, every seat), the hold, the report, the map's draft version and published versions,
 * its events, and the row count of every tenant table.
 */
export async function stateOf(world: TenantsWorld, t: Tenant) {
  const get = async (path: string, key = t.secretKey) => {
    const res = await world.call('GET', `/api/v1${path}`, { key });
    return { status: res.status, body: res.body };
  };
  return {
    availability: await get(`/events/${t.eventId}/availability`, t.publicKey),
    hold: await get(`/hold-tokens/${encodeURIComponent(t.holdToken)}`, t.publicKey),
    report: await get(`/events/${t.eventId}/report?by=category`),
    seatmap: await get(`/seatmaps/${t.seatmapId}`),
    events: await get('/events'),
    // lastUsedAt moves whenever a key is used (at most once a minute): not a change to the keys.
    keys: ((await get('/keys')).body.keys as Record<string, unknown>[]).map(
      ({ lastUsedAt: _used, ...k }) => k,
    ),
    webhooks: await get('/webhooks/endpoints'),
    members: await get('/members'),
    deliveries: await get('/webhooks/deliveries'),
    rows: await rowCounts(world, t),
  };
}
