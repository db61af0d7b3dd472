// Staff management over HTTP on a real engine (Postgres, Redis): owners and secret keys list,
// add, re-role and remove members of their own organisation only; removal ends the member's
// access at once (sessions and the door keys it made), the last owner is never demoted or removed,
// bad input is refused naming the field and changes nothing, and every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { createUser, type User } from '../../engine/src/auth/users.ts';
import type { StaffRole } from '../../engine/src/auth/roles.ts';
import { uniqueName } from '../support/services.ts';
import { expectProblem, startApi, type ApiHarness, type CallOptions } from './harness.ts';
import { loginHeaders, PASSWORD, staffUser } from './staff-support.ts';

type Headers = Awaited<ReturnType<typeof loginHeaders>>;

let api: ApiHarness;
let owner: User;
let ownerSession: Headers;

beforeAll(async () => {
  api = await startApi();
  owner = await staffUser(api, api.seeded.orgId, 'owner');
  ownerSession = await loginHeaders(api, owner.email);
});
afterAll(async () => {
  await api?.close();
});

const asOwner = (opts: CallOptions = {}): CallOptions => ({
  ...opts,
  headers: { ...ownerSession, ...opts.headers },
});
const asSecret = (opts: CallOptions = {}): CallOptions => ({ ...opts, key: api.seeded.secretKey });

/** A user that belongs to no organisation yet (as `parterre user create` leaves one, minus the org). */
const loneUser = () =>
  createUser(api.engine.ctx.db, {
    email: `${uniqueName('lone')}@staff.example`,
    name: uniqueName('Lone'),
    password: PASSWORD,
  });

const members = async () => {
  const res = await api.call('GET', '/api/v1/members', asSecret());
  expect(res.status).toBe(200);
  return res.body.members as { userId: string; email: string; role: StaffRole }[];
};
const roleOf = async (userId: string) => (await members()).find((m) => m.userId === userId)?.role;

