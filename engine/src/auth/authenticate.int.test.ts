import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropSchema, uniqueName } from '../../../test/support/services.ts';
import type { Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open.ts';
import { asSystem } from '../db/tenancy.ts';
import { createOrganisation } from '../orgs/repo.ts';
import { createAuthenticator } from './authenticate.ts';
import { createApiKey, hashApiKey, listApiKeys, revokeApiKey } from './repo.ts';

let db: Db;
let schema: string;
let orgId: string;

beforeAll(async () => {
  schema = uniqueName('auth');
  db = await openDb({ databaseUrl: databaseUrl(), schema });
  await migrate(db);
  orgId = (await createOrganisation(db, { name: 'Auth test' })).id;
});

afterAll(async () => {
  await db?.close();
  await dropSchema(schema);
});

describe('createApiKey', () => {
  it('returns the key once and stores only its hash and a display prefix', async () => {
    const created = await createApiKey(db, orgId, 'secret', 'backend');
    expect(created.key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 11));
    const { rows } = await asSystem(db, (tx) =>
      tx.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [created.id]),
    );
    expect(rows[0]).toMatchObject({
      kind: 'secret',
      name: 'backend',
      hash: hashApiKey(created.key),
    });
    expect(JSON.stringify(rows[0])).not.toContain(created.key);
    expect((await createApiKey(db, orgId, 'public', 'web')).key).toMatch(/^pk_/);
  });
});

describe('createAuthenticator', () => {
  it('resolves live keys to principals and anything else to null', async () => {
    const auth = createAuthenticator(db);
    const { id, key } = await createApiKey(db, orgId, 'public', 'storefront');
    expect(await auth.authenticate(key)).toEqual({ orgId, kind: 'public', keyId: id });
    expect(await auth.authenticate(`pk_${'x'.repeat(43)}`)).toBeNull();
    expect(await auth.authenticate('not-a-key')).toBeNull();
    expect(await auth.authenticate(`${key}x`)).toBeNull();
  });

  it('trusts a cached lookup for its TTL, so revocation takes effect after it', async () => {
    const cached = createAuthenticator(db, { ttlMs: 60_000 });
    const uncached = createAuthenticator(db, { ttlMs: 0 });
    const { id, key } = await createApiKey(db, orgId, 'secret', 'to revoke');
    expect(await cached.authenticate(key)).not.toBeNull();
    expect(await revokeApiKey(db, orgId, id)).toBe(true);
    expect(await revokeApiKey(db, orgId, id)).toBe(false);
    expect(await cached.authenticate(key)).not.toBeNull();
    expect(await uncached.authenticate(key)).toBeNull();
    cached.clear();
    expect(await cached.authenticate(key)).toBeNull();
  });

  it('writes last_used_at at most once per interval', async () => {
    const auth = createAuthenticator(db, { touchIntervalMs: 60_000 });
    const { id, key } = await createApiKey(db, orgId, 'secret', 'touched');
    const lastUsed = async () =>
      (await listApiKeys(db, orgId)).find((k) => k.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await auth.authenticate(key);
    await expect.poll(lastUsed).toBeInstanceOf(Date);
    const first = await lastUsed();
    await asSystem(db, (tx) =>
      tx.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, new Date(0)]),
    );
    await auth.authenticate(key);
    await new Promise((r) => setTimeout(r, 100));
    expect((await lastUsed())?.getTime()).toBe(0);
    expect(first).not.toBeNull();
  });

  it('does not remember a failed lookup as an unknown key', async () => {
    const { key } = await createApiKey(db, orgId, 'public', 'flaky');
    let failNext = true;
    // The real database, with one injected failure (an outage during the first lookup).
    const flaky: Db = {
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      transaction: (fn, opts) => {
        if (!failNext) return db.transaction(fn, opts);
        failNext = false;
        return Promise.reject(new Error('database down'));
      },
      close: () => db.close(),
    };
    const auth = createAuthenticator(flaky);
    await expect(auth.authenticate(key)).rejects.toThrow('database down');
    expect(await auth.authenticate(key)).not.toBeNull();
  });
});
