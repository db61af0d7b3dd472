// The admin commands (`parterre migrate`, `org create`, `key create|list|revoke`) run as a user
// would run them: the real CLI in a child process, configured by the server's environment, against
// real Postgres in a schema of its own (dropped afterwards).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApiKeyByHash, hashApiKey } from '../../engine/src/auth/repo.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { loadMigrations } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { getOrganisation } from '../../engine/src/orgs/repo.ts';
import { databaseUrl, dropSchema, uniqueName } from '../support/services.ts';
import { onSchema, runCliWith, type CliRun } from './run-cli.ts';

const schema = uniqueName('cli');

/** Runs `parterre <args>` with the server's database environment, on this file's schema. */
const parterre = (...args: string[]) => runCliWith(onSchema(schema), ...args);

/** A failure the way the CLI promises it: the exit code and exactly one line on stderr. */
function expectError(run: CliRun, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

let db: Db | undefined;

afterAll(async () => {
  await db?.close();
  await dropSchema(schema);
});

describe('parterre migrate', () => {
  it('refuses org and key commands on a schema that was never migrated', async () => {
    expectError(
      await parterre('org', 'create', 'Too early'),
      1,
      /^parterre: the database schema is not up to date \(pending migrations 1, .*\); run `parterre migrate` first\n$/,
    );
  });

  it('applies every migration once and prints what it applied', async () => {
    const files = await loadMigrations();
    const first = await parterre('migrate');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(files.map((m) => `applied ${m.name}\n`).join(''));
    const again = await parterre('migrate');
    expect(again).toEqual({
      code: 0,
      stdout: `up to date (version ${files.at(-1)!.version})\n`,
      stderr: '',
    });
  });
});

describe('parterre org and key', () => {
  let orgId: string;

  beforeAll(async () => {
    db = await openDb({ databaseUrl: databaseUrl(), schema });
    const run = await parterre('org', 'create', '  Opera North  ');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    orgId = run.stdout.trim();
  });

  it('org create prints the id of the organisation it created', async () => {
    expect(orgId).toMatch(/^org_[1-9A-HJ-NP-Za-km-z]{20}$/);
    expect(await getOrganisation(db!, orgId)).toMatchObject({ id: orgId, name: 'Opera North' });
  });

  it('key create prints a working key once; list shows it without the key; revoke ends it', async () => {
    const created = await parterre(
      'key',
      'create',
      '--org',
      orgId,
      '--kind',
      'secret',
      '--name',
      'box office',
    );
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const record = await findApiKeyByHash(db!, hashApiKey(key));
    expect(record).toMatchObject({ orgId, kind: 'secret', name: 'box office', revokedAt: null });
    expect(created.stderr).toBe(
      `created secret key ${record!.id} "box office"; it is shown only this once\n`,
    );

    const table = await parterre('key', 'list', '--org', orgId);
    expect(table.code).toBe(0);
    const [header, row, ...rest] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id\s+kind\s+prefix\s+created\s+last used\s+revoked\s+name$/);
    expect(row).toMatch(
      new RegExp(
        `^${record!.id}\\s+secret\\s+${key.slice(0, 11)}\\s+\\S+\\s+-\\s+-\\s+box office$`,
      ),
    );
    expect(rest).toEqual([]);
    expect(table.stdout).not.toContain(key);

    expect(await parterre('key', 'revoke', '--org', orgId, record!.id)).toEqual({
      code: 0,
      stdout: `revoked ${record!.id}\n`,
      stderr: '',
    });
    expect(await findApiKeyByHash(db!, hashApiKey(key))).toBeUndefined();
    const listed = await parterre('key', 'list', '--org', orgId, '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: record!.id, revokedAt: expect.any(String) }),
    ]);
  });

  it('creates public keys too', async () => {
    const run = await parterre(
      'key',
      'create',
      '--org',
      orgId,
      '--kind',
      'public',
      '--name',
      'web',
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses what it cannot do with one line and exit 1, changing nothing', async () => {
    const before = await parterre('key', 'list', '--org', orgId, '--json');
    expectError(
      await parterre('key', 'create', '--org', 'org_missing', '--kind', 'public', '--name', 'x'),
      1,
      /^parterre: organisation org_missing does not exist\n$/,
    );
    expectError(
      await parterre('key', 'list', '--org', 'org_missing'),
      1,
      /^parterre: organisation org_missing does not exist\n$/,
    );
    expectError(
      await parterre('key', 'revoke', '--org', orgId, 'key_missing'),
      1,
      new RegExp(`^parterre: organisation ${orgId} has no live key key_missing\\n$`),
    );
    // Another organisation's key is as missing as a made-up one.
    const other = (await parterre('org', 'create', 'Other house')).stdout.trim();
    const theirs = JSON.parse(before.stdout)[0].id as string;
    expectError(
      await parterre('key', 'revoke', '--org', other, theirs),
      1,
      new RegExp(`^parterre: organisation ${other} has no live key ${theirs}\\n$`),
    );
    expect((await parterre('key', 'list', '--org', orgId, '--json')).stdout).toBe(before.stdout);
  });

  it('refuses wrong usage with one line and exit 2', async () => {
    expectError(
      await parterre('key', 'create', '--org', orgId, '--kind', 'admin', '--name', 'x'),
      2,
      /^parterre: option '--kind <kind>' argument 'admin' is invalid\. Allowed choices are secret, public\.\n$/,
    );
    expectError(
      await parterre('key', 'create', '--org', orgId, '--kind', 'public'),
      2,
      /^parterre: required option '--name <name>' not specified\n$/,
    );
    expectError(
      await parterre('org', 'create', '   '),
      2,
      /^parterre: organisation name must not be empty\n$/,
    );
    expectError(
      await parterre('org', 'create', 'x'.repeat(201)),
      2,
      /^parterre: organisation name is 201 characters; at most 200 allowed\n$/,
    );
  });

  it('reports configuration and connection problems on one line', async () => {
    expectError(
      await runCliWith({ DATABASE_URL: 'mysql://localhost/x' }, 'migrate'),
      2,
      /^parterre: Invalid configuration: DATABASE_URL: /,
    );
    const down = new URL(databaseUrl());
    down.port = '1';
    expectError(
      await runCliWith({ DATABASE_URL: down.toString() }, 'migrate'),
      1,
      /^parterre: cannot open the database: database unavailable: connect ECONNREFUSED/,
    );
  });
});
