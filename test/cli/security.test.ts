// `parterre security login-failures` as an operator runs it: the real CLI in a child process
// against real Postgres (a schema of its own, migrated by `parterre migrate`, dropped afterwards),
// reading failed logins recorded the way the engine records them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLoginFailure } from '../../engine/src/auth/session-audit.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { databaseUrl, dropSchema, uniqueName } from '../support/services.ts';
import { expectCliError, onSchema, runCliWith } from './run-cli.ts';

const schema = uniqueName('clisec');

/** Runs `parterre <args>` on this file's schema. */
const parterre = (...args: string[]) => runCliWith(onSchema(schema), ...args);

let db: Db;

/** A failed login of an unknown email at a fixed time. */
async function failure(email: string, address: string, at: string): Promise<void> {
  await recordLoginFailure(db, { email, userId: undefined, address });
  await asSystem(db, (tx) =>
    tx.query(`UPDATE login_failures SET at = $2 WHERE email = $1`, [email, at]),
  );
}

beforeAll(async () => {
  expect((await parterre('migrate')).code).toBe(0);
  db = await openDb({ databaseUrl: databaseUrl(), schema });
  await failure('first@nowhere.example', '203.0.113.1', '2026-10-01T09:00:00Z');
  await failure('second@nowhere.example', '203.0.113.2', '2026-11-02T10:30:00Z');
  await failure('third@nowhere.example', '2001:db8::7', '2026-11-20T23:59:59Z');
});

afterAll(async () => {
  await db?.close();
  await dropSchema(schema);
});

describe('parterre security login-failures', () => {
  it('lists failed logins newest first as a table', async () => {
    const run = await parterre('security', 'login-failures');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'at                        email                   address      user',
        '2026-11-20T23:59:59.000Z  third@nowhere.example   2001:db8::7  -',
        '2026-11-02T10:30:00.000Z  second@nowhere.example  203.0.113.2  -',
        '2026-10-01T09:00:00.000Z  first@nowhere.example   203.0.113.1  -',
        '',
      ].join('\n'),
    );
  });

  it('keeps only attempts since a date, as JSON', async () => {
    const run = await parterre('security', 'login-failures', '--since', '2026-11-02', '--json');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { email: string; address: string; at: string }[];
    expect(rows.map(({ email, address, at }) => ({ email, address, at }))).toEqual([
      { email: 'third@nowhere.example', address: '2001:db8::7', at: '2026-11-20T23:59:59.000Z' },
      { email: 'second@nowhere.example', address: '203.0.113.2', at: '2026-11-02T10:30:00.000Z' },
    ]);
    const later = await parterre(
      'security',
      'login-failures',
      '--since',
      '2026-11-02T10:30:01Z',
      '--json',
    );
    expect(JSON.parse(later.stdout)).toHaveLength(1);
  });

  it('stops at --limit, and an empty answer is still a header or []', async () => {
    const limited = await parterre('security', 'login-failures', '--limit', '1', '--json');
    expect((JSON.parse(limited.stdout) as { email: string }[]).map((r) => r.email)).toEqual([
      'third@nowhere.example',
    ]);
    expect(limited.stderr).toBe('the newest 1 shown; raise --limit for older ones\n');
    const none = await parterre('security', 'login-failures', '--since', '2027-01-01');
    expect(none.stdout).toBe('at  email  address  user\n');
    const noneJson = await parterre(
      'security',
      'login-failures',
      '--since',
      '2027-01-01',
      '--json',
    );
    expect(noneJson.stdout).toBe('[]\n');
  });

  it('refuses a date or limit it cannot read (exit 2, one line)', async () => {
    expectCliError(
      await parterre('security', 'login-failures', '--since', 'last tuesday'),
      2,
      /--since must be an ISO 8601 date or time .*not "last tuesday"/,
    );
    expectCliError(
      await parterre('security', 'login-failures', '--since', '2026-13-45'),
      2,
      /--since must be an ISO 8601 date/,
    );
    expectCliError(
      await parterre('security', 'login-failures', '--limit', '0'),
      2,
      /--limit must be a whole number from 1 to 10000/,
    );
  });
});
