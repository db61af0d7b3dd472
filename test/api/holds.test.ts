// Live seat state over REST: availability, holds (all or nothing, 409 naming taken seats),
// best-available, release, extend, and block/unblock. Every refused request leaves seq unchanged.
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

const hold = (body: object, key = api.seeded.publicKey) =>
  api.call('POST', `${base}/holds`, { key, body });

/** Runs a request that must be refused and checks that the event's state did not move. */
async function refusedWithoutChange(send: () => Promise<Awaited<ReturnType<typeof hold>>>) {
  const before = await availability(api);
  const res = await send();
  expect(await availability(api)).toEqual(before);
  return res;
}

describe('availability', () => {
  it('reports every seat by id, counts and standing areas; packed gives one byte per seat', async () => {
    const a = await availability(api);
    expect(Object.keys(a.seats)).toHaveLength(40);
    expect(a.seats['R1-1']).toBe('free');
    expect(a.counts).toEqual({ free: 40, held: 0, booked: 0, blocked: 0 });
    const packed = await api.call('GET', `${base}/availability?format=packed`, {
      key: api.seeded.publicKey,
    });
    expect(packed.body.seats).toBeUndefined();
    expect(packed.body.seq).toBe(a.seq);
    expect([...Buffer.from(packed.body.packed, 'base64')]).toEqual(new Array(40).fill(0));
    expect(packed.body.ga).toEqual([{ areaId: 'floor', capacity: 50, held: 0, booked: 0 }]);
  });
});

describe('holds', () => {
  it('holds seats and standing places, and adds to an existing hold', async () => {
    const before = Date.now();
    const first = await hold({ seats: ['R1-1', 'R1-2'] });
    expect(first.status).toBe(200);
    expect(first.body.seats).toEqual(['R1-1', 'R1-2']);
    expect(first.body.holdToken).toMatch(new RegExp(`^ht\\.${api.seeded.eventId}\\.`));
    expect(Date.parse(first.body.expiresAt) - before).toBeGreaterThan(590_000);
    const more = await hold({
      seats: ['R1-3'],
      ga: [{ areaId: 'floor', quantity: 2 }],
      holdToken: first.body.holdToken,
    });
    expect(more.body).toMatchObject({
      seats: ['R1-1', 'R1-2', 'R1-3'],
      ga: [{ areaId: 'floor', quantity: 2 }],
    });
    const a = await availability(api);
    expect(a.seats['R1-3']).toBe('held');
    const got = await api.call('GET', `/api/v1/hold-tokens/${first.body.holdToken}`, {
      key: api.seeded.publicKey,
    });
    expect(got.body).toEqual(more.body);
  });

  it('refuses a hold with one taken seat as a whole, naming the taken seat', async () => {
    await hold({ seats: ['R2-5'] });
    const res = await refusedWithoutChange(() => hold({ seats: ['R2-4', 'R2-5', 'R2-6'] }));
    const problem = expectProblem(res, 409, 'SEATS_UNAVAILABLE');
    expect(problem.seats).toEqual(['R2-5']);
    expect(problem.detail).toContain('R2-5');
    expect((await availability(api)).seats['R2-4']).toBe('free');
  });

  it('refuses unknown seats, repeated seats, empty requests and too many standing places', async () => {
    const unknown = await refusedWithoutChange(() => hold({ seats: ['R1-9', 'Z-99'] }));
    expect(expectProblem(unknown, 422, 'UNKNOWN_SEATS').seats).toEqual(['Z-99']);
    const twice = await refusedWithoutChange(() => hold({ seats: ['R3-1', 'R3-1'] }));
    expect(expectProblem(twice, 400, 'VALIDATION_FAILED').detail).toMatch(/R3-1/);
    expectProblem(await refusedWithoutChange(() => hold({ seats: [] })), 400, 'VALIDATION_FAILED');
    const ga = await refusedWithoutChange(() => hold({ ga: [{ areaId: 'floor', quantity: 49 }] }));
    expectProblem(ga, 409, 'GA_UNAVAILABLE');
    const foreign = await refusedWithoutChange(() =>
      hold({ seats: ['R3-2'], holdToken: 'ht.ev_other.AAAAAAAAAAAAAAAAAAAAAA' }),
    );
    expectProblem(foreign, 404, 'HOLD_NOT_FOUND');
  });

  it('holds the best available seats together', async () => {
    const res = await api.call('POST', `${base}/holds/best-available`, {
      key: api.seeded.publicKey,
      body: { quantity: 3, category: 'B' },
    });
    expect(res.status).toBe(200);
    expect(res.body.seats).toHaveLength(3);
    const rows = new Set(res.body.seats.map((s: string) => s.split('-')[0]));
    expect(rows.size).toBe(1);
    expect(['R3', 'R4']).toContain([...rows][0]);
    const tooMany = await refusedWithoutChange(() =>
      api.call('POST', `${base}/holds/best-available`, {
        key: api.seeded.publicKey,
        body: { quantity: 0 },
      }),
    );
    expect(expectProblem(tooMany, 400, 'VALIDATION_FAILED').fields).toHaveProperty('quantity');
  });

  it('extends a hold within the cap and releases part or all of it', async () => {
    const { body: held } = await hold({ seats: ['R4-1', 'R4-2', 'R4-3'] });
    const path = `/api/v1/hold-tokens/${held.holdToken}/extend`;
    const extended = await api.call('POST', path, {
      key: api.seeded.publicKey,
      body: { seconds: 1800 },
    });
    expect(Date.parse(extended.body.expiresAt)).toBeGreaterThan(Date.parse(held.expiresAt));
    const tooLong = await api.call('POST', path, {
      key: api.seeded.publicKey,
      body: { seconds: 10 ** 6 },
    });
    expect(expectProblem(tooLong, 400, 'VALIDATION_FAILED').fields).toHaveProperty('seconds');
    const bogus = await api.call('POST', '/api/v1/hold-tokens/nope/extend', {
      key: api.seeded.publicKey,
      body: { seconds: 60 },
    });
    expectProblem(bogus, 404, 'HOLD_NOT_FOUND');
    const release = (body: object) =>
      api.call('POST', `${base}/release`, { key: api.seeded.publicKey, body });
    expect((await release({ holdToken: held.holdToken, seats: ['R4-1'] })).body).toEqual({
      released: ['R4-1'],
    });
    const notHeld = await refusedWithoutChange(() =>
      release({ holdToken: held.holdToken, seats: ['R1-1'] }),
    );
    expect(expectProblem(notHeld, 409, 'SEATS_NOT_HELD').seats).toEqual(['R1-1']);
    expect((await release({ holdToken: held.holdToken })).body.released.sort()).toEqual([
      'R4-2',
      'R4-3',
    ]);
    expect((await availability(api)).seats['R4-2']).toBe('free');
  });
});

