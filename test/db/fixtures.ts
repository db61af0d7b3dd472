// Shared setup for the persistence suites: a migrated database per test file and a small
// published map with an event on it, created in a fresh organisation per test.
import type { Db, QueryResult } from '../../engine/src/db/db.ts';
import { AS_CONNECTING_USER } from '../../engine/src/db/runtime-role.ts';
import { createEvent, type EventRecord } from '../../engine/src/events/repo.ts';
import { createSeatmap, publishVersion } from '../../engine/src/maps/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';

/** Opens a migrated database for one test file; `drop` removes everything it created. */
export type OpenTestDb = () => Promise<{ db: Db; drop: () => Promise<void> }>;

export const SEATS = 10;

/** A seat-map document shaped enough for storage tests (the repos store it verbatim). */
export const doc = (label: string) => ({ schemaVersion: 1, name: label, sections: [] });

export const layout = (n = SEATS) => ({
  seatIds: Array.from({ length: n }, (_, i) => `s${i}`),
  gaAreas: [{ id: 'floor', capacity: 100, category: 'GA' }],
});

export interface World {
  orgId: string;
  seatmapId: string;
  event: EventRecord;
}

/** A new organisation with a published 10-seat map and an on-sale event priced A/B. */
export async function world(db: Db): Promise<World> {
  const org = await createOrganisation(db, { name: 'Test house' });
  const map = await createSeatmap(db, { orgId: org.id, name: 'Hall', draft: doc('v1') });
  await publishVersion(db, org.id, map.id, {
    document: doc('v1'),
    seatCount: SEATS,
    layout: layout(),
  });
  const event = await createEvent(db, {
    orgId: org.id,
    name: 'Première',
    seatmapId: map.id,
    startsAt: new Date('2027-01-01T19:30:00Z'),
    prices: [
      { category: 'A', amount: 5000, currency: 'EUR' },
      { category: 'B', amount: 3000, currency: 'EUR' },
    ],
  });
  return { orgId: org.id, seatmapId: map.id, event };
}

/**
 * Runs DDL as the connecting user: the engine's connections run as the runtime role, which may
 * read and write the tables but not create or drop anything.
 */
export const asOwner = (db: Db, sql: string): Promise<void> =>
  db.transaction((tx) => tx.exec(`${AS_CONNECTING_USER}; ${sql}`));

/** One statement across every organisation (row-level security lets system work through). */
export const systemQuery = <T>(
  db: Db,
  sql: string,
  params?: readonly unknown[],
): Promise<QueryResult<T>> => db.transaction((tx) => tx.query<T>(sql, params), { system: true });

/** A seat line for createBooking. */
export const seat = (index: number, category = 'A', amount = 5000) => ({
  index,
  category,
  amount,
});
