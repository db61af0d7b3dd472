// The Db contract both adapters must honour: results, transactions, savepoints, org scoping,
// typed errors, type parsing and migrations. Registered by pg.test.ts and pglite.test.ts.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { UniqueViolation } from '../../engine/src/db/errors.ts';
import { loadMigrations, migrate } from '../../engine/src/db/migrate.ts';
import { asOwner } from './fixtures.ts';

export function dbContract(getDb: () => Db): void {
  describe('Db contract', () => {
    it('returns rows and counts for reads and writes', async () => {
      const db = getDb();
      await asOwner(
        db,
        'CREATE TABLE contract_rows (n int PRIMARY KEY); INSERT INTO contract_rows VALUES (1), (2), (3)',
      );
      const read = await db.query<{ n: number }>(
        'SELECT n FROM contract_rows WHERE n > $1 ORDER BY n',
        [1],
      );
      expect(read).toEqual({ rows: [{ n: 2 }, { n: 3 }], rowCount: 2 });
      const write = await db.query('UPDATE contract_rows SET n = n + 10 WHERE n < $1', [3]);
      expect(write).toEqual({ rows: [], rowCount: 2 });
    });

    it('parses bigint as number, timestamptz as Date and jsonb as JSON', async () => {
      const { rows } = await getDb().query<{ big: number; at: Date; doc: unknown }>(
        `SELECT 9007199254740991::bigint AS big, '2027-01-01T00:00:00Z'::timestamptz AS at,
           '{"a":[1,"x"]}'::jsonb AS doc`,
      );
      expect(rows[0]).toEqual({
        big: Number.MAX_SAFE_INTEGER,
        at: new Date('2027-01-01T00:00:00Z'),
        doc: { a: [1, 'x'] },
      });
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const db = getDb();
      await asOwner(db, 'CREATE TABLE contract_tx (n int)');
      await db.transaction(
        async (tx) => void (await tx.query('INSERT INTO contract_tx VALUES (1)')),
      );
      const boom = new Error('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO contract_tx VALUES (2)');
          throw boom;
        }),
      ).rejects.toBe(boom);
      const { rows } = await db.query('SELECT n FROM contract_tx');
      expect(rows).toEqual([{ n: 1 }]);
    });

    it('rolls back a failed nested transaction alone', async () => {
      const db = getDb();
      await asOwner(db, 'CREATE TABLE contract_nested (n int PRIMARY KEY)');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO contract_nested VALUES (1)');
        await expect(
          tx.transaction((inner) => inner.query('INSERT INTO contract_nested VALUES (1)')),
        ).rejects.toBeInstanceOf(UniqueViolation);
        await tx.query('INSERT INTO contract_nested VALUES (2)');
      });
      const { rows } = await db.query('SELECT n FROM contract_nested ORDER BY n');
      expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
    });

    it('sets app.org_id for the transaction only', async () => {
      const db = getDb();
      const setting = `SELECT current_setting('app.org_id', true) AS org`;
      const inside = await db.transaction((tx) => tx.query<{ org: string }>(setting), {
        orgId: 'org_inside',
      });
      expect(inside.rows[0]?.org).toBe('org_inside');
      const after = await db.query<{ org: string | null }>(setting);
      expect(after.rows[0]?.org ?? '').toBe('');
    });

    it('keeps an organisation id with quotes and backslashes intact', async () => {
      for (const orgId of [`o'r\\g`, `a''b\\'c; SELECT 1; --`]) {
        const { rows } = await getDb().transaction(
          (tx) => tx.query<{ org: string }>(`SELECT current_setting('app.org_id') AS org`),
          { orgId },
        );
        expect(rows[0]?.org).toBe(orgId);
      }
    });

    it('lets system transactions through and restores the outer scope after a nested one', async () => {
      const read = `SELECT current_setting('app.org_id', true) AS org,
        current_setting('app.tenancy_bypass', true) AS bypass`;
      const seen = await getDb().transaction(
        async (tx) => {
          const inner = await tx.transaction((t) => t.query(read), { orgId: 'org_b' });
          const after = await tx.query(read);
          return { inner: inner.rows[0], after: after.rows[0] };
        },
        { system: true },
      );
      expect(seen.inner).toEqual({ org: 'org_b', bypass: 'off' });
      expect(seen.after).toEqual({ org: '', bypass: 'on' });
    });

    it('maps a unique violation to UniqueViolation with the constraint name', async () => {
      const db = getDb();
      await asOwner(db, 'CREATE TABLE contract_unique (n int CONSTRAINT contract_unique_n UNIQUE)');
      await db.query('INSERT INTO contract_unique VALUES (1)');
      const err = await db.query('INSERT INTO contract_unique VALUES (1)').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UniqueViolation);
      expect((err as UniqueViolation).constraint).toBe('contract_unique_n');
    });

    it('migrates idempotently and records each file once', async () => {
      const db = getDb();
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      const files = await loadMigrations();
      expect(files[0]).toMatchObject({ version: 1, name: '0001_init.sql' });
      expect(rows).toEqual(files.map(({ version, name }) => ({ version, name })));
    });
  });
}
