// Door keys (dk_…) over the real API: made by the box office as a door link for one event (POST
// /keys refuses the kind), they scan tickets and read that event and its attendance only (another
// event is 404 like a missing one, every other route 403, as is a socket handshake), expire after
// the night (401 saying so), record who made them, and the box office lists and revokes them
// (door keys of the event only, never another kind).
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../engine/src/events/repo.ts';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';
import { loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
let doorKey: string;
let doorKeyId: string;
let boxoffice: Record<string, string>;
let boxofficeUserId: string;
/** A second event of the same organisation, which the door key must not open. */
let otherEventId: string;

const DAY = 86_400_000;

async function makeEvent(name: string, startsAt: Date): Promise<string> {
  const { orgId, seatmapId } = api.seeded;
  const event = await createEvent(api.engine.ctx.db, {
    orgId,
    name,
    seatmapId,
    startsAt,
    prices: [
      { category: 'A', amount: 5000, currency: 'EUR' },
      { category: 'B', amount: 3000, currency: 'EUR' },
    ],
  });
  return event.id;
}

const doorLink = (eventId: string, opts: { headers?: Record<string, string>; key?: string }) =>
  api.call('POST', `/api/v1/events/${eventId}/door-link`, opts);

beforeAll(async () => {
  api = await startApi();
  const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
  boxofficeUserId = user.id;
  boxoffice = await loginHeaders(api, user.email);
  const res = await doorLink(api.seeded.eventId, { headers: boxoffice });
  expect(res.status).toBe(201);
  doorKey = res.body.key;
  doorKeyId = res.body.keyId;
  otherEventId = await makeEvent('Other night', new Date(Date.now() + 2 * DAY));
});
afterAll(async () => {
  await api?.close();
});

/** A fresh booking's first ticket code. */
async function ticketCode(seat: string, eventId = api.seeded.eventId): Promise<string> {
  const key = api.seeded.secretKey;
  const booked = await api.call('POST', `/api/v1/events/${eventId}/book`, {
    key,
    body: { seats: [seat] },
  });
  expect(booked.status).toBe(201);
  const listed = await api.call('GET', `/api/v1/bookings/${booked.body.bookingId}/tickets`, {
    key,
  });
  return listed.body.tickets[0].code;
}

const keysOf = async () =>
  (await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey })).body.keys as {
    id: string;
  }[];

const concrete = (path: string) => path.replace(/:(\w+)/g, 'missing-$1');

