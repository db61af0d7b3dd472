// Sharing an event through channels, over the REST API on real Postgres and Redis: a partner sells
// only its allocation at its own prices and sees only its own bookings; the owner's general sale
// never takes allocated seats; the owner reads sell-through per channel and releases unsold
// allocations back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../api/harness.ts';
import { deleteKeys } from '../support/engine.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
let channelId: string;
const R1 = ['R1-1', 'R1-2', 'R1-3', 'R1-4'];

beforeAll(async () => {
  w = await startChannelWorld();
  const channel = await w.ok('POST', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
    body: {
      kind: 'partner',
      name: 'Friends of the opera',
      partnerOrgId: w.partner.orgId,
      prices: [
        { category: 'A', amount: 4000, currency: 'EUR' },
        { category: 'B', amount: 2000, currency: 'EUR' },
      ],
    },
  });
  channelId = channel.id;
  expect(channel).toMatchObject({ kind: 'partner', seats: [], ga: [] });
  const allocated = await w.ok('POST', `/events/${w.eventId}/channels/${channelId}/allocate`, {
    key: w.owner.secretKey,
    body: { seats: R1, ga: [{ areaId: 'floor', quantity: 10 }] },
  });
  expect(allocated).toMatchObject({ seats: R1, ga: [{ areaId: 'floor', quantity: 10 }] });
}, 60_000);
afterAll(async () => {
  await w?.close();
});

describe('a partner organisation', () => {
  it('sees the shared event: layout, availability and its own channel', async () => {
    const layout = await w.ok('GET', `/events/${w.eventId}/layout`, { key: w.partner.publicKey });
    expect(layout.seats).toHaveLength(40);
    // Its storefront shows the channel's prices, the ones its bookings are charged.
    expect(layout.prices).toEqual([
      { category: 'A', priceType: 'full', amount: 4000, currency: 'EUR' },
      { category: 'B', priceType: 'full', amount: 2000, currency: 'EUR' },
    ]);
    await w.ok('GET', `/events/${w.eventId}/availability`, { key: w.partner.publicKey });
    const list = await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.partner.secretKey });
    expect(list.channels.map((c: { id: string }) => c.id)).toEqual([channelId]);
  });

  it('lists the events shared with it', async () => {
    const shared = await w.ok('GET', '/shared-events', { key: w.partner.secretKey });
    expect(shared.events).toEqual([
      expect.objectContaining({
        eventId: w.eventId,
        channelId,
        channelName: 'Friends of the opera',
      }),
    ]);
    const none = await w.ok('GET', '/shared-events', { key: w.stranger.secretKey });
    expect(none.events).toEqual([]);
  });

  it('holds and books its allocation at its own prices', async () => {
    const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R1-1', 'R1-2'] },
    });
    const booking = await w.ok('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { seats: ['R1-1', 'R1-2'], holdToken: hold.holdToken, orderRef: 'partner-order-1' },
    });
    expect(booking).toMatchObject({ seats: ['R1-1', 'R1-2'], amount: 8000, currency: 'EUR' });
  });

  it('cannot hold, book or best-available seats outside its allocation (409 NOT_IN_CHANNEL)', async () => {
    const before = await w.ok('GET', `/events/${w.eventId}/availability`, {
      key: w.owner.publicKey,
    });
    const hold = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R1-3', 'R2-1'] },
    });
    expect(expectProblem(hold, 409, 'NOT_IN_CHANNEL').seats).toEqual(['R2-1']);
    const book = await w.call('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { seats: ['R4-10'] },
    });
    expectProblem(book, 409, 'NOT_IN_CHANNEL');
    const ga = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { ga: [{ areaId: 'floor', quantity: 11 }] },
    });
    expectProblem(ga, 409, 'NOT_IN_CHANNEL');
    // Two of its four seats are sold: three more cannot be found.
    const best = await w.call('POST', `/events/${w.eventId}/holds/best-available`, {
      key: w.partner.publicKey,
      body: { quantity: 3, together: false },
    });
    expectProblem(best, 409, 'SEATS_UNAVAILABLE');
    const after = await w.ok('GET', `/events/${w.eventId}/availability`, {
      key: w.owner.publicKey,
    });
    expect(after.seq).toBe(before.seq);
  });

  it('may not name another channel, manage channels or block seats', async () => {
    const other = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R1-3'], channelId: 'ch_doesnotexist' },
    });
    expectProblem(other, 404, 'NOT_FOUND');
    const create = await w.call('POST', `/events/${w.eventId}/channels`, {
      key: w.partner.secretKey,
      body: { kind: 'online', name: 'mine' },
    });
    expectProblem(create, 403, 'FORBIDDEN');
    const release = await w.call('POST', `/events/${w.eventId}/channels/${channelId}/release`, {
      key: w.partner.secretKey,
      body: {},
    });
    expectProblem(release, 403, 'FORBIDDEN');
    const block = await w.call('POST', `/events/${w.eventId}/block`, {
      key: w.partner.secretKey,
      body: { seats: ['R1-3'], reason: 'mine' },
    });
    expectProblem(block, 403, 'FORBIDDEN');
    const sellThrough = await w.call('GET', `/events/${w.eventId}/channels/sell-through`, {
      key: w.partner.secretKey,
    });
    expectProblem(sellThrough, 403, 'FORBIDDEN');
  });

  it("sees neither the owner's bookings nor the owner's report (404 like a missing id)", async () => {
    const own = await w.ok('POST', `/events/${w.eventId}/book`, {
      key: w.owner.secretKey,
      body: { seats: ['R4-1'], orderRef: 'owner-order-1' },
    });
    const cancel = await w.call('POST', `/events/${w.eventId}/cancel`, {
      key: w.partner.secretKey,
      body: { bookingId: own.bookingId },
    });
    const missing = await w.call('POST', `/events/${w.eventId}/cancel`, {
      key: w.partner.secretKey,
      body: { bookingId: 'bk_11111111111111111111' },
    });
    expectProblem(cancel, 404, 'NOT_FOUND');
    expect(missing.status).toBe(404);
    const report = await w.call('GET', `/events/${w.eventId}/report?by=status`, {
      key: w.partner.secretKey,
    });
    expectProblem(report, 404, 'NOT_FOUND');
  });
});

