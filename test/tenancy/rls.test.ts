// Row-level security itself, on real Postgres and on PGlite: without an organisation a query sees
// no tenant row, with one it sees only that organisation's rows, it cannot write rows of another,
// and the engine's statements really run as the runtime role (which policies apply to).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { RUNTIME_ROLE } from '../../engine/src/db/runtime-role.ts';
import { systemQuery } from '../db/fixtures.ts';
import { openTestDb, TENANT_TABLES, tenant, type Adapter, type Tenant } from './world.ts';

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe.each<Adapter>(['postgres', 'pglite'])('row-level security on %s', (adapter) => {
  let db: Db;
  let drop: () => Promise<void>;
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    ({ db, drop } = await openTestDb(adapter));
    a = await tenant(db);
    b = await tenant(db);
  });

  afterAll(() => drop());

  it('runs statements as the runtime role, which is no superuser and does not bypass RLS', async () => {
    const { rows } = await db.query(
      `SELECT current_user AS "user", rolsuper AS super, rolbypassrls AS bypass
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([{ user: RUNTIME_ROLE, super: false, bypass: false }]);
    const inTx = await db.transaction((tx) => tx.query('SELECT current_user AS "user"'), {
      orgId: a.orgId,
    });
    expect(inTx.rows).toEqual([{ user: RUNTIME_ROLE }]);
  });

  it('shows no row of any tenant table to a query without an organisation', async () => {
    for (const [table] of TENANT_TABLES) {
      // The rows are there: system work sees both organisations'.
      const all = await systemQuery<{ n: number }>(db, `SELECT count(*)::int AS n FROM ${table}`);
      expect(all.rows[0]!.n, table).toBeGreaterThanOrEqual(2);
      expect(await count(db, table), table).toBe(0);
      expect(await db.transaction((tx) => count(tx, table)), table).toBe(0);
    }
  });

  it('shows an organisation only its own rows, even when the query does not filter', async () => {
    for (const [table, column] of TENANT_TABLES) {
      const { rows } = await db.transaction(
        (tx) => tx.query(`SELECT DISTINCT ${column} AS org FROM ${table}`),
        { orgId: a.orgId },
      );
      expect(rows, table).toEqual([{ org: a.orgId }]);
    }
  });

  it("refuses to insert another organisation's row into any tenant table", async () => {
    for (const [table, column] of TENANT_TABLES) {
      const sample = await systemQuery<{ row: unknown }>(
        db,
        `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${column} = $1 LIMIT 1`,
        [b.orgId],
      );
      // The policy check comes before the unique indexes, so re-inserting B's own row fails on
      // the organisation, not on its key.
      const insert = db.transaction(
        (tx) =>
          tx.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1)`, [
            sample.rows[0]!.row,
          ]),
        { orgId: a.orgId },
      );
      await expect(insert, table).rejects.toThrow(/violates row-level security policy/);
    }
  });

  it("changes and deletes none of another organisation's rows", async () => {
    const before = await Promise.all(
      TENANT_TABLES.map(([table, column]) =>
        systemQuery(db, `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${column} = $1`, [
          b.orgId,
        ]),
      ),
    );
    await db.transaction(
      async (tx) => {
        for (const [table, column] of TENANT_TABLES) {
          const updated = await tx.query(
            `UPDATE ${table} SET ${column} = ${column} WHERE ${column} = $1`,
            [b.orgId],
          );
          expect(updated.rowCount, table).toBe(0);
        }
        // Children before parents, so a delete that did get through would not stop at a key.
        for (const [table, column] of [...TENANT_TABLES].reverse()) {
          const deleted = await tx.query(`DELETE FROM ${table} WHERE ${column} = $1`, [b.orgId]);
          expect(deleted.rowCount, table).toBe(0);
        }
      },
      { orgId: a.orgId },
    );
    const after = await Promise.all(
      TENANT_TABLES.map(([table, column]) =>
        systemQuery(db, `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${column} = $1`, [
          b.orgId,
        ]),
      ),
    );
    expect(after).toEqual(before);
  });

  it('lets a system transaction see every organisation', async () => {
    const { rows } = await systemQuery<{ id: string }>(
      db,
      'SELECT id FROM organisations WHERE id = ANY($1) ORDER BY id',
      [[a.orgId, b.orgId]],
    );
    expect(rows.map((r) => r.id)).toEqual([a.orgId, b.orgId].sort());
  });
});
