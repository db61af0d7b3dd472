// Property-based fuzzing of every route of the registry and every /live command with hostile input
// and valid keys: the answer is always a 4xx (never a 5xx, never success), and the organisation's
// state — live seats, hold, bookings, map versions, every tenant table — is the same afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HoldRequest,
  ReleaseRequest,
  SubscribeRequest,
  UnsubscribeRequest,
} from '@parterre/seatmaps';
import type { z } from 'zod';
import type { AnyRoute } from '../../engine/src/http/api-router.ts';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { hallDocument } from '../support/engine.ts';
import {
  bodyCases,
  bodyInvalid,
  junkHeader,
  junkId,
  junkJson,
  junkQuery,
  queryInvalid,
  type BodyCase,
} from './fuzz-inputs.ts';
import { buildRequests, fillPath, paramKinds, type BuiltRequest } from './route-requests.ts';
import { startTenants, stateOf, type Tenant, type TenantsWorld } from './tenants.ts';

/** Refusals a hostile request may get (413: the body size limit; 429: a throttle, e.g. logins). */
const REFUSALS = [400, 401, 403, 404, 409, 410, 412, 413, 415, 422, 428, 429];
const RUNS_PER_ROUTE = 30;

let world: TenantsWorld;
beforeAll(async () => {
  world = await startTenants();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** A valid request on A's own resources: the fuzz corrupts parts of it. */
function baseRequest(route: AnyRoute): BuiltRequest {
  const { a } = world;
  const overrides = {
    holdToken: a.holdToken,
    bookingId: a.bookingId,
    seatmapId: a.seatmapId,
    eventId: a.eventId,
    seats: [a.seatIds[5], a.seatIds[6]],
    areaId: a.areaId,
    category: 'A',
    priceType: 'full',
    currency: 'EUR',
    document: hallDocument(),
  };
  return buildRequests(route, a, overrides, { 'if-match': '"2"' })[0] as BuiltRequest;
}

interface FuzzCase {
  params?: Record<string, string>;
  query?: string;
  body?: BodyCase;
  headers?: Record<string, string | undefined>;
  who: Credential;
}

type Credential = 'secret key' | 'public key' | 'door key' | 'owner session';
const KEYS = {
  'secret key': 'secretKey',
  'public key': 'publicKey',
  'door key': 'doorKey',
} as const;

/** Cases with at least one corrupted part among those the route reads. */
function casesFor(route: AnyRoute, base: BuiltRequest): fc.Arbitrary<FuzzCase> {
  const names = Object.keys(paramKinds(route.path));
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  if (names.length) parts.params = fc.record(Object.fromEntries(names.map((n) => [n, junkId])));
  if (route.query) parts.query = junkQuery;
  if (route.body) parts.body = bodyCases(base.body);
  if (route.headers?.length) {
    parts.headers = fc.record(Object.fromEntries(route.headers.map((h) => [h.name, junkHeader])));
  }
  const keys = Object.keys(parts);
  const who = fc.constantFrom<Credential>('secret key', 'public key', 'door key', 'owner session');
  if (keys.length === 0) return fc.record({ who, query: junkQuery });
  return fc
    .subarray(keys, { minLength: 1 })
    .chain((chosen) =>
      fc.record({ who, ...Object.fromEntries(chosen.map((p) => [p, parts[p]])) }),
    ) as fc.Arbitrary<FuzzCase>;
}

/** Whether the case cannot succeed: some corrupted part is really invalid. */
function isHostile(route: AnyRoute, base: BuiltRequest, c: FuzzCase): boolean {
  if (c.params) return true;
  if (c.query !== undefined && queryInvalid(route, c.query)) return true;
  if (c.body && bodyInvalid(route, c.body, base.body)) return true;
  // Omitting an optional header is valid, and so is junk its schema accepts (an Idempotency-Key
  // "abc"); a missing required header, a refused value or a stale If-Match version is not.
  return Object.entries(c.headers ?? {}).some(([name, value]) => {
    const spec = route.headers?.find((h) => h.name === name);
    if (value === undefined) return spec?.required === true;
    return name === 'If-Match' || spec?.schema.safeParse(value).success === false;
  });
}

let session: Record<string, string> | undefined;

async function send(route: AnyRoute, base: BuiltRequest, c: FuzzCase) {
  const { a } = world;
  const path = c.params ? fillPath(route.path, c.params) : base.path;
  const query = c.query ?? new URLSearchParams(base.query).toString();
  const headers: Record<string, string> = { ...base.headers };
  if (c.who === 'owner session') Object.assign(headers, (session ??= await world.login(a)));
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const body =
    c.body ??
    (base.body !== undefined
      ? { raw: JSON.stringify(base.body), contentType: 'application/json' }
      : undefined);
  if (body) headers['content-type'] = body.contentType;
  const key = c.who === 'owner session' ? undefined : a[KEYS[c.who]];
  const res = await world.call(
    route.method.toUpperCase(),
    `/api/v1${path}${query ? `?${query}` : ''}`,
    { ...(key ? { key } : {}), headers, ...(body ? { raw: body.raw } : {}) },
  );
  // Logout (the one input-free change a session can make) ends the session.
  if (c.who === 'owner session' && route.method !== 'get' && res.status < 300) session = undefined;
  return res;
}

/**
 * The tenant's state without the audit trail of sessions: the fuzzer's own logins, logouts and
 * failed logins are audited (auth.*), and that record is what should happen, not a change.
 */
async function stateOfTenant(t: Tenant) {
  const state = await stateOf(world, t);
  const { rows } = await world.engine.ctx.db.transaction(
    (tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE org_id = $1 AND action LIKE 'auth.%'`,
        [t.orgId],
      ),
    { orgId: t.orgId },
  );
  return { ...state, rows: { ...state.rows, audit_log: (state.rows.audit_log ?? 0) - rows[0]!.n } };
}

describe('HTTP fuzz over every route', () => {
  it('answers hostile input with a 4xx and changes nothing', async () => {
    const routes = createApiRouter(world.engine.ctx).routes;
    const before = { a: await stateOfTenant(world.a), b: await stateOfTenant(world.b) };
    const statuses: Record<number, number> = {};
    let cases = 0;
    for (const route of routes) {
      const base = baseRequest(route);
      const label = `${route.method.toUpperCase()} ${route.path}`;
      await fc.assert(
        fc.asyncProperty(casesFor(route, base), async (c) => {
          // A route with no input to corrupt can only be sent junk it ignores: it must not fail.
          const hostile = isHostile(route, base, c);
          fc.pre(hostile || (route.params ?? route.query ?? route.body) === undefined);
          const res = await send(route, base, c);
          cases++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const allowed = hostile ? REFUSALS : [200, ...REFUSALS];
          expect(
            allowed,
            `${label} ${JSON.stringify(c).slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toContain(res.status);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(cases).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    expect(Object.keys(statuses).every((s) => Number(s) < 500)).toBe(true);
    expect({ a: await stateOfTenant(world.a), b: await stateOfTenant(world.b) }).toEqual(before);
  }, 120_000);
});

const COMMANDS: Record<string, z.ZodType> = {
  subscribe: SubscribeRequest,
  unsubscribe: UnsubscribeRequest,
  hold: HoldRequest,
  release: ReleaseRequest,
};

describe('/live fuzz over every command', () => {
  it('answers hostile payloads with error acks, survives missing and odd acks, changes nothing', async () => {
    const { a, b } = world;
    const before = { a: await stateOf(world, a), b: await stateOf(world, b) };
    const socket = await world.socket(a.publicKey);
    // Payloads the protocol refuses, and well-formed ones naming events A cannot see.
    const payload = fc.oneof(
      junkJson,
      fc.record({ eventId: fc.constantFrom(b.eventId, 'ev_missing', a.eventId.toUpperCase()) }),
      fc.record({
        eventId: fc.constantFrom(b.eventId, 'ev_missing'),
        seats: fc.constant([b.seatIds[7]]),
        holdToken: fc.constantFrom(b.holdToken, 'ht.nothing'),
      }),
    );
    const ackStyle = fc.constantFrom('ack', 'none', 'non-function-ack', 'ack-only', 'nothing');
    let acks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(COMMANDS)),
        payload,
        ackStyle,
        async (name, p, style) => {
          const wellFormed = COMMANDS[name]!.safeParse(p).success;
          if (style === 'nothing') return void socket.emit(name);
          if (style === 'none') return void socket.emit(name, p);
          if (style === 'non-function-ack') return void socket.emit(name, p, 42);
          // 'ack-only': the callback is the only argument, the payload is missing.
          const args = style === 'ack-only' ? [] : [p];
          const ack = (await socket.timeout(5000).emitWithAck(name, ...args)) as {
            ok: boolean;
            error?: { code: string };
          };
          acks++;
          // Leaving an event one never joined is harmless and may be acknowledged.
          if (name === 'unsubscribe' && wellFormed && style === 'ack') return;
          expect(ack.ok, `${name} ${JSON.stringify(p)?.slice(0, 200)} ${style}`).toBe(false);
          expect(ack.error?.code).not.toBe('INTERNAL');
        },
      ),
      { numRuns: 160 },
    );
    expect(acks).toBeGreaterThan(40);
    // Nothing of that made the server drop the fuzzing socket.
    expect(socket.connected).toBe(true);
    // The node still serves a valid request, on a fresh socket (the fuzzing one may be rate-limited).
    const fresh = await world.socket(a.publicKey);
    const ok = await fresh.timeout(5000).emitWithAck('subscribe', { eventId: a.eventId });
    expect(ok).toMatchObject({ ok: true, mode: 'snapshot' });
    expect({ a: await stateOf(world, a), b: await stateOf(world, b) }).toEqual(before);
  }, 60_000);
});
