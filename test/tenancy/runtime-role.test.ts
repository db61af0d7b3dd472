// How openDb copes with the connecting users real installations have: a superuser (tests, most
// self-hosted setups) switches to parterre_runtime; a user that may grant itself the role does so;
// a plain user that row-level security already applies to runs as itself; a BYPASSRLS user that
// cannot switch is refused at startup with what to grant.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_ROLE, RuntimeRoleError } from '../../engine/src/db/runtime-role.ts';
import { migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { createOrganisation, getOrganisation } from '../../engine/src/orgs/repo.ts';
import { databaseUrl, uniqueName } from '../support/services.ts';

let admin: pg.Client;
const roles: string[] = [];

/** A login role with `attributes` that may create schemas in this run's database. */
async function loginRole(attributes: string): Promise<{ user: string; url: string }> {
  const user = uniqueName('u');
  const url = new URL(databaseUrl());
  await admin.query(`CREATE ROLE ${user} LOGIN ${attributes}`);
  roles.push(user);
  await admin.query(`GRANT CREATE ON DATABASE ${url.pathname.slice(1)} TO ${user}`);
  url.username = user;
  return { user, url: url.toString() };
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  // The runtime role exists once any engine has started on this cluster; make sure of it here.
  const schema = uniqueName('boot');
  const db = await openDb({ databaseUrl: databaseUrl(), schema });
  await db.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
});

afterAll(async () => {
  for (const role of roles) {
    // Removes the schemas the role created, its grants and default privileges, then the role.
    await admin.query(`DROP OWNED BY ${role} CASCADE`);
    await admin.query(`DROP ROLE ${role}`);
  }
  await admin.end();
});

describe('the connecting user', () => {
  it('prepares the public schema when no schema is configured (a database of its own)', async () => {
    const name = uniqueName('pub');
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl());
    url.pathname = `/${name}`;
    try {
      const db = await openDb({ databaseUrl: url.toString() });
      try {
        await migrate(db);
        const org = await createOrganisation(db, { name: 'Public house' });
        expect(await getOrganisation(db, org.id)).toEqual(org);
        expect((await db.query('SELECT current_user AS "user"')).rows).toEqual([
          { user: RUNTIME_ROLE },
        ]);
      } finally {
        await db.close();
      }
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it('switches to the runtime role after granting it to itself when it may (CREATEROLE)', async () => {
    const { url } = await loginRole('CREATEROLE');
    const db = await openDb({ databaseUrl: url, schema: uniqueName('cr') });
    try {
      await migrate(db);
      const { rows } = await db.query('SELECT current_user AS "user"');
      expect(rows).toEqual([{ user: RUNTIME_ROLE }]);
    } finally {
      await db.close();
    }
  });

  it('runs as itself when it is a plain user, and row-level security still applies', async () => {
    const { user, url } = await loginRole('NOCREATEROLE NOBYPASSRLS');
    const db = await openDb({ databaseUrl: url, schema: uniqueName('plain') });
    try {
      await migrate(db);
      expect((await db.query('SELECT current_user AS "user"')).rows).toEqual([{ user }]);
      const org = await createOrganisation(db, { name: 'Plain house' });
      expect(await getOrganisation(db, org.id)).toEqual(org);
      // It owns the tables (it ran the migrations); FORCE makes the policies apply to it anyway.
      const unscoped = await db.query('SELECT count(*)::int AS n FROM organisations');
      expect(unscoped.rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('is refused at startup when it bypasses RLS and cannot switch, naming what to grant', async () => {
    const { user, url } = await loginRole('BYPASSRLS NOCREATEROLE');
    const opening = openDb({ databaseUrl: url, schema: uniqueName('bypass') });
    await expect(opening).rejects.toBeInstanceOf(RuntimeRoleError);
    await expect(opening).rejects.toThrow(
      `database user "${user}" is a BYPASSRLS role, so row-level security would not apply to it, ` +
        `and it may not switch to role ${RUNTIME_ROLE}; as an administrator run: ` +
        `GRANT ${RUNTIME_ROLE} TO "${user}"; (or connect as a user that is neither superuser nor BYPASSRLS)`,
    );
  });
});
