// Two organisations with a row in every tenant table, for the tenancy suites, and the helpers that
// open a migrated database on either adapter and read what an organisation owns.
import pg from 'pg';
import { createApiKey, listApiKeys } from '../../engine/src/auth/repo.ts';
import { addAllocations, createChannel } from '../../engine/src/channels/repo.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { withIdempotency } from '../../engine/src/db/idempotency.ts';
import { migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { getEvent, liveState } from '../../engine/src/events/repo.ts';
import { getSeatmap, listVersions } from '../../engine/src/maps/repo.ts';
import { addBlocks, createBooking, getBooking } from '../../engine/src/orders/repo.ts';
import { createSeries, insertSubscription, recordGroup } from '../../engine/src/series/repo.ts';
import { issueTickets } from '../../engine/src/tickets/repo.ts';
import { seat, world } from '../db/fixtures.ts';
import { databaseUrl, uniqueName } from '../support/services.ts';

/** Every table whose rows belong to one organisation, with the column naming it. */
export const TENANT_TABLES = [
  ['organisations', 'id'],
  ['seatmaps', 'org_id'],
  ['seatmap_versions', 'org_id'],
  ['events', 'org_id'],
  ['prices', 'org_id'],
  ['bookings', 'org_id'],
  ['booking_seats', 'org_id'],
  ['booking_ga', 'org_id'],
  ['blocks', 'org_id'],
  ['idempotency_keys', 'org_id'],
  ['api_keys', 'org_id'],
  ['channels', 'org_id'],
  ['channel_allocations', 'org_id'],
  ['ticket_keys', 'org_id'],
  ['tickets', 'org_id'],
  ['series', 'org_id'],
  ['series_events', 'org_id'],
  ['subscriptions', 'org_id'],
  ['subscription_bookings', 'org_id'],
  ['booking_groups', 'org_id'],
] as const;

export type Adapter = 'postgres' | 'pglite';

/** A migrated database on the adapter; `drop` closes it and removes its schema. */
export async function openTestDb(adapter: Adapter): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (adapter === 'pglite') {
    const db = await openDb({});
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const schema = uniqueName('rls');
  const db = await openDb({ databaseUrl: databaseUrl(), schema });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const admin = new pg.Client({ connectionString: databaseUrl() });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The idempotency key `tenant()` stores for an organisation. */
export const idempotencyKeyOf = (orgId: string) => `book-${orgId}`;

/** What one organisation owns, in one place. */
export interface Tenant {
  orgId: string;
  seatmapId: string;
  eventId: string;
  bookingId: string;
  keyId: string;
}

/** An organisation with a row in every tenant table: map, version, event, prices, a booking with
 * seats and GA, a block, an idempotency key, an API key and a channel with seat 7 and 3 places. */
export async function tenant(db: Db): Promise<Tenant> {
  const { orgId, seatmapId, event } = await world(db);
  const booking = await createBooking(db, {
    orgId,
    eventId: event.id,
    currency: 'EUR',
    seats: [seat(1), seat(2)],
    ga: [{ areaId: 'floor', quantity: 2, category: 'GA', amount: 4000 }],
  });
  await addBlocks(db, orgId, event.id, [5], 'house seat');
  await withIdempotency(db, orgId, idempotencyKeyOf(orgId), 'hash', async () => ({
    statusCode: 201,
    body: { bookingId: booking.id },
  }));
  const key = await createApiKey(db, orgId, 'secret', 'server');
  const channel = await createChannel(db, {
    orgId,
    eventId: event.id,
    kind: 'boxoffice',
    name: 'Box',
  });
  await db.transaction(
    (tx) => addAllocations(tx, channel!, [7], [{ areaId: 'floor', quantity: 3 }]),
    {
      orgId,
    },
  );
  // Tickets (and the organisation's signing key), a series with a subscription, a group name.
  await issueTickets(db, booking);
  const seriesId = await createSeries(db, orgId, 'Season', [event.id]);
  await db.transaction(
    async (tx) => {
      const bookings = [{ eventId: event.id, bookingId: booking.id }];
      await insertSubscription(tx, { orgId, seriesId, seats: ['s1'], priceType: 'full', bookings });
      await recordGroup(tx, orgId, {
        bookingId: booking.id,
        eventId: event.id,
        groupName: 'Class',
      });
    },
    { orgId },
  );
  return { orgId, seatmapId, eventId: event.id, bookingId: booking.id, keyId: key.id };
}

/** Everything the repos show of a tenant, to compare before and after another one acted. */
export async function ownedBy(db: Db, t: Tenant) {
  return {
    map: await getSeatmap(db, t.orgId, t.seatmapId),
    versions: await listVersions(db, t.orgId, t.seatmapId),
    event: await getEvent(db, t.orgId, t.eventId),
    live: await liveState(db, t.orgId, t.eventId),
    booking: await getBooking(db, t.orgId, t.bookingId),
    keys: await listApiKeys(db, t.orgId),
  };
}
