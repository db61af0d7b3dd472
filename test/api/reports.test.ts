// Reports over REST against real Postgres: every grouping's totals equal the bookings recorded in
// Postgres (the bar), the CSV carries exactly the JSON rows, and the multi-event overview
// adds up the events' sell-through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { uniqueName } from '../support/services.ts';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
let key: string;
let eventId: string;
beforeAll(async () => {
  api = await startApi();
  key = api.seeded.secretKey;
  eventId = api.seeded.eventId;
});
afterAll(async () => {
  await api?.close();
});

const GROUPINGS = ['status', 'category', 'price_type', 'channel', 'zone'] as const;

interface Row {
  key: string | null;
  currency: string | null;
  bookings: number;
  count: number;
  revenue: number;
}

async function book(body: Record<string, unknown>) {
  const res = await api.call('POST', `/api/v1/events/${eventId}/book`, { key, body });
  expect(res.status).toBe(201);
  return res.body as { bookingId: string; amount: number };
}

/** What Postgres recorded: confirmed bookings' amounts, and their live lines. */
async function recorded() {
  const { rows } = await inOrg(api.engine.ctx.db, api.seeded.orgId, (tx) =>
    tx.query<{ confirmed: string; lines: string; units: number }>(
      `SELECT
         (SELECT coalesce(sum(amount), 0) FROM bookings
          WHERE event_id = $1 AND status = 'confirmed') AS confirmed,
         (SELECT coalesce(sum(amount), 0) FROM booking_seats WHERE event_id = $1 AND live)
         + (SELECT coalesce(sum(amount), 0) FROM booking_ga WHERE event_id = $1 AND live) AS lines,
         ((SELECT count(*) FROM booking_seats WHERE event_id = $1 AND live)
         + (SELECT coalesce(sum(quantity), 0) FROM booking_ga WHERE event_id = $1 AND live))::int
           AS units`,
      [eventId],
    ),
  );
  const r = rows[0]!;
  return { confirmed: Number(r.confirmed), lines: Number(r.lines), units: r.units };
}

async function report(by: string) {
  const res = await api.call('GET', `/api/v1/events/${eventId}/report?by=${by}`, { key });
  expect(res.status).toBe(200);
  return res.body as { by: string; rows: Row[]; totals: Row[] };
}

const sum = (rows: Row[], f: 'revenue' | 'count') => rows.reduce((n, r) => n + r[f], 0);

/** Parses our CSV (no quoted cells in these reports) into rows typed like the JSON. */
function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trimEnd().split('\r\n');
  expect(header).toBe('key,currency,bookings,count,revenue');
  return lines.map((line) => {
    const [k, currency, bookings, count, revenue] = line.split(',');
    return {
      key: k === '' ? null : k!,
      currency: currency === '' ? null : currency!,
      bookings: Number(bookings),
      count: Number(count),
      revenue: Number(revenue),
    };
  });
}

