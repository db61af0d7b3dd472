// Staff sessions over HTTP on a real engine: login (cookie attributes, generic refusal, throttle),
// me, logout, password change (other sessions end), switching organisation, the cross-site
// check on cookie-authenticated changes, and tenancy (a session only reaches its active org).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership } from '../../engine/src/auth/users.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { uniqueName } from '../support/services.ts';
import { availability, expectProblem, startApi, type ApiHarness } from './harness.ts';
import { PASSWORD, cookieOf, loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const login = (body: unknown, headers: Record<string, string> = {}) =>
  api.call('POST', '/api/v1/auth/login', { body, headers });

describe('login', () => {
  it('sets an HTTP-only session cookie and answers the user and organisations', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
    const res = await login({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^parterre_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax;/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body).toMatchObject({
      user: { id: user.id, email: user.email, name: 'A boxoffice' },
      organisations: [{ orgId: api.seeded.orgId, role: 'boxoffice' }],
      activeOrg: { orgId: api.seeded.orgId, role: 'boxoffice' },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const https = await login(
      { email: user.email, password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    const wrong = expectProblem(
      await login({ email: user.email, password: 'not the password' }),
      401,
      'UNAUTHORIZED',
    );
    const unknown = expectProblem(
      await login({ email: 'nobody@staff.example', password: PASSWORD }),
      401,
      'UNAUTHORIZED',
    );
    expect(wrong.detail).toBe('Wrong email or password');
    expect(unknown.detail).toBe(wrong.detail);
  });

  it('refuses further attempts with 429 after five failures for one email and address', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    for (let i = 0; i < 5; i++) {
      expect((await login({ email: user.email, password: 'guess number ' + i })).status).toBe(401);
    }
    const locked = await login({ email: user.email, password: PASSWORD });
    expectProblem(locked, 429, 'RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses to open a session in an organisation the user does not belong to', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    const other = await createOrganisation(api.engine.ctx.db, { name: uniqueName('solo') });
    const res = await login({ email: user.email, password: PASSWORD, orgId: other.id });
    expect(expectProblem(res, 403, 'FORBIDDEN').detail).toMatch(/not a member/);
  });
});

describe('a session', () => {
  it('answers me, and after logout neither me nor the API', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'owner');
    const headers = await loginHeaders(api, user.email);
    const me = await api.call('GET', '/api/v1/auth/me', { headers });
    expect(me.body).toMatchObject({ user: { id: user.id }, activeOrg: { role: 'owner' } });
    const out = await api.call('POST', '/api/v1/auth/logout', { headers });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(
      /^parterre_session=; Path=\/; HttpOnly;.*Max-Age=0/,
    );
    expectProblem(await api.call('GET', '/api/v1/auth/me', { headers }), 401, 'UNAUTHORIZED');
    expectProblem(await api.call('GET', '/api/v1/events', { headers }), 401, 'UNAUTHORIZED');
  });

  it('is refused by the /auth routes when the caller uses a key', async () => {
    const res = await api.call('GET', '/api/v1/auth/me', { key: api.seeded.secretKey });
    expect(expectProblem(res, 403, 'FORBIDDEN').detail).toMatch(/staff session/);
  });

  it('changes the password only with the current one, ending the other sessions', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'designer');
    const mine = await loginHeaders(api, user.email);
    const elsewhere = await loginHeaders(api, user.email);
    const wrong = await api.call('POST', '/api/v1/auth/password', {
      headers: mine,
      body: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' },
    });
    expect(expectProblem(wrong, 403, 'FORBIDDEN').detail).toMatch(/current password/);
    const weak = await api.call('POST', '/api/v1/auth/password', {
      headers: mine,
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(expectProblem(weak, 400, 'VALIDATION_FAILED').detail).toMatch(/at least 10/);
    const changed = await api.call('POST', '/api/v1/auth/password', {
      headers: mine,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.body).toEqual({ endedSessions: 1 });
    expect((await api.call('GET', '/api/v1/auth/me', { headers: mine })).status).toBe(200);
    expectProblem(
      await api.call('GET', '/api/v1/auth/me', { headers: elsewhere }),
      401,
      'UNAUTHORIZED',
    );
    expect((await login({ email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await login({ email: user.email, password: 'a brand new passphrase' })).status).toBe(
      200,
    );
  });

  it('switches between its organisations and reaches only the active one', async () => {
    const second = await createOrganisation(api.engine.ctx.db, { name: uniqueName('second') });
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    await addMembership(api.engine.ctx.db, user.id, second.id, 'owner');
    const headers = await loginHeaders(api, user.email);
    const event = `/api/v1/events/${api.seeded.eventId}`;
    expect((await api.call('GET', event, { headers })).status).toBe(200);

    const switched = await api.call('POST', '/api/v1/auth/switch', {
      headers,
      body: { orgId: second.id },
    });
    expect(switched.body.activeOrg).toEqual({
      orgId: second.id,
      orgName: second.name,
      role: 'owner',
    });
    expect(switched.body.organisations).toHaveLength(2);
    // The first organisation's event is now as missing as an unknown id.
    expectProblem(await api.call('GET', event, { headers }), 404, 'NOT_FOUND');
    expect((await api.call('GET', '/api/v1/events', { headers })).body).toMatchObject({
      events: [],
    });

    const stranger = await createOrganisation(api.engine.ctx.db, { name: uniqueName('stranger') });
    const refused = await api.call('POST', '/api/v1/auth/switch', {
      headers,
      body: { orgId: stranger.id },
    });
    expectProblem(refused, 404, 'NOT_FOUND');
    expect((await api.call('GET', '/api/v1/auth/me', { headers })).body.activeOrg.orgId).toBe(
      second.id,
    );
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated change without the header or a same-origin Origin', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
    const { cookie } = await loginHeaders(api, user.email);
    const before = await availability(api);
    const hold = (headers: Record<string, string>) =>
      api.call('POST', `/api/v1/events/${api.seeded.eventId}/holds`, {
        headers: { cookie, ...headers },
        body: { seats: ['R2-1'] },
      });
    const bare = expectProblem(await hold({}), 403, 'FORBIDDEN');
    expect(bare.detail).toMatch(/X-Requested-With: parterre/);
    expectProblem(await hold({ origin: 'https://evil.example' }), 403, 'FORBIDDEN');
    expect(await availability(api)).toEqual(before);
    // Reads need no proof; our own pages send the header or their own origin.
    expect((await api.call('GET', '/api/v1/events', { headers: { cookie } })).status).toBe(200);
    const host = new URL(api.url).host;
    const sameOrigin = await hold({ origin: `http://${host}` });
    expect(sameOrigin.status).toBe(200);
    const withHeader = await api.call('POST', '/api/v1/auth/logout', {
      headers: { cookie, 'x-requested-with': 'parterre' },
    });
    expect(withHeader.status).toBe(200);
    expect(cookieOf(withHeader)).toBe('parterre_session=');
  });
});