describe('door keys', () => {
  it('come from a door link for one event, expiring a day after its start plus 12 h, with their maker', async () => {
    const { eventId } = api.seeded;
    expect(doorKey).toMatch(/^dk_[A-Za-z0-9_-]{43}$/);
    const event = await api.call('GET', `/api/v1/events/${eventId}`, { key: api.seeded.secretKey });
    const expiresAt = new Date(Date.parse(event.body.startsAt) + DAY + 12 * 3_600_000);
    const made = await doorLink(eventId, { headers: boxoffice });
    expect(made.body).toMatchObject({
      path: `/door/${eventId}#key=${made.body.key}`,
      eventId,
      expiresAt: expiresAt.toISOString(),
      createdBy: `staff:${boxofficeUserId}`,
    });
    // The owner's list shows the event, the expiry and the maker, never the key.
    const list = await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey });
    expect(list.body.keys).toContainEqual(
      expect.objectContaining({
        id: doorKeyId,
        kind: 'door',
        name: 'Door: Test night',
        prefix: doorKey.slice(0, 11),
        eventId,
        expiresAt: expiresAt.toISOString(),
        createdBy: `staff:${boxofficeUserId}`,
      }),
    );
    expect(JSON.stringify(list.body)).not.toContain(doorKey);
    const bySecret = await doorLink(eventId, { key: api.seeded.secretKey });
    expect(bySecret.body.createdBy).toBe(`secret:${api.seeded.secret.keyId}`);
  });

  it('are not made by POST /keys, nor for an event that is over, nor by viewers or door keys', async () => {
    const { eventId, orgId } = api.seeded;
    const before = (await keysOf()).length;
    const res = await api.call('POST', '/api/v1/keys', {
      key: api.seeded.secretKey,
      body: { kind: 'door', name: 'gate 1' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toMatch(/door-link/);
    const past = await makeEvent('Last week', new Date(Date.now() - 7 * DAY));
    const over = await doorLink(past, { headers: boxoffice });
    expectProblem(over, 409, 'EVENT_OVER');
    expect(over.body.detail).toMatch(/^Last week is over/);
    const viewer = await loginHeaders(api, (await staffUser(api, orgId, 'viewer')).email);
    expectProblem(await doorLink(eventId, { headers: viewer }), 403, 'FORBIDDEN');
    expectProblem(await doorLink(eventId, { key: doorKey }), 403, 'FORBIDDEN');
    expectProblem(await doorLink(eventId, { key: api.otherSecretKey }), 404, 'NOT_FOUND');
    expect((await keysOf()).length).toBe(before);
  });

  it('scan tickets and read their event and its attendance, and record their last use', async () => {
    const { eventId } = api.seeded;
    const code = await ticketCode('R2-1');
    const event = await api.call('GET', `/api/v1/events/${eventId}`, { key: doorKey });
    expect(event.body).toMatchObject({ id: eventId, name: 'Test night' });
    const scan = await api.call('POST', `/api/v1/events/${eventId}/scans`, {
      key: doorKey,
      body: { code },
    });
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ admitted: true, ticket: { seat: { id: 'R2-1' } } });
    const again = await api.call('POST', `/api/v1/events/${eventId}/scans`, {
      key: doorKey,
      body: { code },
    });
    expectProblem(again, 409, 'ALREADY_SCANNED');
    const attendance = await api.call('GET', `/api/v1/events/${eventId}/attendance`, {
      key: doorKey,
    });
    expect(attendance.body).toMatchObject({ scanned: 1 });
    await expect
      .poll(async () => {
        const list = await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey });
        return list.body.keys.find((k: { id: string }) => k.id === doorKeyId).lastUsedAt;
      })
      .not.toBeNull();
  });

  it('open their own event only: another event of the organisation is 404 like a missing one', async () => {
    const code = await ticketCode('R2-1', otherEventId);
    const requests = (eventId: string) => [
      api.call('GET', `/api/v1/events/${eventId}`, { key: doorKey }),
      api.call('GET', `/api/v1/events/${eventId}/attendance`, { key: doorKey }),
      api.call('POST', `/api/v1/events/${eventId}/scans`, { key: doorKey, body: { code } }),
    ];
    const other = await Promise.all(requests(otherEventId));
    const missing = await Promise.all(requests('ev_missing'));
    other.forEach((res, i) => {
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toBe(`Event ${otherEventId} not found`);
      expect(missing[i]!.body.detail).toBe('Event ev_missing not found');
      expect(JSON.stringify(res.body)).not.toContain('Other night');
    });
    // The other event's ticket at its own door: refused like at any door, and not admitted.
    const wrong = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/scans`, {
      key: doorKey,
      body: { code },
    });
    expectProblem(wrong, 409, 'WRONG_EVENT');
    const attendance = await api.call('GET', `/api/v1/events/${otherEventId}/attendance`, {
      key: api.seeded.secretKey,
    });
    expect(attendance.body).toMatchObject({ scanned: 0 });
  });

  it('are refused (403) on every other route of the registry', async () => {
    const routes = createApiRouter(api.engine.ctx).routes.filter((r) => r.access !== 'none');
    expect(
      routes
        .filter((r) => r.door)
        .map((r) => r.operationId)
        .sort(),
    ).toEqual(['getAttendance', 'getEvent', 'scanTicket']);
    for (const route of routes.filter((r) => !r.door)) {
      const res = await api.call(route.method.toUpperCase(), `/api/v1${concrete(route.path)}`, {
        key: doorKey,
        ...(route.body ? { body: {} } : {}),
      });
      expect(`${route.operationId} ${res.status} ${res.body.code}`).toBe(
        `${route.operationId} 403 FORBIDDEN`,
      );
      expect(res.body.detail).toMatch(/door key/);
    }
  });

  it('are refused by the live and box-office sockets', async () => {
    const deps = engineLiveDeps(api.engine.ctx);
    await expect(
      deps.authenticate(
        { key: doorKey, protocolVersion: PROTOCOL_VERSION },
        { headers: {}, address: '127.0.0.1' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stop working once expired: 401 naming the time', async () => {
    const { eventId, orgId } = api.seeded;
    const made = await doorLink(eventId, { headers: boxoffice });
    const read = () =>
      api.call('GET', `/api/v1/events/${eventId}/attendance`, { key: made.body.key });
    expect((await read()).status).toBe(200);
    const past = new Date(Date.now() - 60_000);
    await api.engine.ctx.db.transaction(
      (tx) =>
        tx.query('UPDATE api_keys SET expires_at = $2 WHERE id = $1', [made.body.keyId, past]),
      { orgId },
    );
    api.engine.ctx.auth.clear();
    const res = await read();
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect(res.body.detail).toBe(
      `This door key expired at ${past.toISOString()}; ask the box office for a new door link`,
    );
    expect(res.body.expiredAt).toBe(past.toISOString());
    // No longer among the event's door keys in use.
    const list = await api.call('GET', `/api/v1/events/${eventId}/door-keys`, {
      headers: boxoffice,
    });
    expect(list.body.keys.map((k: { id: string }) => k.id)).not.toContain(made.body.keyId);
  });

  it("are listed and revoked by the box office, the event's door keys only", async () => {
    const { eventId, orgId } = api.seeded;
    const made = await doorLink(eventId, { headers: boxoffice });
    const list = await api.call('GET', `/api/v1/events/${eventId}/door-keys`, {
      headers: boxoffice,
    });
    expect(list.status).toBe(200);
    expect(list.body.keys[0]).toEqual({
      id: made.body.keyId,
      name: 'Door: Test night',
      prefix: made.body.prefix,
      eventId,
      createdAt: expect.any(String),
      expiresAt: made.body.expiresAt,
      lastUsedAt: null,
      createdBy: `staff:${boxofficeUserId}`,
      createdByName: 'A boxoffice',
    });
    expect(JSON.stringify(list.body)).not.toContain(made.body.key);
    const ids = list.body.keys.map((k: { id: string }) => k.id);
    expect(ids).toContain(doorKeyId);
    const otherDoor = await doorLink(otherEventId, { headers: boxoffice });
    expect(ids).not.toContain(otherDoor.body.keyId);

    const revokeAs = (keyId: string, headers = boxoffice, event = eventId) =>
      api.call('DELETE', `/api/v1/events/${event}/door-keys/${keyId}`, { headers });
    // Never another kind of key, nor another event's door key: 404 like a missing key.
    for (const keyId of [api.seeded.secret.keyId, api.seeded.pub.keyId, otherDoor.body.keyId]) {
      const refused = await revokeAs(keyId);
      expectProblem(refused, 404, 'NOT_FOUND');
      expect(refused.body.detail).toBe(`No live door key ${keyId} for event ${eventId}`);
    }
    expectProblem(
      await api.call('DELETE', `/api/v1/keys/${api.seeded.secret.keyId}`, { headers: boxoffice }),
      403,
      'FORBIDDEN',
    );
    const viewer = await loginHeaders(api, (await staffUser(api, orgId, 'viewer')).email);
    expectProblem(await revokeAs(made.body.keyId, viewer), 403, 'FORBIDDEN');
    expectProblem(
      await api.call('DELETE', `/api/v1/events/${eventId}/door-keys/${made.body.keyId}`, {
        key: made.body.key,
      }),
      403,
      'FORBIDDEN',
    );
    const secretKeyWorks = await api.call('GET', `/api/v1/events/${eventId}`, {
      key: api.seeded.secretKey,
    });
    expect(secretKeyWorks.status).toBe(200);

    const revoked = await revokeAs(made.body.keyId);
    expect(revoked.body).toEqual({ id: made.body.keyId, revoked: true });
    expectProblem(await revokeAs(made.body.keyId), 404, 'NOT_FOUND');
    const res = await api.call('GET', `/api/v1/events/${eventId}/attendance`, {
      key: made.body.key,
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
    const after = await api.call('GET', `/api/v1/events/${eventId}/door-keys`, {
      headers: boxoffice,
    });
    expect(after.body.keys.map((k: { id: string }) => k.id)).not.toContain(made.body.keyId);
    // Audited with the staff member who revoked it.
    const { rows } = await api.engine.ctx.db.transaction(
      (tx) =>
        tx.query<{ actor: string }>(
          "SELECT actor FROM audit_log WHERE action = 'key.revoke' AND target = $1",
          [made.body.keyId],
        ),
      { orgId },
    );
    expect(rows).toEqual([{ actor: `staff:${boxofficeUserId}` }]);
  });

  it('stop working once the owner revokes them', async () => {
    const revoked = await api.call('DELETE', `/api/v1/keys/${doorKeyId}`, {
      key: api.seeded.secretKey,
    });
    expect(revoked.status).toBe(200);
    const res = await api.call('GET', `/api/v1/events/${api.seeded.eventId}/attendance`, {
      key: doorKey,
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect(res.body.detail).toBe('Invalid or revoked API key');
  });
});
