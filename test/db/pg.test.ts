// The persistence suites on real Postgres (one schema per file, dropped afterwards), plus what only
// real concurrency can show: racing migrations and a rush of bookers on one seat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { DbUnavailable } from '../../engine/src/db/errors.ts';
import { loadMigrations, migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { openPgDb } from '../../engine/src/db/pg-db.ts';
import { createBooking, SeatsAlreadyBooked } from '../../engine/src/orders/repo.ts';
import { databaseUrl, uniqueName } from '../support/services.ts';
import { dbContract } from './db-contract.suite.ts';
import { asOwner, seat, systemQuery, world } from './fixtures.ts';
import { mapsAndEvents } from './maps-events.suite.ts';
import { orders } from './orders.suite.ts';
import { tenancyAndIdempotency } from './tenancy-idempotency.suite.ts';

const schema = uniqueName('db');
let db: Db;

beforeAll(async () => {
  db = await openDb({ databaseUrl: databaseUrl(), schema });
  const versions = (await loadMigrations()).map((m) => m.version);
  expect(await migrate(db)).toEqual(versions);
});

afterAll(async () => {
  await asOwner(db, `DROP SCHEMA ${schema} CASCADE`);
  await db.close();
});

const getDb = () => db;
dbContract(getDb);
mapsAndEvents(getDb);
orders(getDb);
tenancyAndIdempotency(getDb);

describe('on real Postgres', () => {
  it('applies migrations once when two nodes start together', async () => {
    const fresh = uniqueName('mig');
    const nodes = [
      await openDb({ databaseUrl: databaseUrl(), schema: fresh }),
      await openDb({ databaseUrl: databaseUrl(), schema: fresh }),
    ];
    try {
      const applied = await Promise.all(nodes.map((node) => migrate(node)));
      const versions = (await loadMigrations()).map((m) => m.version);
      expect(applied.map((a) => a.length).sort()).toEqual([0, versions.length]);
      const { rows } = await nodes[0]!.query('SELECT version FROM schema_migrations ORDER BY 1');
      expect(rows).toEqual(versions.map((version) => ({ version })));
    } finally {
      await asOwner(nodes[0]!, `DROP SCHEMA ${fresh} CASCADE`);
      await Promise.all(nodes.map((node) => node.close()));
    }
  });

  it('lets exactly one of 50 concurrent bookers have the same seat', async () => {
    const { orgId, event } = await world(db);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        createBooking(db, { orgId, eventId: event.id, currency: 'EUR', seats: [seat(6)] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(errors).toHaveLength(49);
    for (const err of errors) {
      expect(err).toBeInstanceOf(SeatsAlreadyBooked);
      expect((err as SeatsAlreadyBooked).seats).toEqual([6]);
    }
    const { rows } = await systemQuery(
      db,
      'SELECT seat_index FROM booking_seats WHERE event_id = $1 AND live',
      [event.id],
    );
    expect(rows).toEqual([{ seat_index: 6 }]);
  });

  it('reports an unreachable server as DbUnavailable', async () => {
    const url = new URL(databaseUrl());
    url.port = '1';
    // openDb connects at once (it prepares the runtime role); a pool opened earlier maps its
    // failures the same way.
    await expect(openDb({ databaseUrl: url.toString() })).rejects.toBeInstanceOf(DbUnavailable);
    const down = openPgDb(url.toString());
    try {
      await expect(down.query('SELECT 1')).rejects.toBeInstanceOf(DbUnavailable);
      await expect(down.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(
        DbUnavailable,
      );
    } finally {
      await down.close();
    }
  });
});
