// The policies and functions of 0007_channels.sql, on real Postgres and on PGlite, as the runtime
// role: a partner reads the shared event, its prices, its own channel and that channel's
// allocations, and nothing else of the owner; the cross-organisation functions answer numbers to
// the organisations entitled to them and nothing to anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAllocations, createChannel } from '../../engine/src/channels/repo.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { createBooking } from '../../engine/src/orders/repo.ts';
import { seat } from '../db/fixtures.ts';
import { openTestDb, tenant, type Adapter, type Tenant } from '../tenancy/world.ts';

const asOrg = <T>(db: Db, orgId: string, fn: (tx: Db) => Promise<T>) =>
  db.transaction(fn, { orgId });

describe.each<Adapter>(['postgres', 'pglite'])('channel policies on %s', (adapter) => {
  let db: Db;
  let drop: () => Promise<void>;
  let owner: Tenant;
  let partner: Tenant;
  let stranger: Tenant;
  let channelId: string;
  let partnerBooking: string;

  beforeAll(async () => {
    ({ db, drop } = await openTestDb(adapter));
    owner = await tenant(db);
    partner = await tenant(db);
    stranger = await tenant(db);
    const channel = await createChannel(db, {
      orgId: owner.orgId,
      eventId: owner.eventId,
      kind: 'partner',
      name: 'Partner',
      partnerOrgId: partner.orgId,
    });
    channelId = channel!.id;
    await asOrg(db, owner.orgId, (tx) =>
      addAllocations(tx, channel!, [8, 9], [{ areaId: 'floor', quantity: 4 }]),
    );
    const booking = await createBooking(db, {
      orgId: partner.orgId,
      eventId: owner.eventId,
      channelId,
      currency: 'EUR',
      seats: [seat(8)],
      ga: [{ areaId: 'floor', quantity: 2, category: 'GA', amount: 4000, capacity: 50 }],
    });
    partnerBooking = booking.id;
  });

  afterAll(() => drop());

  it('shows the partner the shared event, its prices, its channel and allocations only', async () => {
    const seen = await asOrg(db, partner.orgId, async (tx) => ({
      events: (await tx.query('SELECT id FROM events WHERE id = $1', [owner.eventId])).rows,
      prices: (await tx.query('SELECT category FROM prices WHERE event_id = $1', [owner.eventId]))
        .rows.length,
      channels: (await tx.query('SELECT id FROM channels WHERE event_id = $1', [owner.eventId]))
        .rows,
      allocations: (
        await tx.query<{ seat_index: number | null }>(
          'SELECT seat_index FROM channel_allocations WHERE event_id = $1 ORDER BY seat_index',
          [owner.eventId],
        )
      ).rows.map((r) => r.seat_index),
      ownerBookings: (await tx.query('SELECT id FROM bookings WHERE org_id = $1', [owner.orgId]))
        .rows,
      ownerSeats: (await tx.query('SELECT 1 FROM booking_seats WHERE org_id = $1', [owner.orgId]))
        .rows,
    }));
    expect(seen).toEqual({
      events: [{ id: owner.eventId }],
      prices: 2,
      channels: [{ id: channelId }],
      allocations: [8, 9, null],
      ownerBookings: [],
      ownerSeats: [],
    });
  });

  it("keeps the partner's bookings from the owner and shows a stranger nothing", async () => {
    const ownerSees = await asOrg(db, owner.orgId, (tx) =>
      tx.query('SELECT id FROM bookings WHERE id = $1', [partnerBooking]),
    );
    expect(ownerSees.rows).toEqual([]);
    const strangerSees = await asOrg(db, stranger.orgId, async (tx) => [
      ...(await tx.query('SELECT id FROM events WHERE id = $1', [owner.eventId])).rows,
      ...(await tx.query('SELECT id FROM channels WHERE event_id = $1', [owner.eventId])).rows,
      ...(await tx.query('SELECT 1 FROM channel_allocations WHERE event_id = $1', [owner.eventId]))
        .rows,
      ...(await tx.query('SELECT 1 FROM prices WHERE event_id = $1', [owner.eventId])).rows,
    ]);
    expect(strangerSees).toEqual([]);
  });

  it('lets only the owner change channels and allocations', async () => {
    const write = asOrg(db, partner.orgId, (tx) =>
      tx.query(
        `INSERT INTO channel_allocations (channel_id, event_id, org_id, partner_org_id, seat_index)
         VALUES ($1, $2, $3, $4, 6)`,
        [channelId, owner.eventId, owner.orgId, partner.orgId],
      ),
    );
    await expect(write).rejects.toThrow(/row-level security/);
    const changed = await asOrg(db, partner.orgId, async (tx) => [
      (await tx.query('UPDATE channels SET name = $1 WHERE id = $2', ['mine', channelId])).rowCount,
      (await tx.query('DELETE FROM channel_allocations WHERE channel_id = $1', [channelId]))
        .rowCount,
      (await tx.query('UPDATE events SET name = $1 WHERE id = $2', ['x', owner.eventId])).rowCount,
    ]);
    expect(changed).toEqual([0, 0, 0]);
  });

  it('answers the cross-organisation numbers to the entitled organisations only', async () => {
    const through = (orgId: string) =>
      asOrg(db, orgId, (tx) =>
        tx.query<{ channel_id: string | null; seats: number; ga: number }>(
          'SELECT channel_id, seats, ga FROM parterre_sell_through($1) ORDER BY channel_id',
          [owner.eventId],
        ),
      );
    expect((await through(owner.orgId)).rows).toEqual([
      { channel_id: channelId, seats: 1, ga: 2 },
      { channel_id: null, seats: 2, ga: 2 },
    ]);
    expect((await through(partner.orgId)).rows).toEqual([]);
    expect((await through(stranger.orgId)).rows).toEqual([]);
    const ga = (orgId: string) =>
      asOrg(db, orgId, (tx) =>
        tx.query('SELECT channel_id, taken, allocated FROM parterre_ga_taken($1, $2)', [
          owner.eventId,
          'floor',
        ]),
      );
    expect((await ga(partner.orgId)).rows).toHaveLength(3);
    expect((await ga(stranger.orgId)).rows).toEqual([]);
    const sold = await asOrg(db, partner.orgId, (tx) =>
      tx.query('SELECT * FROM parterre_channel_sold($1, $2)', [owner.eventId, channelId]),
    );
    expect(sold.rows).toEqual([]);
  });

  it('turns the bypass off again when a function returns', async () => {
    const after = await asOrg(db, owner.orgId, async (tx) => {
      await tx.query('SELECT * FROM parterre_sell_through($1)', [owner.eventId]);
      return (await tx.query('SELECT count(*)::int AS n FROM bookings')).rows[0];
    });
    // Only the owner's own booking from tenancy/world.ts: not the partner's.
    expect(after).toEqual({ n: 1 });
  });
});