describe('the owner', () => {
  it('never sells allocated seats in the general sale', async () => {
    const hold = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.owner.publicKey,
      body: { seats: ['R1-3'] },
    });
    expect(expectProblem(hold, 409, 'NOT_IN_CHANNEL').seats).toEqual(['R1-3']);
    // 40 seats, 4 allocated, R4-1 booked: 35 left for general sale, all found but no R1 seat.
    const best = await w.ok('POST', `/events/${w.eventId}/holds/best-available`, {
      key: w.owner.publicKey,
      body: { quantity: 35, together: false },
    });
    expect(best.seats.filter((s: string) => R1.includes(s))).toEqual([]);
    await w.ok('POST', `/events/${w.eventId}/release`, {
      key: w.owner.publicKey,
      body: { holdToken: best.holdToken },
    });
    const more = await w.call('POST', `/events/${w.eventId}/holds/best-available`, {
      key: w.owner.publicKey,
      body: { quantity: 36, together: false },
    });
    expectProblem(more, 409, 'SEATS_UNAVAILABLE');
  });

  it("cannot cancel the partner's booking (404) and sees sell-through per channel", async () => {
    const res = await w.call('GET', `/events/${w.eventId}/channels/sell-through`, {
      key: w.owner.secretKey,
    });
    expect(res.status).toBe(200);
    const byId = new Map(
      res.body.channels.map((c: { channelId: string | null }) => [c.channelId, c]),
    );
    expect(byId.get(channelId)).toMatchObject({
      kind: 'partner',
      allocated: { seats: 4, ga: [{ areaId: 'floor', quantity: 10 }] },
      sold: { bookings: 1, seats: 2, ga: 0, revenue: [{ currency: 'EUR', amount: 8000 }] },
    });
    expect(byId.get(null)).toMatchObject({
      kind: 'general',
      allocated: { seats: 36, ga: [{ areaId: 'floor', quantity: 40 }] },
      sold: { bookings: 1, seats: 1, revenue: [{ currency: 'EUR', amount: 3000 }] },
    });
    // Numbers only: nothing of the partner's orders.
    expect(JSON.stringify(res.body)).not.toContain('partner-order-1');
  });

  it('fences standing places per channel in Postgres', async () => {
    await w.ok('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { ga: [{ areaId: 'floor', quantity: 10 }] },
    });
    const over = await w.call('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { ga: [{ areaId: 'floor', quantity: 1 }] },
    });
    expectProblem(over, 409, 'GA_UNAVAILABLE');
    const general = await w.call('POST', `/events/${w.eventId}/book`, {
      key: w.owner.secretKey,
      body: { ga: [{ areaId: 'floor', quantity: 41 }] },
    });
    expectProblem(general, 409, 'NOT_IN_CHANNEL');
  });

  it('releases unsold allocations back to the general sale', async () => {
    const released = await w.ok('POST', `/events/${w.eventId}/channels/${channelId}/release`, {
      key: w.owner.secretKey,
      body: {},
    });
    expect(released).toEqual({
      seats: ['R1-3', 'R1-4'],
      ga: [],
      kept: { seats: ['R1-1', 'R1-2'] },
    });
    const refused = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R1-3'] },
    });
    expectProblem(refused, 409, 'NOT_IN_CHANNEL');
    const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
      key: w.owner.publicKey,
      body: { seats: ['R1-3', 'R1-4'] },
    });
    expect(hold.seats).toEqual(['R1-3', 'R1-4']);
    await w.ok('POST', `/events/${w.eventId}/release`, {
      key: w.owner.publicKey,
      body: { holdToken: hold.holdToken },
    });
  });

  it("keeps the partner's sales when Redis loses the event and it is rebuilt", async () => {
    await deleteKeys(w.api.engine.prefix);
    const live = await w.ok('GET', `/events/${w.eventId}/availability`, { key: w.owner.publicKey });
    expect(live.seats['R1-1']).toBe('booked');
    expect(live.seats['R1-2']).toBe('booked');
    expect(live.ga).toEqual([expect.objectContaining({ areaId: 'floor', booked: 10 })]);
  });

  it('refuses to allocate seats that are not free', async () => {
    const res = await w.call('POST', `/events/${w.eventId}/channels/${channelId}/allocate`, {
      key: w.owner.secretKey,
      body: { seats: ['R4-1', 'R4-2'] },
    });
    expect(expectProblem(res, 409, 'SEATS_UNAVAILABLE').seats).toEqual(['R4-1']);
  });
});

describe('an organisation the event is not shared with', () => {
  it('sees nothing of it: 404 like a missing event', async () => {
    for (const path of ['/layout', '/availability', '/channels']) {
      const res = await w.call('GET', `/events/${w.eventId}${path}`, {
        key: w.stranger.secretKey,
      });
      expectProblem(res, 404, 'NOT_FOUND');
    }
    const hold = await w.call('POST', `/events/${w.eventId}/holds`, {
      key: w.stranger.publicKey,
      body: { seats: ['R2-5'] },
    });
    expectProblem(hold, 404, 'NOT_FOUND');
  });
});
