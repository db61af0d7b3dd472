// `parterre user remove` against a running engine on real Postgres and Redis: the member's
// membership and sessions go, the door keys it made in that organisation are revoked in the same
// transaction and audited, and the engine, which had one of them cached, refuses it at once (the
// CLI publishes the revocation and the ended sessions; the test waits for the engine to hear
// both, never for a clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { findApiKeyByHash, hashApiKey } from '../../engine/src/auth/repo.ts';
import { listMemberships } from '../../engine/src/auth/user-repo.ts';
import type { User } from '../../engine/src/auth/users.ts';
import { startApi, type ApiHarness } from '../api/harness.ts';
import { loginHeaders, staffUser } from '../api/staff-support.ts';
import { databaseUrl } from '../support/services.ts';
import { expectCliError, runCliWith } from './run-cli.ts';

let api: ApiHarness;

/** Runs `parterre <args>` on the engine's database and Redis, as an operator on its server would. */
function parterre(...args: string[]) {
  const { config } = api.engine.ctx;
  return runCliWith(
    {
      DATABASE_URL: databaseUrl(),
      DATABASE_SCHEMA: config.DATABASE_SCHEMA,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
    },
    ...args,
  );
}

async function doorKeyBy(headers: Record<string, string> | undefined, key?: string) {
  const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/door-link`, {
    ...(headers ? { headers } : {}),
    ...(key ? { key } : {}),
  });
  expect(res.status).toBe(201);
  return res.body as { key: string; keyId: string };
}

const readEvent = (key: string) => api.call('GET', `/api/v1/events/${api.seeded.eventId}`, { key });

/** Resolves when the engine has dropped `keyId` on a revocation. */
function heard(keyId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = api.engine.ctx.auth.onRevoked((keyIds) => {
      if (!keyIds.includes(keyId)) return;
      stop();
      resolve();
    });
  });
}

beforeAll(async () => {
  api = await startApi();
  await api.engine.ctx.auth.hearsRevocations();
  await api.engine.ctx.auth.staff.listening();
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('parterre user remove', () => {
  let member: User;

  it('ends the membership and revokes the door keys the member made there, at once', async () => {
    const { orgId } = api.seeded;
    member = await staffUser(api, orgId, 'boxoffice');
    const session = await loginHeaders(api, member.email);
    const mine = await doorKeyBy(session);
    const mineToo = await doorKeyBy(session);
    const byKey = await doorKeyBy(undefined, api.seeded.secretKey);
    expect((await readEvent(mine.key)).status).toBe(200); // cached by the engine now

    const dropped = heard(mine.keyId);
    // The engine also hears that the member's sessions ended (so its live staff sockets drop).
    const sessionsEnded = new Promise<void>((resolve) => {
      const stop = api.engine.ctx.auth.staff.onSessionsChanged((userId) => {
        if (userId !== member.id) return;
        stop();
        resolve();
      });
    });
    const run = await parterre('user', 'remove', '--email', member.email, '--org', orgId);
    expect(run).toEqual({
      code: 0,
      stdout: `${member.email} is no longer a member of ${orgId}; revoked 2 door keys\n`,
      stderr: '',
    });
    await dropped;
    await sessionsEnded;

    expect((await readEvent(mine.key)).status).toBe(401);
    expect((await readEvent(mineToo.key)).status).toBe(401);
    expect((await readEvent(byKey.key)).status).toBe(200);
    expect(await findApiKeyByHash(api.engine.ctx.db, hashApiKey(mine.key))).toBeUndefined();
    expect(await listMemberships(api.engine.ctx.db, member.id)).toEqual([]);
    const me = await api.call('GET', '/api/v1/auth/me', { headers: session });
    expect(me.status).toBe(401);

    const audit = await listAudit(api.engine.ctx.db, orgId, { limit: 10 });
    const revokedIds = [mine.keyId, mineToo.keyId].sort();
    expect(audit.find((e) => e.action === 'membership.remove')).toMatchObject({
      actor: 'cli',
      target: `user:${member.id}`,
      details: { role: 'boxoffice', revokedDoorKeys: revokedIds },
    });
    const revokes = audit.filter((e) => e.action === 'key.revoke').map((e) => e.target);
    expect(revokes.sort()).toEqual(revokedIds);
  });

  it('refuses a user who is not a member, or no user, with one line and exit 1', async () => {
    const { orgId } = api.seeded;
    expectCliError(
      await parterre('user', 'remove', '--email', member.email, '--org', orgId),
      1,
      new RegExp(`is not a member of ${orgId}`),
    );
    expectCliError(
      await parterre('user', 'remove', '--email', 'nobody@staff.example', '--org', orgId),
      1,
      /no user with email nobody@staff\.example/,
    );
  });
});
