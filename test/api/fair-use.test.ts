// Fair use on a real engine (Postgres, Redis): per-key and per-organisation rate limits answer 429
// with Retry-After and change nothing; one organisation's flood leaves another's requests alone;
// bad-key floods are refused per IP before the key lookup; each key's allowed origins (CORS); and
// helmet's headers. Each case serves its own app with small limits and its own counter prefix, so
// cases do not share counters; requests go out concurrently, and only the paced ones wait (at
// most the longest delay, 1 s).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, getApiKeyOrigins, setApiKeyOrigins } from '../../engine/src/auth/repo.ts';
import type { Config } from '../../engine/src/config.ts';
import type { EngineContext } from '../../engine/src/context.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

let engine: TestEngine;
let a: SeededEvent;
let b: SeededEvent;
const servers: Server[] = [];
let apps = 0;

beforeAll(async () => {
  engine = await testEngine();
  a = await seedEvent(engine.ctx);
  b = await seedEvent(engine.ctx);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await engine?.dispose();
});

const NO_LIMITS = {
  RATE_LIMIT_PUBLIC_PER_SECOND: 0,
  RATE_LIMIT_PUBLIC_BURST: 0,
  RATE_LIMIT_SECRET_PER_SECOND: 0,
  RATE_LIMIT_SECRET_BURST: 0,
  RATE_LIMIT_ORG_PER_SECOND: 0,
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 0,
};

/** Serves the engine with these limits, counted under a Redis prefix of its own (or in memory). */
async function serve(limits: Partial<Config>, store: 'redis' | 'memory' = 'redis') {
  apps += 1;
  const ctx: EngineContext = {
    ...engine.ctx,
    ...(store === 'memory' ? { redis: undefined } : {}),
    config: {
      ...engine.ctx.config,
      ...NO_LIMITS,
      ...limits,
      REDIS_PREFIX: `${engine.prefix}app${apps}:`,
    },
  };
  const server = createApp(ctx).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (method: string, path: string, key?: string, opts: RequestInit = {}) => {
    const headers = new Headers(opts.headers);
    if (key) headers.set('authorization', `Bearer ${key}`);
    if (opts.body) headers.set('content-type', 'application/json');
    const res = await fetch(url + path, { ...opts, method, headers });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, headers: res.headers, body: json ? JSON.parse(text) : text };
  };
}
type Call = Awaited<ReturnType<typeof serve>>;

const availability = (ev: SeededEvent) => `/api/v1/events/${ev.eventId}/availability`;
const holdOf = (
  call: Call,
  ev: SeededEvent,
  key: string,
  seat: string,
  headers: HeadersInit = {},
) =>
  call('POST', `/api/v1/events/${ev.eventId}/holds`, key, {
    body: JSON.stringify({ seats: [seat] }),
    headers,
  });
const seats = (n: number) =>
  Array.from({ length: n }, (_, i) => `R${1 + Math.floor(i / 10)}-${1 + (i % 10)}`);
const heldCount = async (call: Call, ev: SeededEvent) =>
  (await call('GET', availability(ev), ev.secretKey)).body.counts.held as number;

function expectRateLimited(res: Awaited<ReturnType<Call>>, about: RegExp) {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('RATE_LIMITED');
  expect(res.body.detail).toMatch(about);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body.retryAfterSeconds).toBe(retryAfter);
}

