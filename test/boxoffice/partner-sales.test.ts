// Partner sales in the owner's box office, over real Postgres and Redis: what a partner sells
// through the event's channel is in the owner's feed (marked with the channel's name, without the
// partner's booking id or order reference), velocity and first-sold order, both when the board
// loads and when it refreshes; the partner's own board shows nothing of the owner's sales.
import type { BoxOfficeFeedItem } from '@parterre/seatmaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ATTENDANCE } from '../../engine/src/boxoffice/attendance.ts';
import { EventBoard } from '../../engine/src/boxoffice/board.ts';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import type { Principal } from '../../engine/src/errors.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { seedPartnerChannel } from '../support/partner-channel.ts';

let engine: TestEngine;
let owner: SeededEvent;
let partner: Principal;

const PARTNER_REF = 'PARTNER-CUSTOMER-4711';

beforeAll(async () => {
  engine = await testEngine();
  const { ctx } = engine;
  owner = await seedEvent(ctx);
  partner = await seedPartnerChannel(ctx, owner, {
    seats: ['R1-1', 'R1-2', 'R1-3'],
    ga: [{ areaId: 'floor', quantity: 5 }],
  });
});
afterAll(async () => {
  await engine?.dispose();
});

const boardOf = async (orgId: string) => {
  const { ctx } = engine;
  const deps = {
    db: ctx.db,
    store: ctx.store,
    catalog: ctx.catalog,
    attendance: () => NO_ATTENDANCE,
  };
  const board = new EventBoard(deps, orgId, owner.eventId);
  await board.load();
  return board;
};

const indexOf = (seat: string) =>
  engine.ctx.catalog.get(owner.orgId, owner.eventId).then((e) => e.layout.indexById.get(seat)!);
const total = (perMinute: number[]) => perMinute.reduce((a, b) => a + b, 0);
const sales = (feed: BoxOfficeFeedItem[]) => feed.filter((i) => i.kind === 'booking.created');

describe('partner sales in the owner’s box office', () => {
  it('are in the feed, velocity and heatmap when the board loads, without the partner’s reference', async () => {
    const { ctx } = engine;
    const sold = await ctx.orders.book(partner, owner.eventId, {
      seats: ['R1-1'],
      ga: [{ areaId: 'floor', quantity: 2 }],
      orderRef: PARTNER_REF,
    });
    await ctx.orders.book(owner.secret, owner.eventId, {
      seats: ['R4-1'],
      ga: [],
      orderRef: 'OWN-1',
    });

    const snapshot = (await boardOf(owner.orgId)).snapshot();
    const [theirs, own] = sales(snapshot.feed);
    expect(theirs).toEqual({
      id: expect.stringMatching(/^a\d+$/),
      at: expect.any(Number),
      kind: 'booking.created',
      bookingId: '',
      count: 3,
      seats: [await indexOf('R1-1')],
      amount: expect.any(Number),
      currency: 'EUR',
      orderRef: null,
      channel: 'Agency',
    });
    expect(own).toMatchObject({ orderRef: 'OWN-1', count: 1 });
    expect(own).not.toHaveProperty('channel');
    expect(total(snapshot.velocity.perMinute)).toBe(4);
    expect(snapshot.soldOrder).toEqual([await indexOf('R1-1'), await indexOf('R4-1')]);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain(PARTNER_REF);
    expect(text).not.toContain(sold.body.bookingId);
    expect(text).not.toContain(partner.orgId);
  });

  it('reach a watching board with the next refresh', async () => {
    const { ctx } = engine;
    const board = await boardOf(owner.orgId);
    const before = total(board.snapshot().velocity.perMinute);
    await ctx.orders.book(partner, owner.eventId, {
      seats: ['R1-2', 'R1-3'],
      ga: [],
      orderRef: PARTNER_REF,
    });
    const result = await board.refresh({
      store: true,
      feed: true,
      attendance: false,
      event: false,
    });
    const stats = result?.stats;
    expect(sales(stats?.feed ?? [])).toEqual([
      expect.objectContaining({ channel: 'Agency', count: 2, bookingId: '', orderRef: null }),
    ]);
    expect(total(stats?.velocity?.perMinute ?? [])).toBe(before + 2);
    expect(stats?.soldFirst).toEqual([await indexOf('R1-2'), await indexOf('R1-3')]);
    expect(JSON.stringify(stats)).not.toContain(PARTNER_REF);
  });

  it('the partner’s board shows its own sales only, nothing of the owner’s', async () => {
    const snapshot = (await boardOf(partner.orgId)).snapshot();
    const feed = sales(snapshot.feed);
    expect(feed.map((i) => i.orderRef)).toEqual([PARTNER_REF, PARTNER_REF]);
    for (const item of feed) expect(item).not.toHaveProperty('channel');
    expect(total(snapshot.velocity.perMinute)).toBe(5);
    expect(snapshot.soldOrder).not.toContain(await indexOf('R4-1'));
    expect(JSON.stringify(snapshot)).not.toContain('OWN-1');
  });

  it('the functions answer nothing to the partner and leave the bypass off', async () => {
    const { db } = engine.ctx;
    const asPartner = await inOrg(db, partner.orgId, async (tx) => {
      const feed = await tx.query('SELECT * FROM parterre_partner_feed($1, NULL, 50)', [
        owner.eventId,
      ]);
      const history = await tx.query('SELECT * FROM parterre_partner_sales($1, $2)', [
        owner.eventId,
        new Date(0),
      ]);
      return feed.rows.length + history.rows.length;
    });
    expect(asPartner).toBe(0);
    const ownerSeesBookings = await inOrg(db, owner.orgId, async (tx) => {
      await tx.query('SELECT * FROM parterre_partner_feed($1, NULL, 50)', [owner.eventId]);
      await tx.query('SELECT * FROM parterre_partner_sales($1, $2)', [owner.eventId, new Date(0)]);
      const { rows } = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM bookings WHERE org_id = $1',
        [partner.orgId],
      );
      return rows[0]!.n;
    });
    expect(ownerSeesBookings).toBe(0);
  });
});
