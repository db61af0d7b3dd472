// Organisation A's keys on organisation B's resources, over every route of the registry and over
// the /live socket: each answer is 404 like a missing id (or 401/403 when the key kind is refused
// first), never mentions B's data beyond what the request itself sent, and B's state is unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { hallDocument } from '../support/engine.ts';
import type { AnyRoute } from '../../engine/src/http/api-router.ts';
import { buildRequests, urlOf, type BuiltRequest } from './route-requests.ts';
import { startTenants, stateOf, type Tenant, type TenantsWorld } from './tenants.ts';

let world: TenantsWorld;
beforeAll(async () => {
  world = await startTenants();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** Body properties that name B's resources, by name; the rest is generated from the schema. */
function overridesFor(t: Tenant, seats: string[]) {
  return {
    holdToken: t.holdToken,
    bookingId: t.bookingId,
    seatmapId: t.seatmapId,
    eventId: t.eventId,
    seats,
    areaId: t.areaId,
    category: 'A',
    priceType: 'full',
    currency: 'EUR',
    document: hallDocument(),
  };
}

const headerValues = () => ({
  'if-match': '"2"',
  'idempotency-key': `xt-${randomUUID()}`,
});

/** B's strings the answer must not contain, unless the request itself sent them. */
function leaks(t: Tenant, req: BuiltRequest, answer: unknown): string[] {
  const sent = JSON.stringify([req.path, req.query, req.body, req.headers]);
  const secrets = [t.orgId, t.eventId, t.seatmapId, t.holdToken, t.bookingId, t.keyId, t.areaId];
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return [...secrets, ...t.names, ...t.seatIds].filter(
    (s) => !sent.includes(s) && text.includes(s),
  );
}

const sendAs = (key: string, req: BuiltRequest) =>
  world.call(req.method, urlOf(req), {
    key,
    headers: req.headers,
    ...(req.body !== undefined ? { body: req.body } : {}),
  });

/** Body fields that can name another organisation's resources. */
const REFERENCE_FIELDS = ['holdToken', 'bookingId', 'seatmapId', 'eventId', 'seats', 'areaId'];

/**
 * The route on A's own ids with a body valid for A except one field naming B's resource: A's
 * event must not reach B's hold, booking, map or seats through the body.
 */
function mixedRequests(route: AnyRoute): BuiltRequest[] {
  if (!route.body) return [];
  const { a, b } = world;
  const own = overridesFor(a, [a.seatIds[5] as string, a.seatIds[6] as string]);
  const base = JSON.stringify(buildRequests(route, a, own, headerValues()).map((r) => r.body));
  const theirs = overridesFor(b, [b.seatIds[5] as string, b.seatIds[6] as string]);
  return REFERENCE_FIELDS.flatMap((field) => {
    const requests = buildRequests(
      route,
      a,
      { ...own, [field]: theirs[field as keyof typeof theirs] },
      headerValues(),
    );
    // Only variants whose body actually carries the field.
    return JSON.stringify(requests.map((r) => r.body)) === base ? [] : requests;
  });
}

const refersToB = (req: BuiltRequest) => {
  const text = JSON.stringify([req.path, req.body]);
  return [world.b.eventId, world.b.seatmapId, world.b.holdToken, world.b.bookingId].some(
    (id) => text.includes(encodeURIComponent(id)) || text.includes(id),
  );
};

describe('cross-tenant walk over every route', () => {
  it('answers 404 (or 401/403 for the key kind), leaks nothing and changes nothing of B', async () => {
    const { a, b } = world;
    const routes = createApiRouter(world.engine.ctx).routes;
    const before = await stateOf(world, b);
    const covered = new Set<string>();
    const failures: string[] = [];
    let cases = 0;
    const seats = [b.seatIds[0] as string, b.seatIds[1] as string];
    const refusals: Record<number, number> = {};
    for (const route of routes) {
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const onB = buildRequests(route, b, overridesFor(b, seats), headerValues());
      const mixed = route.path.includes(':') ? mixedRequests(route) : [];
      for (const req of [...onB, ...mixed]) {
        for (const [kind, key] of [
          ['secret', a.secretKey],
          ['public', a.publicKey],
        ] as const) {
          cases++;
          const res = await sendAs(key, req);
          const where = `${label} as A ${kind} (${req.path} ${JSON.stringify(req.body)})`;
          const leaked = leaks(b, req, res.body);
          if (leaked.length) failures.push(`${where}: leaks ${leaked.join(', ')}`);
          if (res.status >= 500) failures.push(`${where}: ${res.status}`);
          if (!refersToB(req)) continue;
          const allowed =
            route.access === 'secret' && kind === 'public'
              ? [401, 403]
              : onB.includes(req)
                ? [404]
                : [404, 409, 410, 422];
          refusals[res.status] = (refusals[res.status] ?? 0) + 1;
          if (!allowed.includes(res.status)) {
            failures.push(`${where}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      }
      covered.add(label);
    }
    expect(failures).toEqual([]);
    expect(covered.size).toBe(routes.length);
    expect(cases).toBeGreaterThanOrEqual(routes.length * 2);
    // The walk really reached B's resources: most answers are the 404 of a missing id.
    expect(refusals[404]).toBeGreaterThan(routes.length);
    expect(await stateOf(world, b)).toEqual(before);
  }, 60_000);
});

describe('cross-tenant over the /live socket', () => {
  it("refuses A's public key on B's event (subscribe, hold, release) and changes nothing", async () => {
    const { a, b } = world;
    const before = await stateOf(world, b);
    const socket = await world.socket(a.publicKey);
    const ask = (name: string, payload: unknown) =>
      socket.timeout(5000).emitWithAck(name, payload) as Promise<Record<string, unknown>>;
    const answers = [
      await ask('subscribe', { eventId: b.eventId }),
      await ask('hold', { eventId: b.eventId, seats: [b.seatIds[5], b.seatIds[6]] }),
      await ask('hold', { eventId: b.eventId, seats: [b.seatIds[5]], holdToken: b.holdToken }),
      await ask('release', { eventId: b.eventId, holdToken: b.holdToken }),
      await ask('release', { eventId: b.eventId, holdToken: b.holdToken, seats: [b.seatIds[0]] }),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const text = JSON.stringify(answer);
      for (const s of [b.orgId, b.holdToken, ...b.names]) expect(text).not.toContain(s);
    }
    // Still serving A's own event on the same socket.
    expect(await ask('subscribe', { eventId: a.eventId })).toMatchObject({ ok: true });
    expect(await stateOf(world, b)).toEqual(before);
  });
});
