// `parterre migrate`: applies the engine's pending migrations, as the server does at startup, so
// deployments can migrate once before starting nodes.
import { loadMigrations, migrate } from '../../db/migrate.ts';
import { withDatabase } from './db.ts';

/** Applies pending migrations and prints one line per file applied (or that none was pending). */
export async function migrateCommand(): Promise<void> {
  const migrations = await loadMigrations();
  const applied = await withDatabase({ migrated: false }, (db) => migrate(db, migrations));
  const names = new Map(migrations.map((m) => [m.version, m.name]));
  const lines = applied.length
    ? applied.map((v) => `applied ${names.get(v)}`)
    : [`up to date (version ${migrations.at(-1)?.version ?? 0})`];
  process.stdout.write(`${lines.join('\n')}\n`);
}
