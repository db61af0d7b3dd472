// Bookings over REST: book held or free seats, idempotent replays, cancellation and the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availability, expectProblem, startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
let base: string;
beforeAll(async () => {
  api = await startApi();
  base = `/api/v1/events/${api.seeded.eventId}`;
});
afterAll(async () => {
  await api?.close();
});

const book = (body: object, headers: Record<string, string> = {}) =>
  api.call('POST', `${base}/book`, { key: api.seeded.secretKey, body, headers });

async function holdSeats(seats: string[]): Promise<string> {
  const res = await api.call('POST', `${base}/holds`, {
    key: api.seeded.publicKey,
    body: { seats },
  });
  expect(res.status).toBe(200);
  return res.body.holdToken as string;
}

describe('book', () => {
  it('books held seats once per idempotency key and refuses the key with another body', async () => {
    const holdToken = await holdSeats(['R1-1', 'R1-2']);
    const body = { seats: ['R1-1', 'R1-2'], holdToken, orderRef: 'order-1' };
    const first = await book(body, { 'idempotency-key': 'order-1-try' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ seats: ['R1-1', 'R1-2'], amount: 10_000, currency: 'EUR' });
    expect(first.body.bookingId).toMatch(/^bk_/);
    const replay = await book(body, { 'idempotency-key': 'order-1-try' });
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    const before = await availability(api);
    const reused = await book(
      { ...body, orderRef: 'order-2' },
      { 'idempotency-key': 'order-1-try' },
    );
    expect(expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED').detail).toMatch(/order-1-try/);
    expect(await availability(api)).toEqual(before);
    expect(before.seats['R1-1']).toBe('booked');
  });

  it('books free seats directly and refuses taken ones by name, changing nothing', async () => {
    const direct = await book({ seats: ['R3-1'], priceType: 'reduced' });
    expect(direct.status).toBe(201);
    expect(direct.body).toMatchObject({ seats: ['R3-1'], amount: 1500 });
    const before = await availability(api);
    const taken = await book({ seats: ['R3-1', 'R3-2'] });
    expect(expectProblem(taken, 409, 'SEATS_UNAVAILABLE').seats).toEqual(['R3-1']);
    const badKey = await book({ seats: ['R3-3'] }, { 'idempotency-key': 'has space' });
    expect(expectProblem(badKey, 400, 'VALIDATION_FAILED').fields).toHaveProperty([
      'header.Idempotency-Key',
    ]);
    const unknown = await book({ seats: ['R3-3', 'nope'] });
    expect(expectProblem(unknown, 422, 'UNKNOWN_SEATS').seats).toEqual(['nope']);
    const negative = await book({ seats: ['R3-3'], ga: [{ areaId: 'floor', quantity: -1 }] });
    expect(expectProblem(negative, 400, 'VALIDATION_FAILED').fields).toHaveProperty([
      'ga[0].quantity',
    ]);
    expect(await availability(api)).toEqual(before);
  });

  it('refuses seats held by someone else', async () => {
    await holdSeats(['R2-1']);
    const before = await availability(api);
    const res = await book({ seats: ['R2-1'] });
    expect(expectProblem(res, 409, 'SEATS_UNAVAILABLE').seats).toEqual(['R2-1']);
    expect(await availability(api)).toEqual(before);
  });
});

describe('cancel', () => {
  it('cancels a booking or single seats, and refuses seats that are not booked', async () => {
    const a = await book({ seats: ['R4-1', 'R4-2'] });
    const b = await book({ seats: ['R4-5'] });
    const cancel = (body: object) =>
      api.call('POST', `${base}/cancel`, { key: api.seeded.secretKey, body });
    const byId = await cancel({ bookingId: a.body.bookingId });
    expect(byId.body.cancelled).toEqual(['R4-1', 'R4-2']);
    expect((await availability(api)).seats['R4-1']).toBe('free');
    const before = await availability(api);
    const notBooked = await cancel({ seats: ['R4-5', 'R4-6'] });
    expect(expectProblem(notBooked, 409, 'NOT_BOOKED').seats).toEqual(['R4-6']);
    expectProblem(await cancel({ bookingId: 'bk_missing' }), 404, 'NOT_FOUND');
    const both = await cancel({ bookingId: b.body.bookingId, seats: ['R4-5'] });
    expectProblem(both, 400, 'VALIDATION_FAILED');
    expect(await availability(api)).toEqual(before);
    expect((await cancel({ seats: ['R4-5'] })).body.cancelled).toEqual(['R4-5']);
  });
});

describe('report', () => {
  it('reports by status and category as JSON or CSV', async () => {
    const status = await api.call('GET', `${base}/report`, { key: api.seeded.secretKey });
    expect(status.status).toBe(200);
    expect(status.body.by).toBe('status');
    expect(status.body.rows).toContainEqual(
      expect.objectContaining({ key: 'booked', currency: 'EUR' }),
    );
    const csv = await api.call('GET', `${base}/report?by=category&format=csv`, {
      key: api.seeded.secretKey,
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?report-ev_\w+-category\.csv"?$/,
    );
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,currency,bookings,count,revenue');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['A', 'B']);
    const odd = await api.call('GET', `${base}/report?by=seat`, { key: api.seeded.secretKey });
    expect(expectProblem(odd, 400, 'VALIDATION_FAILED').fields).toHaveProperty(['query.by']);
  });
});
