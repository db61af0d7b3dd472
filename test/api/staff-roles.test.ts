// Roles over the whole route registry: for every registered route and every role, a staff
// session is let through exactly when roles.ts says so (generated from the registry, so a new
// route is covered the day it is added), plus the business rules the roles exist for, checked
// with real operations: a viewer reads only, a designer publishes but does not sell, a box office
// sells but does not publish, an owner does both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, STAFF_ROLES, type StaffRole } from '../../engine/src/auth/roles.ts';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { availability, expectProblem, startApi, type ApiHarness } from './harness.ts';
import { loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
const sessions = {} as Record<StaffRole, { cookie: string; 'x-requested-with': string }>;

beforeAll(async () => {
  api = await startApi();
  for (const role of STAFF_ROLES) {
    const user = await staffUser(api, api.seeded.orgId, role);
    sessions[role] = await loginHeaders(api, user.email);
  }
});
afterAll(async () => {
  await api?.close();
});

const routes = () => createApiRouter(api.engine.ctx).routes.filter((r) => r.access !== 'none');
/** A concrete path: ids that exist nowhere, since the role is checked before anything is read. */
const concrete = (path: string) => path.replace(/:(\w+)/g, 'missing-$1');
const refusedForRole = (status: number, body: { code?: string; detail?: string }) =>
  status === 403 &&
  body.code === 'FORBIDDEN' &&
  /^Your role in this organisation/.test(body.detail ?? '');

describe('the route registry', () => {
  it('lets viewers call reads only, and names a role on every route', () => {
    for (const route of routes()) {
      expect(STAFF_ROLES, route.operationId).toContain(route.role);
      if (route.method !== 'get' && !route.path.startsWith('/auth/')) {
        expect(route.role, `${route.operationId} changes state`).not.toBe('viewer');
      }
    }
  });

  it('gives seat-map edits to designers and sales operations to the box office', () => {
    const byId = new Map(routes().map((r) => [r.operationId, r.role]));
    for (const route of routes().filter(
      (r) => r.path.startsWith('/seatmaps') && r.method !== 'get',
    )) {
      expect(route.role, route.operationId).toBe('designer');
    }
    for (const id of [
      'holdSeats',
      'holdBestAvailable',
      'releaseSeats',
      'extendHold',
      'book',
      'cancel',
      'blockSeats',
      'unblockSeats',
      'report',
    ]) {
      expect(byId.get(id), id).toBe('boxoffice');
    }
  });

  it('admits each role on exactly the routes its role allows', async () => {
    const mismatches: string[] = [];
    // Logout would end the sessions the rest of the walk uses; staff.test.ts covers it.
    for (const route of routes().filter((r) => r.operationId !== 'logout')) {
      for (const role of STAFF_ROLES) {
        const res = await api.call(route.method.toUpperCase(), `/api/v1${concrete(route.path)}`, {
          headers: sessions[role],
          ...(route.method === 'get' ? {} : { body: {} }),
        });
        const refused = refusedForRole(res.status, res.body ?? {});
        if (refused === roleAllows(role, route.role)) {
          mismatches.push(`${role} ${route.operationId}: ${res.status} ${res.body?.detail ?? ''}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('roles in practice', () => {
  const event = () => `/api/v1/events/${api.seeded.eventId}`;
  const publish = (role: StaffRole) =>
    api.call('POST', `/api/v1/seatmaps/${api.seeded.seatmapId}/publish`, {
      headers: sessions[role],
    });
  const book = (role: StaffRole, seat: string) =>
    api.call('POST', `${event()}/book`, { headers: sessions[role], body: { seats: [seat] } });

  it('lets a viewer read but not hold, book or publish, and changes nothing', async () => {
    const before = await availability(api);
    expect(
      (await api.call('GET', `${event()}/availability`, { headers: sessions.viewer })).status,
    ).toBe(200);
    expect(
      (
        await api.call('GET', `/api/v1/seatmaps/${api.seeded.seatmapId}`, {
          headers: sessions.viewer,
        })
      ).status,
    ).toBe(200);
    const hold = await api.call('POST', `${event()}/holds`, {
      headers: sessions.viewer,
      body: { seats: ['R1-1'] },
    });
    expect(expectProblem(hold, 403, 'FORBIDDEN').detail).toMatch(/\(viewer\).*boxoffice or owner/);
    expectProblem(await book('viewer', 'R1-1'), 403, 'FORBIDDEN');
    expectProblem(await publish('viewer'), 403, 'FORBIDDEN');
    expect(await availability(api)).toEqual(before);
  });

  it('lets a designer publish but not book, and a box office book but not publish', async () => {
    expect((await publish('designer')).status).toBeLessThan(300);
    expectProblem(await book('designer', 'R1-2'), 403, 'FORBIDDEN');
    expect((await book('boxoffice', 'R1-2')).status).toBe(201);
    expectProblem(await publish('boxoffice'), 403, 'FORBIDDEN');
    expect((await availability(api)).seats['R1-2']).toBe('booked');
  });

  it('lets an owner do both', async () => {
    expect((await publish('owner')).status).toBeLessThan(300);
    expect((await book('owner', 'R1-3')).status).toBe(201);
  });
});
