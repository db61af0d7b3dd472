// Retention of the installation's security log (login_failures) on real Postgres: rows older than
// LOGIN_FAILURES_RETENTION_DAYS go, newer ones stay; a node prunes when it starts, and stopping
// the job waits for a pruning in progress.
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LoginFailureRetention,
  pruneLoginFailures,
} from '../../engine/src/auth/login-failure-retention.ts';
import { listLoginFailures, recordLoginFailure } from '../../engine/src/auth/session-audit.ts';
import { loadConfig } from '../../engine/src/config.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { startServer } from '../../engine/src/server.ts';
import { testEngine, type TestEngine } from '../support/engine.ts';
import { databaseUrl } from '../support/services.ts';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.dispose();
  engine = undefined;
});

/** A failed login of an unknown email, `daysAgo` days old. */
async function failureAged(db: Db, email: string, daysAgo: number): Promise<void> {
  await recordLoginFailure(db, { email, userId: undefined, address: '203.0.113.9' });
  await asSystem(db, (tx) =>
    tx.query(
      `UPDATE login_failures SET at = now() - make_interval(days => $2::int) WHERE email = $1`,
      [email, daysAgo],
    ),
  );
}

const emails = async (db: Db) =>
  (await listLoginFailures(db, { limit: 1000 })).map((f) => f.email).sort();

describe('login failure retention', () => {
  it('deletes failed logins older than the retention and keeps the rest', async () => {
    engine = await testEngine({ store: 'memory' });
    const { db } = engine.ctx;
    await failureAged(db, 'old@nowhere.example', 91);
    await failureAged(db, 'edge@nowhere.example', 89);
    await failureAged(db, 'new@nowhere.example', 0);

    expect(await pruneLoginFailures(db, 90)).toBe(1);
    expect(await emails(db)).toEqual(['edge@nowhere.example', 'new@nowhere.example']);
    expect(await pruneLoginFailures(db, 90)).toBe(0);
    expect(await pruneLoginFailures(db, 30)).toBe(1);
    expect(await emails(db)).toEqual(['new@nowhere.example']);
  });

  it('prunes at start, and stop() waits for that pruning', async () => {
    engine = await testEngine({ store: 'memory' });
    const { db } = engine.ctx;
    await failureAged(db, 'old@nowhere.example', 8);
    await failureAged(db, 'new@nowhere.example', 6);
    const retention = new LoginFailureRetention({
      db,
      days: 7,
      logger: pino({ level: 'silent' }),
    });
    retention.start();
    await retention.stop();
    expect(await emails(db)).toEqual(['new@nowhere.example']);
  });

  it('a node prunes with LOGIN_FAILURES_RETENTION_DAYS when it starts (default 90)', async () => {
    expect(loadConfig({}).LOGIN_FAILURES_RETENTION_DAYS).toBe(90);
    expect(() => loadConfig({ LOGIN_FAILURES_RETENTION_DAYS: '0' })).toThrow(
      /LOGIN_FAILURES_RETENTION_DAYS/,
    );
    engine = await testEngine({ store: 'memory', env: { LOGIN_FAILURES_RETENTION_DAYS: '10' } });
    const { db, config } = engine.ctx;
    await failureAged(db, 'old@nowhere.example', 11);
    await failureAged(db, 'new@nowhere.example', 9);
    const server = await startServer(engine.ctx, {
      port: 0,
      host: '127.0.0.1',
      studioDir: '/nonexistent',
      demoDir: '/nonexistent',
    });
    // Closing waits for the startup pruning, then closes the context (and its database).
    await server.close(100);
    const rows = await readAsSystem(
      `SELECT email FROM ${config.DATABASE_SCHEMA}.login_failures ORDER BY email`,
    );
    expect(rows.map((r) => r.email)).toEqual(['new@nowhere.example']);
    await engine.removeData();
    engine = undefined;
  });
});

/** A read on a fresh connection, as system work (the table's policy admits nothing else). */
async function readAsSystem(sql: string): Promise<{ email: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`SET app.tenancy_bypass = 'on'`);
    return (await client.query<{ email: string }>(sql)).rows;
  } finally {
    await client.end();
  }
}
