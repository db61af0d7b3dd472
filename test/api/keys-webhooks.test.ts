// Key management and webhook endpoints over the REST API on a real engine: owners (sessions) and
// secret keys create, list and revoke keys and manage endpoints; the key and the signing secret are
// shown once; every change is audited; other roles and public keys are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../engine/src/auth/repo.ts';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';
import { loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
let owner: Record<string, string>;
let boxoffice: Record<string, string>;

beforeAll(async () => {
  api = await startApi();
  owner = await loginHeaders(api, (await staffUser(api, api.seeded.orgId, 'owner')).email);
  boxoffice = await loginHeaders(api, (await staffUser(api, api.seeded.orgId, 'boxoffice')).email);
});
afterAll(async () => {
  await api?.close();
});

const audit = () => listAudit(api.engine.ctx.db, api.seeded.orgId);
const availabilityWith = (key: string, origin?: string) =>
  api.call('GET', `/api/v1/events/${api.seeded.eventId}/availability`, {
    key,
    ...(origin ? { headers: { origin } } : {}),
  });

describe('API keys', () => {
  it('creates a key shown once and stored hashed, lists it by name, revokes it', async () => {
    const created = await api.call('POST', '/api/v1/keys', {
      headers: owner,
      body: { kind: 'public', name: 'storefront', allowedOrigins: ['https://tickets.example'] },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    expect(key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      kind: 'public',
      name: 'storefront',
      prefix: key.slice(0, 11),
      allowedOrigins: ['https://tickets.example'],
      lastUsedAt: null,
      revokedAt: null,
    });
    const stored = await asSystem(api.engine.ctx.db, (tx) =>
      tx.query<{ hash: string }>('SELECT hash FROM api_keys WHERE id = $1', [id]),
    );
    expect(stored.rows).toEqual([{ hash: hashApiKey(key) }]);

    // It works, from its origin only.
    expect((await availabilityWith(key, 'https://tickets.example')).status).toBe(200);
    expectProblem(await availabilityWith(key, 'https://evil.example'), 403, 'FORBIDDEN');

    const listed = await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey });
    expect(listed.status).toBe(200);
    const entry = (listed.body.keys as Record<string, unknown>[]).find((k) => k.id === id);
    expect(entry).toMatchObject({ name: 'storefront', kind: 'public' });
    expect(entry).not.toHaveProperty('key');
    expect(entry).not.toHaveProperty('hash');
    expect(typeof entry?.lastUsedAt).toBe('string');
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await api.call('DELETE', `/api/v1/keys/${id}`, { headers: owner });
    expect(revoked.body).toEqual({ id, revoked: true });
    expectProblem(await availabilityWith(key), 401, 'UNAUTHORIZED');
    expectProblem(
      await api.call('DELETE', `/api/v1/keys/${id}`, { headers: owner }),
      404,
      'NOT_FOUND',
    );

    const entries = (await audit()).filter((e) => e.target === id);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['key.revoke', expect.stringMatching(/^staff:usr_/)],
      ['key.create', expect.stringMatching(/^staff:usr_/)],
    ]);
    expect(entries[1]!.details).toEqual({
      kind: 'public',
      name: 'storefront',
      allowedOrigins: ['https://tickets.example'],
    });
  });

  it('lets a secret key create a secret key', async () => {
    const created = await api.call('POST', '/api/v1/keys', {
      key: api.seeded.secretKey,
      body: { kind: 'secret', name: 'back office' },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sk_/);
    const report = await api.call('GET', `/api/v1/events/${api.seeded.eventId}/report`, {
      key: created.body.key,
    });
    expect(report.status).toBe(200);
  });

  it('refuses public keys, roles other than owner and bad origins, changing nothing', async () => {
    const count = async () =>
      (await api.call('GET', '/api/v1/keys', { headers: owner })).body.keys.length as number;
    const before = await count();
    const body = { kind: 'secret', name: 'sneaky' };
    expectProblem(
      await api.call('POST', '/api/v1/keys', { key: api.seeded.publicKey, body }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api.call('POST', '/api/v1/keys', { headers: boxoffice, body }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api.call('GET', '/api/v1/keys', { headers: boxoffice }), 403, 'FORBIDDEN');
    const bad = await api.call('POST', '/api/v1/keys', {
      headers: owner,
      body: { kind: 'public', name: 'x', allowedOrigins: ['https://ok.example', 'ftp://no'] },
    });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').detail).toContain('ftp://no');
    // A cookie request without the cross-site proof (a forged form post) is refused too.
    const forged = await api.call('POST', '/api/v1/keys', {
      headers: { cookie: owner.cookie! },
      body,
    });
    expectProblem(forged, 403, 'FORBIDDEN');
    expect(await count()).toBe(before);
  });
});

describe('webhook endpoints', () => {
  it('creates with the secret shown once, lists, changes and deletes, auditing each', async () => {
    const created = await api.call('POST', '/api/v1/webhooks/endpoints', {
      headers: owner,
      body: { url: 'https://shop.example/hooks', events: ['booking.created'] },
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body as { endpoint: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({
      url: 'https://shop.example/hooks',
      events: ['booking.created'],
      active: true,
    });

    const listed = await api.call('GET', '/api/v1/webhooks/endpoints', {
      key: api.seeded.secretKey,
    });
    expect(listed.body.endpoints).toContainEqual(expect.objectContaining({ id: endpoint.id }));
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const patched = await api.call('PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, {
      key: api.seeded.secretKey,
      body: { active: false, events: [] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: endpoint.id, active: false, events: [] });

    const deleted = await api.call('DELETE', `/api/v1/webhooks/endpoints/${endpoint.id}`, {
      headers: owner,
    });
    expect(deleted.body).toEqual({ id: endpoint.id, deleted: true });
    for (const method of ['PATCH', 'DELETE']) {
      const again = await api.call(method, `/api/v1/webhooks/endpoints/${endpoint.id}`, {
        headers: owner,
        ...(method === 'PATCH' ? { body: { active: true } } : {}),
      });
      expectProblem(again, 404, 'NOT_FOUND');
    }
    const actions = (await audit()).filter((e) => e.target === endpoint.id).map((e) => e.action);
    expect(actions).toEqual([
      'webhook_endpoint.delete',
      'webhook_endpoint.update',
      'webhook_endpoint.create',
    ]);
  });

  it('refuses bad URLs, unknown event types and empty changes by name', async () => {
    const bad = [
      { url: 'ftp://shop.example/hooks' },
      { url: 'https://shop.example/hooks', events: ['seat.teleported'] },
    ];
    for (const body of bad) {
      const res = await api.call('POST', '/api/v1/webhooks/endpoints', { headers: owner, body });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    }
    const made = await api.call('POST', '/api/v1/webhooks/endpoints', {
      key: api.seeded.secretKey,
      body: { url: 'https://shop.example/other' },
    });
    const empty = await api.call('PATCH', `/api/v1/webhooks/endpoints/${made.body.endpoint.id}`, {
      key: api.seeded.secretKey,
      body: {},
    });
    expect(expectProblem(empty, 400, 'VALIDATION_FAILED').detail).toContain('url, events, active');
  });

  it('shows the delivery log to every member and secret key, not to public keys', async () => {
    for (const opts of [{ headers: boxoffice }, { key: api.seeded.secretKey }]) {
      const res = await api.call('GET', '/api/v1/webhooks/deliveries?limit=5', opts);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.deliveries)).toBe(true);
    }
    expectProblem(
      await api.call('GET', '/api/v1/webhooks/deliveries', { key: api.seeded.publicKey }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api.call('GET', '/api/v1/webhooks/deliveries?limit=0', { key: api.seeded.secretKey }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await api.call('POST', '/api/v1/webhooks/endpoints', {
        headers: boxoffice,
        body: { url: 'https://shop.example/hooks' },
      }),
      403,
      'FORBIDDEN',
    );
  });
});
