// `parterre user create|add` as a user runs them: the real CLI in a child process against real
// Postgres (a schema of its own, migrated by `parterre migrate`, dropped afterwards). The password
// comes from PARTERRE_PASSWORD; without it and without a terminal the command refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../engine/src/auth/users.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { databaseUrl, dropSchema, uniqueName } from '../support/services.ts';
import { expectCliError, onSchema, runCliWith } from './run-cli.ts';

const schema = uniqueName('cliusr');
const PASSWORD = 'a long enough passphrase';

/** Runs `parterre <args>` on this file's schema, with `env` added (and stdin not a terminal). */
const parterre = (env: Record<string, string>, ...args: string[]) =>
  runCliWith({ PARTERRE_PASSWORD: undefined, ...onSchema(schema), ...env }, ...args);

let db: Db;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  expect((await parterre({}, 'migrate')).code).toBe(0);
  orgA = (await parterre({}, 'org', 'create', 'Opera A')).stdout.trim();
  orgB = (await parterre({}, 'org', 'create', 'Opera B')).stdout.trim();
  db = await openDb({ databaseUrl: databaseUrl(), schema });
});

afterAll(async () => {
  await db?.close();
  await dropSchema(schema);
});

const create = (env: Record<string, string>, email: string, org: string, role: string) =>
  parterre(env, 'user', 'create', '--email', email, '--name', 'Ada', '--org', org, '--role', role);

describe('parterre user create', () => {
  it('creates a user who can log in with the role given, printing only the id', async () => {
    const run = await create(
      { PARTERRE_PASSWORD: PASSWORD },
      ' Ada@Opera.example ',
      orgA,
      'designer',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usr_[A-Za-z0-9_-]{16}\n$/);
    expect(run.stderr).toBe(`created user ada@opera.example as designer of ${orgA}\n`);
    const session = await login(db, 'ada@opera.example', PASSWORD);
    expect(session?.view).toMatchObject({
      user: { id: run.stdout.trim(), name: 'Ada' },
      organisations: [{ orgId: orgA, role: 'designer' }],
    });
  });

  it('refuses without a password source, with a weak password, a taken email or a bad role', async () => {
    expectCliError(
      await create({}, 'nopass@opera.example', orgA, 'viewer'),
      2,
      /^parterre: no password: set PARTERRE_PASSWORD or run on a terminal/,
    );
    expectCliError(
      await create({ PARTERRE_PASSWORD: 'short' }, 'weak@opera.example', orgA, 'viewer'),
      2,
      /password: the password must have at least 10 characters/,
    );
    expectCliError(
      await create({ PARTERRE_PASSWORD: PASSWORD }, 'ADA@opera.example', orgA, 'viewer'),
      2,
      /A user with email ada@opera\.example already exists/,
    );
    expectCliError(
      await create({ PARTERRE_PASSWORD: PASSWORD }, 'role@opera.example', orgA, 'admin'),
      2,
      /option '--role <role>' argument 'admin' is invalid/,
    );
    expectCliError(
      await create({ PARTERRE_PASSWORD: PASSWORD }, 'org@opera.example', 'org_missing', 'viewer'),
      1,
      /organisation org_missing does not exist/,
    );
    for (const email of ['nopass', 'weak', 'role', 'org']) {
      expect(await login(db, `${email}@opera.example`, PASSWORD)).toBeNull();
    }
  });
});

describe('parterre user add', () => {
  it('gives an existing user a role in another organisation, then changes it', async () => {
    const created = await create(
      { PARTERRE_PASSWORD: PASSWORD },
      'bo@opera.example',
      orgA,
      'boxoffice',
    );
    expect(created.code).toBe(0);
    const add = (role: string) =>
      parterre({}, 'user', 'add', '--email', 'BO@opera.example', '--org', orgB, '--role', role);
    expect(await add('viewer')).toEqual({
      code: 0,
      stdout: `bo@opera.example is now viewer of ${orgB}\n`,
      stderr: '',
    });
    expect((await add('owner')).code).toBe(0);
    const session = await login(db, 'bo@opera.example', PASSWORD, orgB);
    expect(session?.view.activeOrg).toEqual({ orgId: orgB, orgName: 'Opera B', role: 'owner' });
    expect(session?.view.organisations.map((m) => m.role)).toEqual(['boxoffice', 'owner']);
  });

  it('refuses an unknown email', async () => {
    expectCliError(
      await parterre(
        {},
        'user',
        'add',
        '--email',
        'who@opera.example',
        '--org',
        orgA,
        '--role',
        'viewer',
      ),
      1,
      /^parterre: no user with email who@opera\.example\n$/,
    );
  });
});
