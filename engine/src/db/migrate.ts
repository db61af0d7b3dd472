// Applies engine/src/db/migrations/NNNN_name.sql in order, once each, recording them in
// schema_migrations. Everything runs in one transaction behind an advisory lock, so nodes that
// start together queue up: the first applies the files, the others find nothing left to do.
import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';
import { AS_CONNECTING_USER } from './runtime-role.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files shipped with the engine, in version order. */
export async function loadMigrations(): Promise<Migration[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => FILE_NAME.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({
      version: Number(FILE_NAME.exec(name)![1]),
      name,
      sql: await readFile(new URL(name, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Brings the schema on the search_path up to date. Idempotent and safe to call from several
 * processes at once. Returns the versions it applied (empty when already current).
 * @example await migrate(db); // at startup, before serving
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(
    async (tx) => {
      // As the connecting user (the schema's owner), not the runtime role: DDL, and tables owned
      // by the user whose default privileges grant the runtime role its access.
      await tx.exec(AS_CONNECTING_USER);
      // Keyed by schema so separate schemas (one per test file) never wait for each other. On PGlite
      // the lock is uncontended and costs nothing.
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtext('parterre.migrate.' || current_schema()))`,
      );
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
      const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const applied: number[] = [];
      for (const m of all) {
        if (done.has(m.version)) continue;
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        applied.push(m.version);
      }
      return applied;
    },
    { system: true },
  );
}

/**
 * Versions of `migrations` (the shipped files by default) not yet applied to the schema on the
 * search_path; all of them when the schema was never migrated.
 * @example if ((await pendingMigrations(db)).length > 0) refuse('run parterre migrate first');
 */
export async function pendingMigrations(db: Db, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  const table = await db.query<{ t: string | null }>(
    `SELECT to_regclass('schema_migrations')::text AS t`,
  );
  const done = new Set<number>();
  if (table.rows[0]?.t) {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    for (const r of rows) done.add(r.version);
  }
  return all.filter((m) => !done.has(m.version)).map((m) => m.version);
}
