// Cross-cutting behaviour of the REST API: health, request ids, authentication, the secret/public
// split, problem+json for every kind of error, and tenancy (another organisation's id is 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, listApiKeys, revokeApiKey } from '../../engine/src/auth/repo.ts';
import { availability, expectProblem, startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

describe('health', () => {
  it('answers liveness and readiness with each dependency checked', async () => {
    expect((await api.call('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await api.call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', store: 'ok' } });
  });

  it('echoes a safe x-request-id and makes one up otherwise', async () => {
    const given = await api.call('GET', '/healthz', { headers: { 'x-request-id': 'req-42' } });
    expect(given.headers.get('x-request-id')).toBe('req-42');
    const unsafe = await api.call('GET', '/healthz', { headers: { 'x-request-id': 'a b\tc' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('authentication', () => {
  const path = () => `/api/v1/events/${api.seeded.eventId}/availability`;

  it('refuses a missing key, a malformed header and an unknown key with 401', async () => {
    const missing = expectProblem(await api.call('GET', path()), 401, 'UNAUTHORIZED');
    expect(missing.detail).toMatch(/Authorization: Bearer/);
    const basic = await api.call('GET', path(), { headers: { authorization: 'Basic abc' } });
    expect(expectProblem(basic, 401, 'UNAUTHORIZED').detail).toMatch(/Bearer <key>/);
    const unknown = await api.call('GET', path(), { key: `sk_${'A'.repeat(43)}` });
    expect(expectProblem(unknown, 401, 'UNAUTHORIZED').detail).toMatch(/Invalid or revoked/);
  });

  it('refuses public keys on secret-only routes with 403 and changes nothing', async () => {
    const before = await availability(api);
    const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/book`, {
      key: api.seeded.publicKey,
      body: { seats: ['R1-1'] },
    });
    expect(expectProblem(res, 403, 'FORBIDDEN').detail).toMatch(/secret key/);
    for (const [method, path] of [
      ['POST', `/api/v1/events/${api.seeded.eventId}/block`],
      ['GET', `/api/v1/events/${api.seeded.eventId}/report`],
      ['GET', `/api/v1/seatmaps/${api.seeded.seatmapId}`],
      ['POST', '/api/v1/events'],
    ] as const) {
      const body = method === 'POST' ? {} : undefined;
      expectProblem(
        await api.call(method, path, { key: api.seeded.publicKey, body }),
        403,
        'FORBIDDEN',
      );
    }
    expect(await availability(api)).toEqual(before);
  });

  it('records key use and stops accepting a revoked key once the cache is cleared', async () => {
    const keys = await listApiKeys(api.engine.ctx.db, api.seeded.orgId);
    const pub = keys.find((k) => k.id === api.seeded.pub.keyId);
    expect(pub?.lastUsedAt).toBeInstanceOf(Date);
    expect(pub?.prefix).toBe(api.seeded.publicKey.slice(0, 11));
    const temp = await createApiKey(api.engine.ctx.db, api.seeded.orgId, 'public', 'temp');
    expect((await api.call('GET', path(), { key: temp.key })).status).toBe(200);
    expect(await revokeApiKey(api.engine.ctx.db, api.seeded.orgId, temp.id)).toBe(true);
    api.engine.ctx.auth.clear();
    expectProblem(await api.call('GET', path(), { key: temp.key }), 401, 'UNAUTHORIZED');
  });
});

describe('problem+json', () => {
  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const res = await api.call('GET', '/api/v1/nope', { key: api.seeded.secretKey });
    expect(expectProblem(res, 404, 'NOT_FOUND').detail).toBe('No route for GET /api/v1/nope');
  });

  it('answers malformed JSON with 400 and a clear detail, changing nothing', async () => {
    const before = await availability(api);
    const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/holds`, {
      key: api.seeded.publicKey,
      raw: '{"seats": ["R1-1",',
    });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toMatch(/not valid JSON/);
    expect(await availability(api)).toEqual(before);
  });

  it('refuses bodies over the 2 MB limit', async () => {
    const res = await api.call('POST', '/api/v1/seatmaps', {
      key: api.seeded.secretKey,
      body: { name: 'Huge', document: { padding: 'x'.repeat(2.5 * 1024 * 1024) } },
    });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toMatch(/too large/);
  });

  it('asks for a JSON body when none was sent', async () => {
    const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/holds`, {
      key: api.seeded.publicKey,
      raw: 'seats=R1-1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toMatch(
      /Content-Type: application\/json/,
    );
  });

  it('lists every offending field of an invalid body', async () => {
    const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/holds`, {
      key: api.seeded.publicKey,
      body: { seats: ['R1-1', 7], ga: [{ areaId: 'floor', quantity: 0 }], colour: 'red' },
    });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(problem.fields ?? {}).sort()).toEqual([
      '(body)',
      'ga[0].quantity',
      'seats[1]',
    ]);
    expect(problem.fields?.['(body)']).toMatch(/colour/);
    expect(problem.detail).toMatch(/seats\[1\]: .*string/);
  });

  it('names a bad query parameter with its location', async () => {
    const res = await api.call(
      'GET',
      `/api/v1/events/${api.seeded.eventId}/availability?format=xml`,
      {
        key: api.seeded.publicKey,
      },
    );
    expect(Object.keys(expectProblem(res, 400, 'VALIDATION_FAILED').fields ?? {})).toEqual([
      'query.format',
    ]);
  });
});

describe('tenancy', () => {
  it('answers another organisation’s ids exactly like missing ones', async () => {
    const { eventId, seatmapId } = api.seeded;
    const other = api.otherSecretKey;
    const pairs: [string, string][] = [
      [`/api/v1/events/${eventId}`, '/api/v1/events/ev_missing'],
      [`/api/v1/events/${eventId}/layout`, '/api/v1/events/ev_missing/layout'],
      [`/api/v1/events/${eventId}/availability`, '/api/v1/events/ev_missing/availability'],
      [`/api/v1/seatmaps/${seatmapId}`, '/api/v1/seatmaps/sm_missing'],
      [`/api/v1/events/${eventId}/report`, '/api/v1/events/ev_missing/report'],
    ];
    for (const [theirs, missing] of pairs) {
      const a = expectProblem(await api.call('GET', theirs, { key: other }), 404, 'NOT_FOUND');
      const b = expectProblem(await api.call('GET', missing, { key: other }), 404, 'NOT_FOUND');
      expect(a.detail.replace(/(ev|sm)_\w+/, 'ID')).toBe(b.detail.replace(/(ev|sm)_\w+/, 'ID'));
    }
  });

  it('refuses to hold, book or block another organisation’s seats, changing nothing', async () => {
    const before = await availability(api);
    const base = `/api/v1/events/${api.seeded.eventId}`;
    const bodies: Record<string, object> = {
      '/holds': { seats: ['R1-1'] },
      '/book': { seats: ['R1-1'] },
      '/block': { seats: ['R1-1'], reason: 'house seats' },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const res = await api.call('POST', base + path, { key: api.otherSecretKey, body });
      expectProblem(res, 404, 'NOT_FOUND');
    }
    expect(await availability(api)).toEqual(before);
  });

  it('keeps hold tokens and event lists inside their organisation', async () => {
    const held = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/holds`, {
      key: api.seeded.publicKey,
      body: { seats: ['R4-10'] },
    });
    const token = held.body.holdToken as string;
    const other = api.otherSecretKey;
    expectProblem(
      await api.call('GET', `/api/v1/hold-tokens/${token}`, { key: other }),
      404,
      'NOT_FOUND',
    );
    const extend = await api.call('POST', `/api/v1/hold-tokens/${token}/extend`, {
      key: other,
      body: { seconds: 60 },
    });
    expectProblem(extend, 404, 'NOT_FOUND');
    const release = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/release`, {
      key: other,
      body: { holdToken: token },
    });
    expectProblem(release, 404, 'NOT_FOUND');
    expect((await availability(api)).seats['R4-10']).toBe('held');
    expect((await api.call('GET', '/api/v1/events', { key: other })).body).toEqual({ events: [] });
  });
});
