// The persistence suites on embedded PGlite (in memory), plus what is specific to it: data that
// survives a restart in a data directory, and the schema option.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { InvalidInput } from '../../engine/src/db/errors.ts';
import { loadMigrations, migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { createOrganisation, getOrganisation } from '../../engine/src/orgs/repo.ts';
import { dbContract } from './db-contract.suite.ts';
import { mapsAndEvents } from './maps-events.suite.ts';
import { orders } from './orders.suite.ts';
import { tenancyAndIdempotency } from './tenancy-idempotency.suite.ts';

let db: Db;

beforeAll(async () => {
  db = await openDb({});
  const versions = (await loadMigrations()).map((m) => m.version);
  expect(await migrate(db)).toEqual(versions);
});

afterAll(() => db.close());

const getDb = () => db;
dbContract(getDb);
mapsAndEvents(getDb);
orders(getDb);
tenancyAndIdempotency(getDb);

describe('on PGlite', () => {
  it('keeps data in its data directory across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parterre-pglite-'));
    try {
      const first = await openDb({ dataDir, schema: 'tenant_data' });
      await migrate(first);
      const org = await createOrganisation(first, { name: 'Durable' });
      await first.close();

      const second = await openDb({ dataDir, schema: 'tenant_data' });
      expect(await migrate(second)).toEqual([]);
      expect(await getOrganisation(second, org.id)).toEqual(org);
      const { rows } = await second.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name = 'organisations'`,
      );
      expect(rows[0]?.n).toBe(0);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openDb({ schema: 'x; DROP TABLE y' })).rejects.toThrow(InvalidInput);
    await expect(openDb({ schema: 'Upper' })).rejects.toThrow(/lower-case identifier/);
  });
});
