// Group bookings and sales channels over real Postgres and Redis: the owner's group search skips
// seats allocated to a channel, a partner's group is seated in the partner's allocation, and the
// group's name is written in the booking's transaction (a failed name write books nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { AS_CONNECTING_USER } from '../../engine/src/db/runtime-role.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { GroupBookings } from '../../engine/src/series/groups.ts';
import type { Principal } from '../../engine/src/errors.ts';
import { seedEvent, testEngine, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';

let engine: TestEngine;
let groups: GroupBookings;

beforeAll(async () => {
  engine = await testEngine();
  const { db, store, holds, orders } = engine.ctx;
  groups = new GroupBookings({ db, store, holds, orders });
});
afterAll(async () => {
  await engine?.dispose();
});

const row = (r: number, n = 10) => Array.from({ length: n }, (_, i) => `R${r}-${i + 1}`);

describe('group bookings and channels', () => {
  it('seat the owner’s group outside the seats allocated to a channel', async () => {
    const { ctx } = engine;
    const s = await seedEvent(ctx);
    const counter = await ctx.channels.create(s.secret, s.eventId, {
      kind: 'boxoffice',
      name: 'Counter',
    });
    await ctx.channels.allocate(s.secret, s.eventId, counter.id, { seats: [...row(1), ...row(2)] });
    const booked = await groups.book(s.secret, s.eventId, { groupName: 'Class 3a', quantity: 4 });
    expect(booked.seats).toHaveLength(4);
    expect(booked.seats.every((id) => !id.startsWith('R1-') && !id.startsWith('R2-'))).toBe(true);
  });

  it('seat a partner’s group in the partner’s allocation', async () => {
    const { ctx } = engine;
    const s = await seedEvent(ctx);
    const partnerOrg = await createOrganisation(ctx.db, { name: uniqueName('partner') });
    const partner: Principal = { orgId: partnerOrg.id, kind: 'secret', keyId: 'k_partner' };
    const channel = await ctx.channels.create(s.secret, s.eventId, {
      kind: 'partner',
      name: 'Schools office',
      partnerOrgId: partnerOrg.id,
    });
    const allocated = row(3, 6);
    await ctx.channels.allocate(s.secret, s.eventId, channel.id, { seats: allocated });
    ctx.catalog.invalidate(s.eventId);
    const booked = await groups.book(partner, s.eventId, { groupName: 'Class 5c', quantity: 4 });
    expect(booked.seats.every((id) => allocated.includes(id))).toBe(true);
    const listed = await groups.list(partner, s.eventId);
    expect(listed.groups.map((g) => g.groupName)).toEqual(['Class 5c']);
    // More than the allocation holds: refused, though the general pool has room.
    await expect(
      groups.book(partner, s.eventId, { groupName: 'Too big', quantity: 3 }),
    ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
  });

  it('book nothing when the group’s name cannot be written', async () => {
    const { ctx } = engine;
    const s = await seedEvent(ctx);
    // A real Postgres failure of the name's INSERT, after the booking's rows are written.
    await ctx.db.transaction(
      async (tx) => {
        await tx.exec(AS_CONNECTING_USER);
        await tx.exec(`CREATE FUNCTION refuse_group() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.group_name = 'Refused' THEN RAISE EXCEPTION 'no such group'; END IF;
          RETURN NEW; END $$`);
        await tx.exec(`CREATE TRIGGER refuse_group BEFORE INSERT ON booking_groups
          FOR EACH ROW EXECUTE FUNCTION refuse_group()`);
      },
      { system: true },
    );
    await expect(
      groups.book(s.secret, s.eventId, { groupName: 'Refused', quantity: 4 }),
    ).rejects.toThrow();
    const audit = await listAudit(ctx.db, s.orgId);
    expect(audit.map((e) => e.action)).toEqual([]);
    const availability = await ctx.holds.availability(s.secret, s.eventId);
    expect(availability.counts).toMatchObject({ held: 0, booked: 0 });
    expect((await groups.list(s.secret, s.eventId)).groups).toEqual([]);
  });
});
