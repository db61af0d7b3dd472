// What row-level security costs a request: every repo statement now runs in a transaction that
// sets the organisation (BEGIN, set_config, the statement, COMMIT) as the runtime role, where it
// used to be one bare statement. Baseline: the same read as one statement on a pool connected as
// the connecting user (what repos did before), on the same Postgres in the same run. Sequential
// calls, so the figure is per-request latency, not throughput. Also PGlite (in process), against
// a PGlite opened as its superuser.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Db } from '../../engine/src/db/db.ts';
import { migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { openPgDb } from '../../engine/src/db/pg-db.ts';
import { openPgliteDb } from '../../engine/src/db/pglite-db.ts';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import { world } from '../db/fixtures.ts';
import { percentile, report } from './lib/report.ts';

const READ = `SELECT id, name, seat_count, epoch FROM events WHERE id = $1 AND org_id = $2`;

/** Microseconds per call of `fn`, `n` sequential calls. */
async function sample(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push((performance.now() - t0) * 1000);
  }
  return out;
}

/** Alternates rounds of the variants so drift on a shared machine hits them alike. */
async function compareAll<K extends string>(
  rounds: number,
  perRound: number,
  variants: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number[]>> {
  const entries = Object.entries(variants) as [K, () => Promise<unknown>][];
  const out = Object.fromEntries(entries.map(([k]) => [k, [] as number[]])) as Record<K, number[]>;
  for (const [, fn] of entries) await sample(200, fn);
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of entries) out[k].push(...(await sample(perRound, fn)));
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

async function compare(
  rounds: number,
  perRound: number,
  bare: () => Promise<unknown>,
  scoped: () => Promise<unknown>,
) {
  const r = await compareAll(rounds, perRound, { bare, scoped });
  return { ...r, bareMean: mean(r.bare), scopedMean: mean(r.scoped) };
}

/** Migrated PGlite in memory with one organisation's event; the runtime role unless `bare`. */
async function pgliteWorld(bare: boolean) {
  const db = bare ? await openPgliteDb() : await openDb({});
  await migrate(db);
  const { orgId, event } = await world(db);
  return { db, read: [event.id, orgId] as const };
}

async function pgliteFigures(rounds: number, perRound: number) {
  // The baseline is a second in-memory PGlite opened as its superuser, the way it ran before.
  const bare = await pgliteWorld(true);
  const scoped = await pgliteWorld(false);
  try {
    const [id, orgId] = scoped.read;
    return await compare(
      rounds,
      perRound,
      () => bare.db.query(READ, [...bare.read]),
      () => inOrg(scoped.db, orgId, (tx) => tx.query(READ, [id, orgId])),
    );
  } finally {
    await bare.db.close();
    await scoped.db.close();
  }
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_tenancy_${randomBytes(4).toString('hex')}`;
  const rounds = quick ? 4 : 10;
  const perRound = quick ? 500 : 2000;
  const db: Db = await openDb({ databaseUrl: url, schema });
  const asConnectingUser = openPgDb(url, { schema });
  try {
    await migrate(db);
    const { orgId, event } = await world(db);
    const bare = () => asConnectingUser.query(READ, [event.id, orgId]);
    const scoped = () => inOrg(db, orgId, (tx) => tx.query(READ, [event.id, orgId]));
    const check = await scoped();
    const seen = (check as { rows: unknown[] }).rows.length;
    if (seen !== 1) throw new Error(`the scoped read saw ${seen} rows instead of 1`);
    // How it was first written: BEGIN, then set_config with a bind parameter (4 round trips).
    const separate = () =>
      db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('app.org_id', $1, true)`, [orgId]);
        return tx.query(READ, [event.id, orgId]);
      });
    const pgRun = await compareAll(rounds, perRound, { bare, scoped, separate });
    const lite = await pgliteFigures(quick ? 2 : 4, quick ? 500 : 1000);
    report({
      bench: 'tenancy',
      // Medians: the machine is shared, and a few scheduler stalls swing the means.
      value: percentile(pgRun.scoped, 50),
      unit: 'µs per read, p50 (Postgres)',
      baseline: percentile(pgRun.bare, 50),
      lowerIsBetter: true,
      extra: {
        calls: pgRun.scoped.length,
        overheadP50Us: Number(
          (percentile(pgRun.scoped, 50) - percentile(pgRun.bare, 50)).toFixed(1),
        ),
        separateSetP50Us: Number(percentile(pgRun.separate, 50).toFixed(1)),
        scopedMeanUs: Number(mean(pgRun.scoped).toFixed(1)),
        bareMeanUs: Number(mean(pgRun.bare).toFixed(1)),
        scopedP99Us: Number(percentile(pgRun.scoped, 99).toFixed(1)),
        bareP99Us: Number(percentile(pgRun.bare, 99).toFixed(1)),
        pgliteScopedP50Us: Number(percentile(lite.scoped, 50).toFixed(1)),
        pgliteBareP50Us: Number(percentile(lite.bare, 50).toFixed(1)),
      },
    });
  } finally {
    await asConnectingUser.close();
    await db.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
