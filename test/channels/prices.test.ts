// A channel's own prices are checked like the event's (PATCH /events/:id): each names a category
// of the event's map version, once per price type. A bad one answers 400 naming the field and
// creates no channel. REST API on real Postgres and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../api/harness.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
beforeAll(async () => {
  w = await startChannelWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const create = (prices: unknown[]) =>
  w.call('POST', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
    body: { kind: 'partner', name: 'Partner', partnerOrgId: w.partner.orgId, prices },
  });

const channelCount = async () =>
  (await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey })).channels
    .length as number;

describe('channel prices', () => {
  it('refuses a category the map does not have, creating nothing', async () => {
    const res = await create([
      { category: 'A', amount: 4000, currency: 'EUR' },
      { category: 'VIP', amount: 9000, currency: 'EUR' },
    ]);
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.fields).toEqual({
      'prices[1].category': 'unknown category "VIP"; the map has "A", "B"',
    });
    expect(problem.detail).toContain('prices[1].category');
    expect(await channelCount()).toBe(0);
  });

  it('refuses a second price of one category and price type, creating nothing', async () => {
    const res = await create([
      { category: 'A', amount: 4000, currency: 'EUR' },
      { category: 'A', priceType: 'full', amount: 3000, currency: 'EUR' },
    ]);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.fields).toEqual({ 'prices[1]': 'a second full price for category "A"' });
    expect(await channelCount()).toBe(0);
  });

  it('accepts prices of the map, one per category and price type', async () => {
    const res = await create([
      { category: 'A', amount: 4000, currency: 'EUR' },
      { category: 'A', priceType: 'reduced', amount: 3000, currency: 'EUR' },
      { category: 'B', amount: 2000, currency: 'EUR' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.prices).toHaveLength(3);
    expect(await channelCount()).toBe(1);
  });
});