describe('event report', () => {
  it('adds up to the bookings in Postgres in every grouping', async () => {
    await book({ seats: ['R1-1', 'R1-2'] });
    await book({ seats: ['R3-1'], priceType: 'reduced' });
    await book({ ga: [{ areaId: 'floor', quantity: 3 }] });
    const gone = await book({ seats: ['R2-1', 'R2-2'] });
    const cancel = await api.call('POST', `/api/v1/events/${eventId}/cancel`, {
      key,
      body: { bookingId: gone.bookingId },
    });
    expect(cancel.status).toBe(200);
    const db = await recorded();
    // A = 5000, B = 3000, B reduced = 1500; standing is category B.
    expect(db.confirmed).toBe(2 * 5000 + 1500 + 3 * 3000);
    for (const by of GROUPINGS) {
      const r = await report(by);
      expect(r.by).toBe(by);
      expect(r.totals).toEqual([{ currency: 'EUR', bookings: 3, count: 6, revenue: db.confirmed }]);
      const live = by === 'status' ? r.rows.filter((row) => row.key === 'booked') : r.rows;
      expect(sum(live, 'revenue')).toBe(db.confirmed);
      expect(sum(live, 'count')).toBe(db.units);
    }
    expect((await report('price_type')).rows).toEqual([
      { key: 'full', currency: 'EUR', bookings: 2, count: 5, revenue: 19_000 },
      { key: 'reduced', currency: 'EUR', bookings: 1, count: 1, revenue: 1500 },
    ]);
    expect((await report('zone')).rows).toEqual([
      { key: 'Stalls', currency: 'EUR', bookings: 3, count: 6, revenue: 20_500 },
    ]);
  });

  it('counts a partly cancelled booking by its live lines, and blocks by status', async () => {
    await book({ seats: ['R4-1', 'R4-2'] });
    const cancel = await api.call('POST', `/api/v1/events/${eventId}/cancel`, {
      key,
      body: { seats: ['R4-2'] },
    });
    expect(cancel.status).toBe(200);
    expect(
      (
        await api.call('POST', `/api/v1/events/${eventId}/block`, {
          key,
          body: { seats: ['R4-10'], reason: 'camera' },
        })
      ).status,
    ).toBe(200);
    const db = await recorded();
    const r = await report('category');
    expect(r.totals[0]!.revenue).toBe(db.lines);
    expect(sum(r.rows, 'revenue')).toBe(db.lines);
    expect(sum(r.rows, 'count')).toBe(db.units);
    const status = await report('status');
    expect(status.rows.find((row) => row.key === 'blocked')).toMatchObject({ count: 1 });
    expect(status.rows.find((row) => row.key === 'cancelled')).toMatchObject({ count: 3 });
  });

  it('groups by channel: a channel’s sales under its name, the general sale under null', async () => {
    const channel = await api.call('POST', `/api/v1/events/${eventId}/channels`, {
      key,
      body: { kind: 'boxoffice', name: 'Counter' },
    });
    expect(channel.status).toBe(201);
    const channelId = channel.body.id as string;
    const allocated = await api.call(
      'POST',
      `/api/v1/events/${eventId}/channels/${channelId}/allocate`,
      { key, body: { seats: ['R2-5'] } },
    );
    expect(allocated.status).toBe(200);
    await book({ seats: ['R2-5'], channelId });
    const db = await recorded();
    const r = await report('channel');
    expect(r.rows.find((row) => row.key === 'Counter')).toEqual({
      key: 'Counter',
      currency: 'EUR',
      bookings: 1,
      count: 1,
      revenue: 5000,
    });
    expect(r.rows.find((row) => row.key === null)!.revenue).toBe(db.lines - 5000);
    expect(sum(r.rows, 'revenue')).toBe(db.lines);
    expect(r.totals[0]!.revenue).toBe(db.lines);
  });

  it('exports exactly the JSON rows as CSV, for every grouping', async () => {
    for (const by of GROUPINGS) {
      const json = await report(by);
      const csv = await api.call('GET', `/api/v1/events/${eventId}/report?by=${by}&format=csv`, {
        key,
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(parseCsv(csv.body as string)).toEqual(json.rows);
    }
  });

  it('refuses an unknown grouping, other organisations and public keys', async () => {
    const bad = await api.call('GET', `/api/v1/events/${eventId}/report?by=colour`, { key });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').fields).toHaveProperty(['query.by']);
    expectProblem(
      await api.call('GET', `/api/v1/events/${eventId}/report`, { key: api.otherSecretKey }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.call('GET', `/api/v1/events/${eventId}/report`, { key: api.seeded.publicKey }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('multi-event overview', () => {
  it('lists each event’s sell-through and adds them up, also as CSV', async () => {
    const later10Days = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const copy = await api.call('POST', `/api/v1/events/${eventId}/duplicate`, {
      key,
      body: { startsAt: later10Days },
    });
    expect(copy.status).toBe(201);
    const res = await api.call('GET', '/api/v1/reports/overview', { key });
    expect(res.status).toBe(200);
    const { events, totals } = res.body as {
      events: { id: string; sold: number; capacity: number; revenue: unknown[] }[];
      totals: { sold: number; capacity: number; revenue: unknown[]; sellThrough: number };
    };
    const db = await recorded();
    const seeded = events.find((e) => e.id === eventId)!;
    expect(seeded).toMatchObject({
      sold: db.units,
      capacity: 90,
      revenue: [{ currency: 'EUR', amount: db.lines }],
    });
    expect(events.find((e) => e.id === copy.body.id)).toMatchObject({ sold: 0, revenue: [] });
    expect(totals).toMatchObject({
      sold: db.units,
      capacity: 180,
      revenue: [{ currency: 'EUR', amount: db.lines }],
    });
    expect(totals.sellThrough).toBeCloseTo(db.units / 180);
    const csv = await api.call('GET', '/api/v1/reports/overview?format=csv', { key });
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'eventId,name,startsAt,capacity,sold,blocked,bookings,sellThrough,currency,revenue',
    );
    expect(lines).toHaveLength(1 + events.length);
    expect(lines.find((l) => l.startsWith(`${eventId},`))).toContain(`,EUR,${db.lines}`);
    const later = await api.call(
      'GET',
      `/api/v1/reports/overview?from=${encodeURIComponent(copy.body.startsAt)}`,
      { key },
    );
    expect(later.body.events.map((e: { id: string }) => e.id)).not.toContain(eventId);
    const other = await api.call('GET', '/api/v1/reports/overview', { key: api.otherSecretKey });
    expect(other.body.events).toEqual([]);
  });

  it('counts a partner’s sales in sold, but not in the owner’s revenue or bookings', async () => {
    const partner = await createOrganisation(api.engine.ctx.db, { name: uniqueName('partner') });
    const partnerKey = await createApiKey(api.engine.ctx.db, partner.id, 'secret', 'partner');
    const channel = await api.call('POST', `/api/v1/events/${eventId}/channels`, {
      key,
      body: { kind: 'partner', name: 'Friends', partnerOrgId: partner.id },
    });
    expect(channel.status).toBe(201);
    const allocate = await api.call(
      'POST',
      `/api/v1/events/${eventId}/channels/${channel.body.id}/allocate`,
      { key, body: { seats: ['R3-9'] } },
    );
    expect(allocate.status).toBe(200);
    const seeded = async () =>
      (await api.call('GET', '/api/v1/reports/overview', { key })).body.events.find(
        (e: { id: string }) => e.id === eventId,
      );
    const before = await seeded();
    const sale = await api.call('POST', `/api/v1/events/${eventId}/book`, {
      key: partnerKey.key,
      body: { seats: ['R3-9'] },
    });
    expect(sale.status).toBe(201);
    const after = await seeded();
    expect(after.sold).toBe(before.sold + 1);
    expect(after.bookings).toBe(before.bookings);
    expect(after.revenue).toEqual(before.revenue);
  });
});