describe('listing', () => {
  it("lists the organisation's members, and never another organisation's", async () => {
    const other = await api.call('GET', '/api/v1/members', { key: api.otherSecretKey });
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(owner.email);
    const res = await api.call('GET', '/api/v1/members', asOwner());
    expect(res.status).toBe(200);
    expect(res.body.members).toContainEqual({
      userId: owner.id,
      email: owner.email,
      name: owner.name,
      role: 'owner',
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('refuses every role but the owner, and public keys', async () => {
    for (const role of ['designer', 'boxoffice', 'viewer'] as const) {
      const user = await staffUser(api, api.seeded.orgId, role);
      const headers = await loginHeaders(api, user.email);
      expectProblem(await api.call('GET', '/api/v1/members', { headers }), 403, 'FORBIDDEN');
      const add = await api.call('POST', '/api/v1/members', {
        headers,
        body: { email: user.email, role: 'owner' },
      });
      expectProblem(add, 403, 'FORBIDDEN');
      expect(await roleOf(user.id)).toBe(role);
    }
    const pub = await api.call('GET', '/api/v1/members', { key: api.seeded.publicKey });
    expectProblem(pub, 403, 'FORBIDDEN');
  });
});

describe('adding', () => {
  it('adds an existing user by email with a role, audited with the actor', async () => {
    const user = await loneUser();
    const res = await api.call(
      'POST',
      '/api/v1/members',
      asOwner({ body: { email: `  ${user.email.toUpperCase()} `, role: 'boxoffice' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: user.id, email: user.email, role: 'boxoffice' });
    expect(await roleOf(user.id)).toBe('boxoffice');
    const audit = await listAudit(api.engine.ctx.db, api.seeded.orgId);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: `staff:${owner.id}`,
        action: 'membership.add',
        target: `user:${user.id}`,
        details: { role: 'boxoffice' },
      }),
    );
    // The new member can log in to the organisation.
    await loginHeaders(api, user.email);
  });

  it('answers 404 naming an unknown email and the CLI, 409 for a member already', async () => {
    const missing = await api.call(
      'POST',
      '/api/v1/members',
      asSecret({ body: { email: 'nobody-here@staff.example', role: 'viewer' } }),
    );
    expect(expectProblem(missing, 404, 'NOT_FOUND').detail).toMatch(
      /nobody-here@staff\.example.*parterre user create/,
    );
    const again = await api.call(
      'POST',
      '/api/v1/members',
      asSecret({ body: { email: owner.email, role: 'viewer' } }),
    );
    expect(expectProblem(again, 409, 'ALREADY_MEMBER').detail).toContain('owner');
    expect(await roleOf(owner.id)).toBe('owner');
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const user = await loneUser();
    const before = await members();
    const cases: [unknown, string][] = [
      [{ email: user.email, role: 'admin' }, 'role'],
      [{ email: 'not-an-email', role: 'viewer' }, 'email'],
      [{ role: 'viewer' }, 'email'],
      [{ email: user.email, role: 'viewer', extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await api.call('POST', '/api/v1/members', asOwner({ body }));
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      if (field) expect(Object.keys(problem.fields ?? {})).toContain(field);
    }
    const patch = await api.call(
      'PATCH',
      `/api/v1/members/${owner.id}`,
      asOwner({ body: { role: 'chief' } }),
    );
    expect(Object.keys(expectProblem(patch, 400, 'VALIDATION_FAILED').fields ?? {})).toContain(
      'role',
    );
    expect(await members()).toEqual(before);
  });
});

describe('changing roles', () => {
  it("changes a member's role, audited", async () => {
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    const res = await api.call(
      'PATCH',
      `/api/v1/members/${user.id}`,
      asSecret({ body: { role: 'designer' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: user.id, role: 'designer' });
    expect(await roleOf(user.id)).toBe('designer');
    const audit = await listAudit(api.engine.ctx.db, api.seeded.orgId);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: `secret:${api.seeded.secret.keyId}`,
        action: 'membership.role',
        target: `user:${user.id}`,
        details: { from: 'viewer', to: 'designer' },
      }),
    );
  });

  it("answers another organisation's users and unknown ids with 404", async () => {
    const user = await loneUser();
    for (const id of [user.id, 'no-such-user']) {
      const patch = await api.call(
        'PATCH',
        `/api/v1/members/${id}`,
        asOwner({ body: { role: 'viewer' } }),
      );
      expectProblem(patch, 404, 'NOT_FOUND');
      expectProblem(await api.call('DELETE', `/api/v1/members/${id}`, asOwner()), 404, 'NOT_FOUND');
    }
    // And the other organisation's key cannot touch this one's owner.
    const theirs = await api.call('DELETE', `/api/v1/members/${owner.id}`, {
      key: api.otherSecretKey,
    });
    expectProblem(theirs, 404, 'NOT_FOUND');
    expect(await roleOf(owner.id)).toBe('owner');
  });
});

describe('the last owner', () => {
  it('is never demoted or removed; with a second owner, an owner may leave', async () => {
    // A fresh organisation view: this file's owner plus whoever the earlier tests made owner.
    const owners = (await members()).filter((m) => m.role === 'owner');
    for (const extra of owners.filter((m) => m.userId !== owner.id)) {
      await api.call(
        'PATCH',
        `/api/v1/members/${extra.userId}`,
        asSecret({ body: { role: 'viewer' } }),
      );
    }
    const before = await members();
    const demote = await api.call(
      'PATCH',
      `/api/v1/members/${owner.id}`,
      asOwner({ body: { role: 'viewer' } }),
    );
    expect(expectProblem(demote, 409, 'LAST_OWNER').detail).toMatch(/last owner/);
    const remove = await api.call('DELETE', `/api/v1/members/${owner.id}`, asSecret());
    expect(expectProblem(remove, 409, 'LAST_OWNER').detail).toMatch(/last owner/);
    expect(await members()).toEqual(before);
    // Its session still works: nothing changed.
    expect((await api.call('GET', '/api/v1/members', asOwner())).status).toBe(200);

    const second = await staffUser(api, api.seeded.orgId, 'owner');
    const secondSession = await loginHeaders(api, second.email);
    const leave = await api.call('DELETE', `/api/v1/members/${second.id}`, {
      headers: secondSession,
    });
    expect(leave.status).toBe(200);
    expect(await roleOf(second.id)).toBeUndefined();
    expectProblem(
      await api.call('GET', '/api/v1/members', { headers: secondSession }),
      401,
      'UNAUTHORIZED',
    );
  });
});

describe('two owners demoting each other at once', () => {
  it('lets exactly one through: the organisation keeps an owner', async () => {
    const org = await api.call(
      'POST',
      '/api/v1/members',
      asSecret({ body: { email: (await loneUser()).email, role: 'owner' } }),
    );
    expect(org.status).toBe(201);
    const current = (await members()).filter((m) => m.role === 'owner');
    const answers = await Promise.all(
      current.map((m) =>
        api.call('PATCH', `/api/v1/members/${m.userId}`, asSecret({ body: { role: 'viewer' } })),
      ),
    );
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body.code).toBe('LAST_OWNER');
    const left = (await members()).filter((m) => m.role === 'owner');
    expect(left).toHaveLength(1);
    // Give the file's owner its role back for the tests after this one.
    if (left[0]!.userId !== owner.id) {
      const back = await api.call(
        'PATCH',
        `/api/v1/members/${owner.id}`,
        asSecret({ body: { role: 'owner' } }),
      );
      expect(back.status).toBe(200);
    }
  });
});

describe('removing', () => {
  it("ends the member's session at once and revokes the door keys it made, audited", async () => {
    const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
    const session = await loginHeaders(api, user.email);
    const { eventId } = api.seeded;
    const link = await api.call('POST', `/api/v1/events/${eventId}/door-link`, {
      headers: session,
    });
    expect(link.status).toBe(201);
    const doorKey = link.body.key as string;
    // Cached on this node: the revocation must drop it, not the cache's TTL.
    expect((await api.call('GET', `/api/v1/events/${eventId}`, { key: doorKey })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/events/${eventId}`, { headers: session })).status).toBe(
      200,
    );

    const heard: string[] = [];
    const stop = api.engine.ctx.auth.staff.onSessionsChanged((id) => heard.push(id));
    const res = await api.call('DELETE', `/api/v1/members/${user.id}`, asOwner());
    stop();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: user.id,
      removed: true,
      revokedDoorKeys: [link.body.keyId],
    });
    expect(heard).toContain(user.id);

    expectProblem(
      await api.call('GET', `/api/v1/events/${eventId}`, { headers: session }),
      401,
      'UNAUTHORIZED',
    );
    expectProblem(
      await api.call('GET', `/api/v1/events/${eventId}`, { key: doorKey }),
      401,
      'UNAUTHORIZED',
    );
    expect(await roleOf(user.id)).toBeUndefined();
    const audit = await listAudit(api.engine.ctx.db, api.seeded.orgId);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: `staff:${owner.id}`,
        action: 'membership.remove',
        target: `user:${user.id}`,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'key.revoke', target: link.body.keyId }),
    );
    // Removing again: no longer a member.
    expectProblem(
      await api.call('DELETE', `/api/v1/members/${user.id}`, asOwner()),
      404,
      'NOT_FOUND',
    );
  });
});
