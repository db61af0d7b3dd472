// Series, subscriptions and group bookings over the real API (Postgres + Redis): a subscription
// books one seat on every event of a series or nothing at all — also when buyers race for it —
// renewals keep the seats, and groups get one contiguous block per row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../engine/src/events/repo.ts';
import { createBooking } from '../../engine/src/orders/repo.ts';
import { availability, expectProblem, startApi, type ApiHarness } from '../api/harness.ts';

let api: ApiHarness;
let key: string;
let day = 1;

beforeAll(async () => {
  api = await startApi();
  key = api.seeded.secretKey;
}, 60_000);
afterAll(() => api?.close());

/** A new event of the seeded organisation on the same hall, a day after the previous one. */
async function newEvent(name = `Night ${day}`): Promise<string> {
  const event = await createEvent(api.engine.ctx.db, {
    orgId: api.seeded.orgId,
    name,
    seatmapId: api.seeded.seatmapId,
    startsAt: new Date(Date.now() + ++day * 86_400_000),
    holdTtlSeconds: 600,
    prices: [
      { category: 'A', amount: 5000, currency: 'EUR' },
      { category: 'B', amount: 3000, currency: 'EUR' },
      { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
      { category: 'B', priceType: 'reduced', amount: 1500, currency: 'EUR' },
    ],
  });
  return event.id;
}

async function newSeries(events: number) {
  const eventIds: string[] = [];
  for (let i = 0; i < events; i++) eventIds.push(await newEvent());
  const res = await api.call('POST', '/api/v1/series', {
    key,
    body: { name: `Season ${day}`, eventIds },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { seriesId: res.body.id as string, eventIds };
}

const subscribe = (seriesId: string, body: Record<string, unknown>) =>
  api.call('POST', `/api/v1/series/${seriesId}/subscriptions`, { key, body });

const statusOf = async (eventId: string, seat: string) =>
  (await availability(api, eventId)).seats[seat];

/** Live bookings of one seat of an event in Postgres. */
async function liveBookings(eventId: string, seat: string): Promise<string[]> {
  const [, row, n] = /^R(\d+)-(\d+)$/.exec(seat)!.map(Number) as [number, number, number];
  const index = (row - 1) * 10 + n - 1;
  const { rows } = await api.engine.ctx.db.transaction(
    (tx) =>
      tx.query<{ booking_id: string }>(
        'SELECT booking_id FROM booking_seats WHERE event_id = $1 AND seat_index = $2 AND live',
        [eventId, index],
      ),
    { orgId: api.seeded.orgId },
  );
  return rows.map((r) => r.booking_id);
}

describe('series', () => {
  it('groups events in date order; events are added and removed; unknown ids are 404', async () => {
    const first = await newEvent('First');
    const second = await newEvent('Second');
    const created = await api.call('POST', '/api/v1/series', {
      key,
      body: { name: 'Season 2027', eventIds: [second, first] },
    });
    expect(created.status).toBe(201);
    expect(created.body.events.map((e: { name: string }) => e.name)).toEqual(['First', 'Second']);
    const id = created.body.id as string;
    const third = await newEvent('Third');
    const added = await api.call('POST', `/api/v1/series/${id}/events`, {
      key,
      body: { eventId: third },
    });
    expect(added.body.events).toHaveLength(3);
    const removed = await api.call('DELETE', `/api/v1/series/${id}/events/${first}`, { key });
    expect(removed.body.events.map((e: { id: string }) => e.id)).toEqual([second, third]);
    expectProblem(
      await api.call('DELETE', `/api/v1/series/${id}/events/${first}`, { key }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.call('POST', `/api/v1/series/${id}/events`, {
        key,
        body: { eventId: 'ev_missing' },
      }),
      404,
      'NOT_FOUND',
    );
    const listed = await api.call('GET', '/api/v1/series', { key });
    expect(listed.body.series.map((s: { id: string }) => s.id)).toContain(id);
    expectProblem(
      await api.call('GET', `/api/v1/series/${id}`, { key: api.otherSecretKey }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('subscriptions', () => {
  it('book the same seats on every event of the series in one step', async () => {
    const { seriesId, eventIds } = await newSeries(3);
    const res = await subscribe(seriesId, {
      seats: ['R1-5', 'R1-6'],
      holder: 'M. Dupont',
      priceType: 'reduced',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      seriesId,
      seats: ['R1-5', 'R1-6'],
      holder: 'M. Dupont',
      priceType: 'reduced',
    });
    expect(res.body.bookings.map((b: { eventId: string }) => b.eventId)).toEqual(eventIds);
    for (const eventId of eventIds) {
      expect(await statusOf(eventId, 'R1-5')).toBe('booked');
      expect(await statusOf(eventId, 'R1-6')).toBe('booked');
      expect((await availability(api, eventId)).counts.held).toBe(0);
    }
    const read = await api.call('GET', `/api/v1/subscriptions/${res.body.id}`, { key });
    expect(read.body).toEqual(res.body);
    expectProblem(
      await api.call('GET', `/api/v1/subscriptions/${res.body.id}`, { key: api.otherSecretKey }),
      404,
      'NOT_FOUND',
    );
  });

  it('book nothing when one event’s seat is held by someone else, naming that event', async () => {
    const { seriesId, eventIds } = await newSeries(3);
    const visitor = await api.call('POST', `/api/v1/events/${eventIds[2]}/holds`, {
      key: api.seeded.publicKey,
      body: { seats: ['R1-7'] },
    });
    expect(visitor.status).toBe(200);
    const res = await subscribe(seriesId, { seats: ['R1-7', 'R1-8'] });
    const problem = expectProblem(res, 409, 'SEATS_UNAVAILABLE');
    expect(problem.detail).toContain(eventIds[2]);
    expect(problem.seats).toEqual(['R1-7']);
    for (const eventId of eventIds.slice(0, 2)) {
      expect(await statusOf(eventId, 'R1-7')).toBe('free');
      expect(await statusOf(eventId, 'R1-8')).toBe('free');
      expect(await liveBookings(eventId, 'R1-7')).toEqual([]);
    }
    expect(await statusOf(eventIds[2]!, 'R1-7')).toBe('held');
    expect(await statusOf(eventIds[2]!, 'R1-8')).toBe('free');
  });

  it('book nothing when Postgres already sold a seat the store still shows free, releasing every hold', async () => {
    const { seriesId, eventIds } = await newSeries(3);
    // Sold behind the store's back (as after a Redis failover): only the Postgres fence knows.
    await createBooking(api.engine.ctx.db, {
      orgId: api.seeded.orgId,
      eventId: eventIds[1]!,
      currency: 'EUR',
      seats: [{ index: 8, category: 'A', amount: 5000 }],
    });
    const res = await subscribe(seriesId, { seats: ['R1-9'] });
    expectProblem(res, 409, 'SEATS_UNAVAILABLE');
    for (const eventId of eventIds) {
      expect((await availability(api, eventId)).counts.held, eventId).toBe(0);
    }
    expect(await liveBookings(eventIds[0]!, 'R1-9')).toEqual([]);
    expect(await liveBookings(eventIds[2]!, 'R1-9')).toEqual([]);
    expect(await liveBookings(eventIds[1]!, 'R1-9')).toHaveLength(1);
  });

  it('refuse a seat id that one event’s map lacks, and a series without events', async () => {
    const { seriesId } = await newSeries(2);
    expectProblem(await subscribe(seriesId, { seats: ['R9-9'] }), 422, 'UNKNOWN_SEATS');
    const empty = await api.call('POST', '/api/v1/series', { key, body: { name: 'Empty' } });
    expectProblem(await subscribe(empty.body.id, { seats: ['R1-1'] }), 400, 'VALIDATION_FAILED');
  });

  it('racing for one seat: at most one subscription wins, losers leave no booking or hold on any event', async () => {
    const { seriesId, eventIds } = await newSeries(3);
    const seat = 'R2-3';
    const last = eventIds[2]!;
    const [subs, direct] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => subscribe(seriesId, { seats: [seat] }))),
      Promise.all(
        Array.from({ length: 4 }, () =>
          api.call('POST', `/api/v1/events/${last}/book`, { key, body: { seats: [seat] } }),
        ),
      ),
    ]);
    const won = subs.filter((r) => r.status === 201);
    for (const r of subs.filter((x) => x.status !== 201))
      expect(r.body.code).toBe('SEATS_UNAVAILABLE');
    expect(won.length).toBeLessThanOrEqual(1);
    const directWon = direct.filter((r) => r.status === 201);
    // The last event's seat went to exactly one buyer: the subscription or one direct sale.
    expect(won.length + directWon.length).toBe(1);
    const lastBookings = await liveBookings(last, seat);
    expect(lastBookings).toHaveLength(1);
    for (const eventId of eventIds.slice(0, 2)) {
      const booked = await liveBookings(eventId, seat);
      if (won.length) {
        expect(booked).toEqual([
          won[0]!.body.bookings.find((b: { eventId: string }) => b.eventId === eventId).bookingId,
        ]);
        expect(await statusOf(eventId, seat)).toBe('booked');
      } else {
        expect(booked).toEqual([]);
        expect(await statusOf(eventId, seat)).toBe('free');
      }
    }
    for (const eventId of eventIds) expect((await availability(api, eventId)).counts.held).toBe(0);
  });

  it('subscriptions for different seats all go through side by side', async () => {
    const { seriesId, eventIds } = await newSeries(2);
    const seats = ['R3-1', 'R3-2', 'R3-3', 'R3-4', 'R3-5'];
    const answers = await Promise.all(seats.map((s) => subscribe(seriesId, { seats: [s] })));
    expect(answers.map((a) => a.status)).toEqual(seats.map(() => 201));
    for (const eventId of eventIds) {
      for (const s of seats) expect(await statusOf(eventId, s)).toBe('booked');
    }
  });

  it('renew on next season with the same seats, once', async () => {
    const season1 = await newSeries(2);
    const first = await subscribe(season1.seriesId, {
      seats: ['R4-1', 'R4-2'],
      holder: 'Ana',
      orderRef: 'abo-1',
    });
    expect(first.status).toBe(201);
    const season2 = await newSeries(3);
    // A seat of next season already taken: the renewal books nothing.
    const taken = await api.call('POST', `/api/v1/events/${season2.eventIds[1]}/book`, {
      key,
      body: { seats: ['R4-2'] },
    });
    expect(taken.status).toBe(201);
    const refused = await api.call('POST', `/api/v1/subscriptions/${first.body.id}/renew`, {
      key,
      body: { seriesId: season2.seriesId },
    });
    expectProblem(refused, 409, 'SEATS_UNAVAILABLE');
    expect(await statusOf(season2.eventIds[0]!, 'R4-1')).toBe('free');
    await api.call('POST', `/api/v1/events/${season2.eventIds[1]}/cancel`, {
      key,
      body: { bookingId: taken.body.bookingId },
    });
    const renewed = await api.call('POST', `/api/v1/subscriptions/${first.body.id}/renew`, {
      key,
      body: { seriesId: season2.seriesId },
    });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    expect(renewed.body).toMatchObject({
      seriesId: season2.seriesId,
      seats: ['R4-1', 'R4-2'],
      holder: 'Ana',
      orderRef: 'abo-1',
      renewedFrom: first.body.id,
    });
    for (const eventId of season2.eventIds) expect(await statusOf(eventId, 'R4-2')).toBe('booked');
    const old = await api.call('GET', `/api/v1/subscriptions/${first.body.id}`, { key });
    expect(old.body.renewedBy).toBe(renewed.body.id);
    const again = await api.call('POST', `/api/v1/subscriptions/${first.body.id}/renew`, {
      key,
      body: { seriesId: (await newSeries(1)).seriesId },
    });
    expectProblem(again, 409, 'ALREADY_RENEWED');
  });
});

describe('renewals racing', () => {
  it('renew one subscription onto two seasons at once: one renewal, the other books nothing', async () => {
    const season = await newSeries(1);
    const sub = await subscribe(season.seriesId, { seats: ['R4-8'] });
    expect(sub.status).toBe(201);
    const [next1, next2] = [await newSeries(2), await newSeries(2)];
    const answers = await Promise.all(
      [next1, next2].map((s) =>
        api.call('POST', `/api/v1/subscriptions/${sub.body.id}/renew`, {
          key,
          body: { seriesId: s.seriesId },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const lost = answers.findIndex((a) => a.status === 409);
    expect(answers[lost]!.body.code).toBe('ALREADY_RENEWED');
    for (const eventId of [next1, next2][lost]!.eventIds) {
      expect(await liveBookings(eventId, 'R4-8')).toEqual([]);
      expect(await statusOf(eventId, 'R4-8')).toBe('free');
    }
  });
});

describe('group bookings', () => {
  it('seat a class in one contiguous run per row over adjacent rows, with its name', async () => {
    const eventId = await newEvent('Matinée');
    const res = await api.call('POST', `/api/v1/events/${eventId}/groups`, {
      key,
      body: { groupName: 'Class 4b, Linden School', quantity: 15, priceType: 'reduced' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ groupName: 'Class 4b, Linden School', rows: 2 });
    const seats = res.body.seats as string[];
    expect(seats).toHaveLength(15);
    const byRow = new Map<number, number[]>();
    for (const s of seats) {
      const [, r, n] = /^R(\d+)-(\d+)$/.exec(s)!.map(Number) as [number, number, number];
      byRow.set(r, [...(byRow.get(r) ?? []), n]);
    }
    const rows = [...byRow.keys()].sort();
    expect(rows[1]! - rows[0]!).toBe(1);
    for (const ns of byRow.values()) {
      const sorted = [...ns].sort((a, b) => a - b);
      expect(sorted.at(-1)! - sorted[0]! + 1).toBe(sorted.length);
    }
    for (const s of seats) expect(await statusOf(eventId, s)).toBe('booked');
    const listed = await api.call('GET', `/api/v1/events/${eventId}/groups`, { key });
    expect(listed.body.groups).toEqual([
      expect.objectContaining({
        bookingId: res.body.bookingId,
        groupName: 'Class 4b, Linden School',
        seats: 15,
        status: 'confirmed',
      }),
    ]);
  });

  it('refuse a group no block can seat, holding nothing', async () => {
    const eventId = await newEvent();
    const res = await api.call('POST', `/api/v1/events/${eventId}/groups`, {
      key,
      body: { groupName: 'Too many', quantity: 41 },
    });
    expectProblem(res, 409, 'SEATS_UNAVAILABLE');
    expect((await availability(api, eventId)).counts.held).toBe(0);
    expectProblem(
      await api.call('POST', `/api/v1/events/${eventId}/groups`, {
        key: api.otherSecretKey,
        body: { groupName: 'Other', quantity: 2 },
      }),
      404,
      'NOT_FOUND',
    );
  });
});