describe('rate limits', () => {
  it('paces a public key, then 429 with Retry-After; refused holds hold nothing', async () => {
    const call = await serve({ RATE_LIMIT_PUBLIC_PER_SECOND: 1, RATE_LIMIT_PUBLIC_BURST: 5 });
    const before = await heldCount(call, a);
    // 15 at once with 1 per second and bursts of 5, the longest delay 1 s: 5 pass at once, the
    // 6th waits for the slot a second later, the rest are refused (a slow rate, so requests that
    // take long to arrive cannot find free slots: all 15 would pass only if they took 9 s).
    const started = performance.now();
    const answers = await Promise.all(
      seats(15).map(async (s) => {
        const res = await holdOf(call, a, a.publicKey, s);
        return { ...res, at: performance.now() - started };
      }),
    );
    const ok = answers.filter((r) => r.status === 200).sort((x, y) => x.at - y.at);
    const refused = answers.filter((r) => r.status !== 200);
    expect(ok.length).toBeGreaterThanOrEqual(6);
    ok.forEach((r, k) => expect(r.at).toBeGreaterThanOrEqual((k + 1 - 5) * 1000 - 5));
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expectRateLimited(r, /this key/);
    expect(await heldCount(call, a)).toBe(before + ok.length);
    // Another key of the same organisation is not affected.
    expect((await call('GET', availability(a), a.secretKey)).status).toBe(200);
    for (const r of ok) {
      await call('POST', `/api/v1/events/${a.eventId}/release`, a.secretKey, {
        body: JSON.stringify({ holdToken: r.body.holdToken }),
      });
    }
  });

  it('paces an organisation over all its keys, refuses past the delay, and leaves others alone', async () => {
    const call = await serve({
      RATE_LIMIT_SECRET_PER_SECOND: 1000,
      RATE_LIMIT_ORG_PER_SECOND: 2,
      RATE_LIMIT_ORG_BURST: 10,
    });
    const second = await createApiKey(engine.ctx.db, a.orgId, 'secret', 'second');
    // 15 per key, 30 for the organisation at 2 per second (bursts of 10), the longest delay 1 s:
    // 10 pass at once, the next 2 wait for a slot each, 500 ms apart; the rest are refused,
    // whatever the split between the keys.
    const started = performance.now();
    const timed = async (key: string) => {
      const res = await call('GET', availability(a), key);
      return { ...res, at: performance.now() - started };
    };
    const flood = [a.secretKey, second.key].flatMap((key) =>
      Array.from({ length: 15 }, () => timed(key)),
    );
    const others = Array.from({ length: 5 }, () => call('GET', availability(b), b.publicKey));
    const [floodAnswers, otherAnswers] = await Promise.all([
      Promise.all(flood),
      Promise.all(others),
    ]);
    const ok = floodAnswers.filter((r) => r.status === 200).sort((x, y) => x.at - y.at);
    // At least the burst and the delay's slots; more only if the requests took long to arrive.
    expect(ok.length).toBeGreaterThanOrEqual(12);
    // Paced, not bunched: the k-th answer came no sooner than the (k - 10)-th slot (500 ms each;
    // a slower machine only makes it later).
    ok.forEach((r, k) => expect(r.at).toBeGreaterThanOrEqual((k + 1 - 10) * 500 - 5));
    const refused = floodAnswers.filter((r) => r.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expectRateLimited(r, /this organisation/);
    // The other organisation was neither paced nor refused.
    expect(otherAnswers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Operators see both in /metrics (counted since the engine started: other cases add theirs).
    const counted = await engine.ctx.metrics.registry
      .getSingleMetric('parterre_rate_limit_total')
      ?.get();
    const value = (outcome: string) =>
      counted?.values.find((v) => v.labels.limit === 'organisation' && v.labels.outcome === outcome)
        ?.value ?? 0;
    expect(value('paced')).toBeGreaterThanOrEqual(ok.length - 10);
    expect(value('refused')).toBeGreaterThanOrEqual(refused.length);
  });

  it('limits in memory on a node without Redis', async () => {
    const call = await serve(
      { RATE_LIMIT_SECRET_PER_SECOND: 4, RATE_LIMIT_SECRET_BURST: 4 },
      'memory',
    );
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call('GET', availability(b), b.secretKey)),
    );
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(4);
    for (const r of refused) expectRateLimited(r, /this key/);
  });

  it('refuses an address that keeps sending bad keys, before looking keys up', async () => {
    const call = await serve({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 3 });
    const bad = `sk_${'x'.repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('GET', availability(a), bad)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Blocked means blocked: from this address even a good key waits until the window ends.
    const good = await call('GET', availability(a), a.secretKey);
    expectRateLimited(good, /failed authentications/);
    // Another node's counters (another app) are untouched.
    const fresh = await serve({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 3 });
    expect((await fresh('GET', availability(a), a.secretKey)).status).toBe(200);
  });

  it('behind a trusted proxy, limits the forwarded client address, not the proxy', async () => {
    const call = await serve({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 2, TRUST_PROXY: 'loopback' });
    const from = (ip: string, key: string) =>
      call('GET', availability(a), key, { headers: { 'x-forwarded-for': ip } });
    const bad = `pk_${'y'.repeat(43)}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('203.0.113.7', bad)).status);
    expect(statuses).toEqual([401, 401, 429]);
    expect((await from('198.51.100.9', a.publicKey)).status).toBe(200);
  });
});

describe('allowed origins (CORS)', () => {
  const SHOP = 'https://tickets.example';
  const EVIL = 'https://evil.example';

  it('stores origins per key and refuses values that are not origins, changing nothing', async () => {
    const key = await createApiKey(engine.ctx.db, b.orgId, 'public', 'shop');
    expect(await setApiKeyOrigins(engine.ctx.db, b.orgId, key.id, [SHOP, SHOP])).toBe(true);
    expect(await getApiKeyOrigins(engine.ctx.db, b.orgId, key.id)).toEqual([SHOP]);
    for (const wrong of ['tickets.example', 'https://tickets.example/shop', 'ftp://x.example']) {
      await expect(setApiKeyOrigins(engine.ctx.db, b.orgId, key.id, [wrong])).rejects.toThrow(
        wrong,
      );
    }
    expect(await getApiKeyOrigins(engine.ctx.db, b.orgId, key.id)).toEqual([SHOP]);
    // Another organisation's key is not found, not changed.
    expect(await setApiKeyOrigins(engine.ctx.db, a.orgId, key.id, [])).toBe(false);
    expect(await getApiKeyOrigins(engine.ctx.db, a.orgId, key.id)).toBeUndefined();
  });

  it('serves allowed origins and refuses others with 403 and no Access-Control-Allow-Origin', async () => {
    const call = await serve({});
    const shop = await createApiKey(engine.ctx.db, a.orgId, 'public', 'shop');
    await setApiKeyOrigins(engine.ctx.db, a.orgId, shop.id, [SHOP]);

    const preflight = await call('OPTIONS', `/api/v1/events/${a.eventId}/holds`, undefined, {
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type',
    );

    const allowed = await call('GET', availability(a), shop.key, { headers: { origin: SHOP } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(allowed.headers.get('vary')).toContain('Origin');

    const before = await heldCount(call, a);
    const refused = await holdOf(call, a, shop.key, 'R4-10', { origin: EVIL });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body.detail).toContain(EVIL);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await heldCount(call, a)).toBe(before);

    // Keys without a list (the seeded ones) and requests without Origin (servers) pass.
    const open = await call('GET', availability(a), a.publicKey, { headers: { origin: EVIL } });
    expect(open.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect((await call('GET', availability(a), shop.key)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends helmet headers on API answers and a CSP that admits the docs page script', async () => {
    const call = await serve({});
    const api = await call('GET', availability(a), a.publicKey);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(api.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const csp = api.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const docs = await call('GET', '/api/v1/docs');
    expect(docs.body).toContain('<script>');
    expect(docs.headers.get('content-security-policy')).toBe(csp);
  });
});
