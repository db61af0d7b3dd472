// Organisation A's secret, public and door keys and owner session on organisation B's resources, over
// every route of the registry and over the /live socket. Each answer is refused exactly like the
// same request naming ids that do not exist (same status, same code: 404 for an id, 401/403 when
// the credential is refused first), never succeeds, never mentions B's data beyond what the
// request itself sent, and B's state is unchanged.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRoute } from '../../engine/src/http/api-router.ts';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { hallDocument } from '../support/engine.ts';
import { buildRequests, urlOf, type BuiltRequest } from './route-requests.ts';
import { PASSWORD } from './staff-support.ts';
import { startTenants, stateOf, type Tenant, type TenantsWorld } from './tenants.ts';

let world: TenantsWorld;
beforeAll(async () => {
  world = await startTenants();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** Body properties that name a tenant's resources, by name; the rest comes from the schema. */
function overridesFor(t: Tenant, seats: string[]) {
  return {
    holdToken: t.holdToken,
    bookingId: t.bookingId,
    seatmapId: t.seatmapId,
    eventId: t.eventId,
    orgId: t.orgId,
    endpointId: t.webhookEndpointId,
    seriesId: t.seriesId,
    eventIds: [t.eventId],
    code: t.ticketCode,
    channelId: t.channelId,
    seats,
    areaId: t.areaId,
    category: 'A',
    priceType: 'full',
    currency: 'EUR',
    document: hallDocument(),
    // A's own owner, logging in (or switching) into B.
    email: world.a.staffEmail,
    password: PASSWORD,
  };
}

const headerValues = () => ({ 'if-match': '"2"', 'idempotency-key': `xt-${randomUUID()}` });

/** Body fields that can name another organisation's resources. */
const REFERENCE_FIELDS = [
  'holdToken',
  'bookingId',
  'seatmapId',
  'eventId',
  'orgId',
  'seats',
  'areaId',
  'seriesId',
  'eventIds',
  'code',
  'channelId',
];

/**
 * The route on A's own ids with a body valid for A except one field naming B's resource: A's
 * event must not reach B's hold, booking, map or seats through the body.
 */
function mixedRequests(route: AnyRoute): BuiltRequest[] {
  if (!route.body || !route.path.includes(':')) return [];
  const { a, b } = world;
  const own = overridesFor(a, [a.seatIds[5] as string, a.seatIds[6] as string]);
  const base = JSON.stringify(buildRequests(route, a, own, headerValues()).map((r) => r.body));
  const theirs = overridesFor(b, [b.seatIds[5] as string, b.seatIds[6] as string]);
  return REFERENCE_FIELDS.flatMap((field) => {
    const swapped = { ...own, [field]: theirs[field as keyof typeof theirs] };
    const requests = buildRequests(route, a, swapped, headerValues());
    // Only variants whose body actually carries the field.
    return JSON.stringify(requests.map((r) => r.body)) === base ? [] : requests;
  });
}

const random = (length: number) =>
  randomBytes(length).toString('base64url').replace(/[-_]/g, 'z').slice(0, length);

/** B's identifying strings, longest first, each with a same-shaped string that names nothing. */
function ghostsOf(t: Tenant): [string, string][] {
  const event = `${t.eventId.slice(0, 3)}${random(t.eventId.length - 3)}`;
  const pairs: [string, string][] = [
    [t.holdToken, t.holdToken.replace(t.eventId, event).replace(/[^.]+$/, (m) => random(m.length))],
    [t.eventId, event],
    [t.ticketCode, random(t.ticketCode.length)],
    ...[t.seriesId, t.subscriptionId].map(
      (id) => [id, `${id.slice(0, 3)}${random(id.length - 3)}`] as [string, string],
    ),
    ...[t.seatmapId, t.bookingId, t.orgId, t.keyId, t.webhookEndpointId, t.channelId, t.userId].map(
      (id) => [id, `${id.slice(0, 3)}${random(id.length - 3)}`] as [string, string],
    ),
    [t.tag, `${t.tag.slice(0, 2)}${random(t.tag.length - 2).toLowerCase()}`],
  ];
  return pairs.sort((x, y) => y[0].length - x[0].length);
}

/** The same request with every B string replaced by its ghost: what a missing id gets. */
function ghostOf(req: BuiltRequest, ghosts: [string, string][]): BuiltRequest {
  let text = JSON.stringify(req);
  for (const [real, ghost] of ghosts) text = text.split(real).join(ghost);
  return JSON.parse(text) as BuiltRequest;
}

const refersTo = (t: Tenant, req: BuiltRequest) =>
  ghostsOf(t).some(([real]) => JSON.stringify([req.path, req.body]).includes(real));

/** B's strings the answer must not contain, unless the request itself sent them. */
function leaks(t: Tenant, req: BuiltRequest, answer: unknown): string[] {
  const sent = JSON.stringify([req.path, req.query, req.body, req.headers]);
  const secrets = [
    t.orgId,
    t.eventId,
    t.seatmapId,
    t.holdToken,
    t.bookingId,
    t.keyId,
    t.areaId,
    t.webhookEndpointId,
    t.seriesId,
    t.subscriptionId,
    t.channelId,
    t.userId,
  ];
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return [...secrets, ...t.names, ...t.seatIds, t.staffEmail].filter(
    (s) => !sent.includes(s) && text.includes(s),
  );
}

type Credential = 'secret key' | 'public key' | 'door key' | 'owner session';
const CREDENTIALS: Credential[] = ['secret key', 'public key', 'door key', 'owner session'];
const KEYS = {
  'secret key': 'secretKey',
  'public key': 'publicKey',
  'door key': 'doorKey',
} as const;

let session: Record<string, string> | undefined;

async function sendAs(who: Credential, req: BuiltRequest) {
  const { a } = world;
  if (who === 'owner session') session ??= await world.login(a);
  const key = who === 'owner session' ? undefined : a[KEYS[who]];
  const res = await world.call(req.method, urlOf(req), {
    ...(key ? { key } : {}),
    headers: { ...req.headers, ...(who === 'owner session' ? session : {}) },
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  // A change that went through (logout, password change) may have ended the session.
  if (who === 'owner session' && req.method !== 'GET' && res.status < 300) session = undefined;
  return res;
}

/** Refusals of a request aimed at B's resources: not found, or the credential refused first. */
const ON_B = [401, 403, 404];

/**
 * What is wrong with one answer of the walk (nothing: empty). `onB`: the request targets B's
 * resources, so only ON_B answers are right; otherwise it is A's own route with one B reference
 * in the body, which may also be refused as a conflict or unknown seats (as a missing one is).
 */
async function check(who: Credential, req: BuiltRequest, ghosts: [string, string][], onB: boolean) {
  const { b } = world;
  const res = await sendAs(who, req);
  const where = `as A's ${who}: ${req.method} ${req.path} ${JSON.stringify(req.body)}`;
  const problems: string[] = [];
  const leaked = leaks(b, req, res.body);
  if (leaked.length) problems.push(`${where}: leaks ${leaked.join(', ')}`);
  if (res.status >= 500) problems.push(`${where}: ${res.status}`);
  if (!refersTo(b, req)) return { status: res.status, problems };
  const missing = await sendAs(who, ghostOf(req, ghosts));
  const seen = `${res.status} ${res.body?.code}`;
  if (res.status < 400) problems.push(`${where}: succeeded (${seen})`);
  if (onB && !ON_B.includes(res.status)) problems.push(`${where}: ${seen}, not one of ${ON_B}`);
  if (seen !== `${missing.status} ${missing.body?.code}`) {
    problems.push(`${where}: ${seen}, but ${missing.status} ${missing.body?.code} for missing ids`);
  }
  return { status: res.status, problems };
}

describe('cross-tenant walk over every route', () => {
  it("answers B's ids like missing ones, leaks nothing and changes nothing of B", async () => {
    const { b } = world;
    const routes = createApiRouter(world.engine.ctx).routes;
    const before = await stateOf(world, b);
    const ghosts = ghostsOf(b);
    const seats = [b.seatIds[0] as string, b.seatIds[1] as string];
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    const covered = new Set<string>();
    for (const route of routes) {
      const onB = buildRequests(route, b, overridesFor(b, seats), headerValues());
      for (const req of [...onB, ...mixedRequests(route)]) {
        for (const who of CREDENTIALS) {
          const { status, problems } = await check(who, req, ghosts, onB.includes(req));
          statuses[status] = (statuses[status] ?? 0) + 1;
          failures.push(...problems);
        }
      }
      covered.add(`${route.method} ${route.path}`);
    }
    expect(failures).toEqual([]);
    expect(covered.size).toBe(routes.length);
    // The walk really reached B's resources: most answers are the 404 of a missing id.
    expect(statuses[404]).toBeGreaterThan(routes.length);
    expect(await stateOf(world, b)).toEqual(before);
  }, 90_000);
});

describe('cross-tenant over the /live socket', () => {
  it("refuses A's keys and owner session on B's event (subscribe, hold, release), like a missing one", async () => {
    const { a, b } = world;
    const before = await stateOf(world, b);
    const credentials = [a.publicKey, a.secretKey, await world.login(a)];
    for (const credential of credentials) {
      const socket = await world.socket(credential);
      const ask = (name: string, payload: unknown) =>
        socket.timeout(5000).emitWithAck(name, payload) as Promise<Record<string, unknown>>;
      const missing = ghostsOf(b).find(([real]) => real === b.eventId)![1];
      for (const eventId of [b.eventId, missing]) {
        const answers = [
          await ask('subscribe', { eventId }),
          await ask('hold', { eventId, seats: [b.seatIds[5], b.seatIds[6]] }),
          await ask('hold', { eventId, seats: [b.seatIds[5]], holdToken: b.holdToken }),
          await ask('release', { eventId, holdToken: b.holdToken }),
          await ask('release', { eventId, holdToken: b.holdToken, seats: [b.seatIds[0]] }),
          await ask('unsubscribe', { eventId }),
        ];
        for (const answer of answers.slice(0, 5)) {
          expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
        const text = JSON.stringify(answers);
        for (const s of [b.orgId, ...b.names]) expect(text).not.toContain(s);
      }
      // Still serving A's own event on the same socket.
      expect(await ask('subscribe', { eventId: a.eventId })).toMatchObject({ ok: true });
      socket.disconnect();
    }
    expect(await stateOf(world, b)).toEqual(before);
  });

  it("answers A's box office on B's door keys like missing ones, and B's door key still works", async () => {
    const { a, b } = world;
    const session = await world.login(a);
    const ghost = `${b.doorKeyId.slice(0, 4)}${random(b.doorKeyId.length - 4)}`;
    for (const [eventId, keyId] of [
      [a.eventId, b.doorKeyId],
      [b.eventId, b.doorKeyId],
      [a.eventId, ghost],
    ] as const) {
      const path = `/api/v1/events/${eventId}/door-keys/${keyId}`;
      for (const credential of [{ headers: session }, { key: a.secretKey }]) {
        const res = await world.call('DELETE', path, credential);
        expect(`${res.status} ${res.body.code}`).toBe('404 NOT_FOUND');
        for (const s of [b.orgId, ...b.names]) expect(JSON.stringify(res.body)).not.toContain(s);
      }
    }
    const listed = await world.call('GET', `/api/v1/events/${a.eventId}/door-keys`, {
      key: a.secretKey,
    });
    expect(JSON.stringify(listed.body)).not.toContain(b.doorKeyId);
    // A's door key opens A's event only: B's event answers like a missing one.
    const own = await world.call('GET', `/api/v1/events/${b.eventId}`, { key: a.doorKey });
    expect(`${own.status} ${own.body.code}`).toBe('404 NOT_FOUND');
    const works = await world.call('GET', `/api/v1/events/${b.eventId}/attendance`, {
      key: b.doorKey,
    });
    expect(works.status).toBe(200);
  });

  it("refuses A's door key at the handshake: door keys only scan", async () => {
    await expect(world.socket(world.a.doorKey)).rejects.toThrow(/door key/);
  });
});
