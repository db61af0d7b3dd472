// Door keys (dk_…) over the real API: created like other keys (owner, POST /keys) or on demand by
// the box office as a door link; they scan tickets and read the event and its attendance, and every
// other route of the registry answers 403, as does a socket handshake; revoked, they are 401.
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';
import { loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
let doorKey: string;
let doorKeyId: string;

beforeAll(async () => {
  api = await startApi();
  const res = await api.call('POST', '/api/v1/keys', {
    key: api.seeded.secretKey,
    body: { kind: 'door', name: 'gate 1' },
  });
  expect(res.status).toBe(201);
  doorKey = res.body.key;
  doorKeyId = res.body.id;
});
afterAll(async () => {
  await api?.close();
});

/** A fresh booking's first ticket code. */
async function ticketCode(seat: string): Promise<string> {
  const { eventId, secretKey: key } = api.seeded;
  const booked = await api.call('POST', `/api/v1/events/${eventId}/book`, {
    key,
    body: { seats: [seat] },
  });
  const listed = await api.call('GET', `/api/v1/bookings/${booked.body.bookingId}/tickets`, {
    key,
  });
  return listed.body.tickets[0].code;
}

const concrete = (path: string) => path.replace(/:(\w+)/g, 'missing-$1');

describe('door keys', () => {
  it('are created like other keys, hashed, listed with their kind', async () => {
    expect(doorKey).toMatch(/^dk_[A-Za-z0-9_-]{43}$/);
    const list = await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey });
    expect(list.body.keys).toContainEqual(
      expect.objectContaining({
        id: doorKeyId,
        kind: 'door',
        name: 'gate 1',
        prefix: doorKey.slice(0, 11),
      }),
    );
    expect(JSON.stringify(list.body)).not.toContain(doorKey);
  });

  it('scan tickets and read the event and its attendance, and record their last use', async () => {
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

  it('are made on demand by the box office as a door link, not by viewers or door keys', async () => {
    const { eventId, orgId } = api.seeded;
    const boxoffice = await loginHeaders(api, (await staffUser(api, orgId, 'boxoffice')).email);
    const made = await api.call('POST', `/api/v1/events/${eventId}/door-link`, {
      headers: boxoffice,
    });
    expect(made.status).toBe(201);
    expect(made.body.path).toBe(`/door/${eventId}#key=${made.body.key}`);
    expect(made.body.key).toMatch(/^dk_/);
    const code = await ticketCode('R2-2');
    const scan = await api.call('POST', `/api/v1/events/${eventId}/scans`, {
      key: made.body.key,
      body: { code },
    });
    expect(scan.status).toBe(200);
    // Listed among the organisation's keys, so the owner can revoke it.
    const list = await api.call('GET', '/api/v1/keys', { key: api.seeded.secretKey });
    expect(list.body.keys).toContainEqual(
      expect.objectContaining({ id: made.body.keyId, kind: 'door', name: 'Door: Test night' }),
    );

    const viewer = await loginHeaders(api, (await staffUser(api, orgId, 'viewer')).email);
    const path = `/api/v1/events/${eventId}/door-link`;
    expectProblem(await api.call('POST', path, { headers: viewer }), 403, 'FORBIDDEN');
    expectProblem(await api.call('POST', path, { key: doorKey }), 403, 'FORBIDDEN');
    expectProblem(await api.call('POST', path, { key: api.otherSecretKey }), 404, 'NOT_FOUND');
  });

  it('stop working once revoked', async () => {
    const revoked = await api.call('DELETE', `/api/v1/keys/${doorKeyId}`, {
      key: api.seeded.secretKey,
    });
    expect(revoked.status).toBe(200);
    const res = await api.call('GET', `/api/v1/events/${api.seeded.eventId}/attendance`, {
      key: doorKey,
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
  });
});