describe('block and unblock', () => {
  it('takes free seats out of sale and puts them back (secret keys only)', async () => {
    const block = (key: string, body: object) => api.call('POST', `${base}/block`, { key, body });
    const forbidden = await refusedWithoutChange(() =>
      block(api.seeded.publicKey, { seats: ['R3-9'], reason: 'house' }),
    );
    expectProblem(forbidden, 403, 'FORBIDDEN');
    const noReason = await refusedWithoutChange(() =>
      block(api.seeded.secretKey, { seats: ['R3-9'] }),
    );
    expect(expectProblem(noReason, 400, 'VALIDATION_FAILED').fields).toHaveProperty('reason');
    expect(
      (await block(api.seeded.secretKey, { seats: ['R3-9', 'R3-10'], reason: 'house seats' })).body,
    ).toEqual({
      seats: ['R3-9', 'R3-10'],
    });
    expect((await availability(api)).seats['R3-9']).toBe('blocked');
    expectProblem(
      await refusedWithoutChange(() => hold({ seats: ['R3-9'] })),
      409,
      'SEATS_UNAVAILABLE',
    );
    const unblock = (seats: string[]) =>
      api.call('POST', `${base}/unblock`, { key: api.seeded.secretKey, body: { seats } });
    const notBlocked = await refusedWithoutChange(() => unblock(['R3-8', 'R3-9']));
    expect(expectProblem(notBlocked, 409, 'NOT_BLOCKED').seats).toEqual(['R3-8']);
    expect((await unblock(['R3-9', 'R3-10'])).body).toEqual({ seats: ['R3-9', 'R3-10'] });
    expect((await availability(api)).seats['R3-9']).toBe('free');
  });
});
