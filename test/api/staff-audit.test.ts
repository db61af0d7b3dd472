// The audit trail of staff sessions over HTTP on a real engine (Postgres, Redis): login, failed
// login, logout, password change and switching organisation each leave an entry in the right
// organisations, with the client address and never a password; a failed login of an unknown
// email goes to the installation's security log, which no organisation can read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, type AuditEntry } from '../../engine/src/audit/audit-log.ts';
import { listLoginFailures } from '../../engine/src/auth/session-audit.ts';
import { addMembership } from '../../engine/src/auth/users.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { uniqueName } from '../support/services.ts';
import { startApi, type ApiHarness } from './harness.ts';
import { PASSWORD, loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const WRONG = 'not the password at all';
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

/** The organisation's entries about one user, oldest first, as [action, actor]. */
async function trail(orgId: string, userId: string): Promise<AuditEntry[]> {
  const entries = await listAudit(api.engine.ctx.db, orgId, { limit: 500 });
  return entries.filter((e) => e.target === `user:${userId}`).reverse();
}

const actionsOf = (entries: AuditEntry[]) => entries.map((e) => [e.action, e.actor]);

/** A user who is a member of the seeded organisation and a second one. */
async function twoOrgUser() {
  const second = await createOrganisation(api.engine.ctx.db, { name: uniqueName('second') });
  const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
  await addMembership(api.engine.ctx.db, user.id, second.id, 'viewer');
  return { user, first: api.seeded.orgId, second: second.id };
}

describe('staff session audit', () => {
  it('records login, logout and failed logins of a member in its organisations', async () => {
    const { user, first, second } = await twoOrgUser();
    const failed = await api.call('POST', '/api/v1/auth/login', {
      body: { email: user.email.toUpperCase(), password: WRONG },
    });
    expect(failed.status).toBe(401);
    const headers = await loginHeaders(api, user.email);
    expect((await api.call('POST', '/api/v1/auth/logout', { headers })).status).toBe(200);
    // Logging out an ended session ends nothing and records nothing.
    expect((await api.call('POST', '/api/v1/auth/logout', { headers })).status).toBe(401);

    const staff = `staff:${user.id}`;
    const inFirst = await trail(first, user.id);
    expect(actionsOf(inFirst)).toEqual([
      ['auth.login_failed', 'anonymous'],
      ['auth.login', staff],
      ['auth.logout', staff],
    ]);
    expect(inFirst[0]!.details).toEqual({
      email: user.email,
      address: expect.stringMatching(LOOPBACK),
    });
    for (const e of inFirst.slice(1)) {
      expect(e.details).toEqual({ address: expect.stringMatching(LOOPBACK) });
    }
    // The session acted for the first organisation; the second sees only the failed attempt.
    expect(actionsOf(await trail(second, user.id))).toEqual([['auth.login_failed', 'anonymous']]);
    const everything = JSON.stringify([
      ...(await listAudit(api.engine.ctx.db, first, { limit: 500 })),
      ...(await listLoginFailures(api.engine.ctx.db)),
    ]);
    expect(everything).not.toContain(WRONG);
    expect(everything).not.toContain(PASSWORD);
  });

  it('keeps failed logins of an unknown email in the security log, not in any organisation', async () => {
    const email = `${uniqueName('nobody')}@staff.example`;
    const before = (await listAudit(api.engine.ctx.db, api.seeded.orgId, { limit: 500 })).length;
    const res = await api.call('POST', '/api/v1/auth/login', {
      body: { email: `  ${email.toUpperCase()} `, password: WRONG },
    });
    expect(res.status).toBe(401);
    const [last] = await listLoginFailures(api.engine.ctx.db, { limit: 1 });
    expect(last).toMatchObject({ email, userId: null, address: expect.stringMatching(LOOPBACK) });
    expect(JSON.stringify(last)).not.toContain(WRONG);
    const after = await listAudit(api.engine.ctx.db, api.seeded.orgId, { limit: 500 });
    expect(after.length).toBe(before);

    // Row-level security: no organisation's transaction sees (or writes) the security log.
    const seen = await api.engine.ctx.db.transaction(
      (tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures'),
      { orgId: api.seeded.orgId },
    );
    expect(seen.rows[0]!.n).toBe(0);
    await expect(
      api.engine.ctx.db.transaction(
        (tx) =>
          tx.query(`INSERT INTO login_failures (email, address) VALUES ('x@y.example', '1.2.3.4')`),
        { orgId: api.seeded.orgId },
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('records a password change in every organisation of the user', async () => {
    const { user, first, second } = await twoOrgUser();
    const headers = await loginHeaders(api, user.email);
    const changed = await api.call('POST', '/api/v1/auth/password', {
      headers,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.status).toBe(200);
    const staff = `staff:${user.id}`;
    expect(actionsOf(await trail(first, user.id))).toEqual([
      ['auth.login', staff],
      ['auth.password_change', staff],
    ]);
    const inSecond = await trail(second, user.id);
    expect(actionsOf(inSecond)).toEqual([['auth.password_change', staff]]);
    expect(JSON.stringify(inSecond)).not.toContain('brand new');
  });

  it('records a switch in the organisation left and the one entered, naming neither', async () => {
    const { user, first, second } = await twoOrgUser();
    const headers = await loginHeaders(api, user.email);
    const res = await api.call('POST', '/api/v1/auth/switch', { headers, body: { orgId: second } });
    expect(res.status).toBe(200);
    const staff = `staff:${user.id}`;
    const inFirst = await trail(first, user.id);
    const inSecond = await trail(second, user.id);
    expect(actionsOf(inFirst)).toEqual([
      ['auth.login', staff],
      ['auth.switch_out', staff],
    ]);
    expect(actionsOf(inSecond)).toEqual([['auth.switch_in', staff]]);
    expect(JSON.stringify(inFirst)).not.toContain(second);
    expect(JSON.stringify(inSecond)).not.toContain(first);
    // Each organisation's log lists only its own rows.
    expect(inSecond.every((e) => e.orgId === second)).toBe(true);
    expect(inFirst.every((e) => e.orgId === first)).toBe(true);
  });
});
