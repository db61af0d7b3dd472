// Event setup over REST: the on-sale window (public holds refused outside it with SALES_CLOSED),
// open/close sales now, PATCH, duplicate, and the event list's sell-through counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
let key: string;
beforeAll(async () => {
  api = await startApi();
  key = api.seeded.secretKey;
});
afterAll(async () => {
  await api?.close();
});

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function newEvent(body: Record<string, unknown> = {}) {
  const res = await api.call('POST', '/api/v1/events', {
    key,
    body: {
      name: 'Window night',
      seatmapId: api.seeded.seatmapId,
      startsAt: iso(Date.now() + 48 * hour),
      prices: [{ category: 'A', amount: 4000, currency: 'EUR' }],
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; onSale: boolean; salesOpensAt: string | null };
}

const publicHold = (eventId: string, seat: string) =>
  api.call('POST', `/api/v1/events/${eventId}/holds`, {
    key: api.seeded.publicKey,
    body: { seats: [seat] },
  });

describe('the on-sale window', () => {
  it('refuses public holds before the opening, naming it; the box office still holds', async () => {
    const opens = Date.now() + hour;
    const ev = await newEvent({ salesOpensAt: iso(opens), salesClosesAt: iso(opens + 24 * hour) });
    expect(ev).toMatchObject({ onSale: false, salesOpensAt: iso(opens) });
    const refused = expectProblem(await publicHold(ev.id, 'R1-1'), 409, 'SALES_CLOSED');
    expect(refused.detail).toContain(`open at ${iso(opens)}`);
    const counter = await api.call('POST', `/api/v1/events/${ev.id}/holds`, {
      key,
      body: { seats: ['R1-1'] },
    });
    expect(counter.status).toBe(200);
  });

  it('refuses public holds after the close', async () => {
    const ev = await newEvent({
      salesOpensAt: iso(Date.now() - 2 * hour),
      salesClosesAt: iso(Date.now() - hour),
    });
    expect(ev.onSale).toBe(false);
    expect(expectProblem(await publicHold(ev.id, 'R1-1'), 409, 'SALES_CLOSED').detail).toContain(
      'ended at',
    );
  });

  it('refuses a window that closes before it opens, creating nothing', async () => {
    const before = (await api.call('GET', '/api/v1/events', { key })).body.events.length;
    const res = await api.call('POST', '/api/v1/events', {
      key,
      body: {
        name: 'Backwards',
        seatmapId: api.seeded.seatmapId,
        startsAt: iso(Date.now() + hour),
        salesOpensAt: iso(Date.now() + 2 * hour),
        salesClosesAt: iso(Date.now() + hour),
      },
    });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').fields).toHaveProperty('salesClosesAt');
    expect((await api.call('GET', '/api/v1/events', { key })).body.events).toHaveLength(before);
  });
});

describe('open and close sales now', () => {
  it('opens a window in the future at once, and closes it again at once', async () => {
    const ev = await newEvent({ salesOpensAt: iso(Date.now() + 5 * hour) });
    expectProblem(await publicHold(ev.id, 'R1-2'), 409, 'SALES_CLOSED');
    const opened = await api.call('POST', `/api/v1/events/${ev.id}/open`, { key });
    expect(opened.status).toBe(200);
    expect(opened.body.onSale).toBe(true);
    expect(Date.parse(opened.body.salesOpensAt)).toBeLessThanOrEqual(Date.now());
    expect((await publicHold(ev.id, 'R1-2')).status).toBe(200);
    const closed = await api.call('POST', `/api/v1/events/${ev.id}/close`, { key });
    expect(closed.body).toMatchObject({ onSale: false, salesOpen: false });
    // The cached event row was dropped: the very next public hold is refused.
    expectProblem(await publicHold(ev.id, 'R1-3'), 409, 'SALES_CLOSED');
  });

  it('answers 404 for another organisation’s event and for public keys 403', async () => {
    const ev = await newEvent();
    expectProblem(
      await api.call('POST', `/api/v1/events/${ev.id}/close`, { key: api.otherSecretKey }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.call('POST', `/api/v1/events/${ev.id}/close`, { key: api.seeded.publicKey }),
      403,
      'FORBIDDEN',
    );
    expect((await api.call('GET', `/api/v1/events/${ev.id}`, { key })).body.salesOpen).toBe(true);
  });
});

describe('PATCH /events/:id', () => {
  it('changes only what it names; prices replace all prices', async () => {
    const ev = await newEvent();
    const res = await api.call('PATCH', `/api/v1/events/${ev.id}`, {
      key,
      body: {
        name: 'Renamed',
        holdTtlSeconds: 300,
        prices: [
          { category: 'A', amount: 4500, currency: 'EUR' },
          { category: 'A', priceType: 'child', amount: 1000, currency: 'EUR' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', holdTtlSeconds: 300, salesOpen: true });
    expect(res.body.prices).toEqual([
      { category: 'A', priceType: 'child', amount: 1000, currency: 'EUR' },
      { category: 'A', priceType: 'full', amount: 4500, currency: 'EUR' },
    ]);
    const got = await api.call('GET', `/api/v1/events/${ev.id}`, { key });
    expect(got.body).toEqual(res.body);
  });

  it('refuses an unknown category, a backwards window and an empty body, changing nothing', async () => {
    const ev = await newEvent();
    const before = (await api.call('GET', `/api/v1/events/${ev.id}`, { key })).body;
    const badPrice = await api.call('PATCH', `/api/v1/events/${ev.id}`, {
      key,
      body: { name: 'X', prices: [{ category: 'Z', amount: 1, currency: 'EUR' }] },
    });
    expect(expectProblem(badPrice, 400, 'VALIDATION_FAILED').fields).toHaveProperty(
      'prices[0].category',
    );
    const backwards = await api.call('PATCH', `/api/v1/events/${ev.id}`, {
      key,
      body: { salesClosesAt: iso(Date.now() - 10 * hour), salesOpensAt: iso(Date.now()) },
    });
    expectProblem(backwards, 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.call('PATCH', `/api/v1/events/${ev.id}`, { key, body: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await api.call('GET', `/api/v1/events/${ev.id}`, { key })).body).toEqual(before);
    expectProblem(
      await api.call('PATCH', `/api/v1/events/${ev.id}`, {
        key: api.otherSecretKey,
        body: { name: 'Stolen' },
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('duplicate and the event list', () => {
  it('copies settings and prices, not bookings; refuses an empty request', async () => {
    const { eventId } = api.seeded;
    const booked = await api.call('POST', `/api/v1/events/${eventId}/book`, {
      key,
      body: { seats: ['R1-5', 'R3-5'] },
    });
    expect(booked.status).toBe(201);
    const copy = await api.call('POST', `/api/v1/events/${eventId}/duplicate`, {
      key,
      body: { startsAt: iso(Date.now() + 96 * hour) },
    });
    expect(copy.status).toBe(201);
    const source = (await api.call('GET', `/api/v1/events/${eventId}`, { key })).body;
    expect(copy.body.id).not.toBe(eventId);
    expect(copy.body).toMatchObject({
      name: `${source.name} (copy)`,
      seatmapVersion: source.seatmapVersion,
      holdTtlSeconds: source.holdTtlSeconds,
      prices: source.prices,
      epoch: 0,
    });
    const list = (await api.call('GET', '/api/v1/events', { key })).body.events as {
      id: string;
      sales: { sold: number; capacity: number; revenue: unknown[]; sellThrough: number };
    }[];
    const original = list.find((e) => e.id === eventId)!;
    const copied = list.find((e) => e.id === copy.body.id)!;
    // 4 rows × 10 seats + 50 standing; R1-5 is category A (5000), R3-5 category B (3000).
    expect(original.sales).toMatchObject({
      capacity: 90,
      sold: 2,
      bookings: 1,
      blocked: 0,
      revenue: [{ currency: 'EUR', amount: 8000 }],
    });
    expect(original.sales.sellThrough).toBeCloseTo(2 / 90);
    expect(copied.sales).toMatchObject({ sold: 0, revenue: [], sellThrough: 0 });
    const before = (await api.call('GET', '/api/v1/events', { key })).body.events.length;
    const empty = await api.call('POST', `/api/v1/events/${eventId}/duplicate`, {
      key,
      raw: '',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(empty, 400, 'VALIDATION_FAILED');
    expect((await api.call('GET', '/api/v1/events', { key })).body.events).toHaveLength(before);
    expectProblem(
      await api.call('POST', `/api/v1/events/${eventId}/duplicate`, {
        key: api.otherSecretKey,
        body: {},
      }),
      404,
      'NOT_FOUND',
    );
  });
});
