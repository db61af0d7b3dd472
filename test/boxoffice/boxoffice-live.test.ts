// The /boxoffice namespace on two engine nodes sharing Redis and Postgres: a screen on node A
// sees counters, revenue, velocity, what sold first, the feed and attendance change when sales,
// holds, blocks and scans happen through node B; staff and secret keys only; tenancy.
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { addMembership, createUser } from '../../engine/src/auth/users.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { uniqueName } from '../support/services.ts';
import { BoardView, boxOfficeSocket, connected, waitFor, type TwoNodes } from './harness.ts';
import { twoNodesPerFile } from './two-nodes-per-file.ts';

let nodes: TwoNodes;
const sockets = twoNodesPerFile((n) => (nodes = n));

async function screen(key: string | undefined = nodes.seeded.secretKey, headers = {}) {
  const socket = boxOfficeSocket(nodes.a.url, key, headers);
  sockets.push(socket);
  await connected(socket);
  return new BoardView(socket);
}

/** REST on node B. */
async function onB(method: string, path: string, body?: unknown) {
  const res = await fetch(`${nodes.b.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${nodes.seeded.secretKey}`,
      'content-type': 'application/json',
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/boxoffice across two nodes', () => {
  it('pushes what happens on node B to a screen on node A', async () => {
    const { eventId, orgId } = nodes.seeded;
    const view = await screen();
    const ack = await view.subscribe(eventId);
    expect(ack).toMatchObject({ ok: true });
    const start = view.state!;
    // 4 rows × 10 seats + 50 standing places.
    expect(start.counters).toMatchObject({ capacity: 90, sold: 0, held: 0, free: 90, blocked: 0 });
    expect(start.velocity.perMinute).toHaveLength(60);
    expect(start.salesOpen).toBe(true);

    const booked = await onB('POST', `/events/${eventId}/book`, { seats: ['R1-1', 'R1-2'] });
    expect(booked.status).toBe(201);
    await waitFor('the booking on node A', () => view.state!.counters.sold === 2);
    const s = view.state!;
    expect(s.counters.revenue).toEqual([{ currency: 'EUR', amount: 10_000 }]);
    expect(s.counters.sellThrough).toBeCloseTo(2 / 90);
    await waitFor('the booking in the feed', () =>
      view.state!.feed.some((i) => i.kind === 'booking.created'),
    );
    const line = view.state!.feed.find((i) => i.kind === 'booking.created')!;
    expect(line).toMatchObject({ count: 2, amount: 10_000, currency: 'EUR', seats: [0, 1] });
    expect(view.state!.soldOrder).toEqual([0, 1]);
    expect(view.state!.velocity.perMinute.reduce((a, b) => a + b)).toBe(2);

    const held = await onB('POST', `/events/${eventId}/holds`, { seats: ['R2-1'] });
    expect(held.status).toBe(200);
    await waitFor('the hold', () => view.state!.counters.held === 1);
    await waitFor('the hold in the feed', () =>
      view.state!.feed.some((i) => i.kind === 'holds' && i.held === 1),
    );

    const blocked = await onB('POST', `/events/${eventId}/block`, {
      seats: ['R4-10'],
      reason: 'broken seat',
    });
    expect(blocked.status).toBe(200);
    await waitFor('the block in the feed', () =>
      view.state!.feed.some((i) => i.kind === 'seats.blocked' && i.reason === 'broken seat'),
    );
    expect(view.state!.counters.blocked).toBe(1);

    const cancelled = await onB('POST', `/events/${eventId}/cancel`, { seats: ['R1-2'] });
    expect(cancelled.status).toBe(200);
    await waitFor('the cancellation', () => view.state!.counters.sold === 1);
    await waitFor('the cancellation in the feed', () =>
      view.state!.feed.some((i) => i.kind === 'booking.cancelled'),
    );
    expect(view.state!.feed.find((i) => i.kind === 'booking.cancelled')).toMatchObject({
      amount: 5000,
      currency: 'EUR',
      seats: [1],
    });
    expect(view.state!.counters.revenue).toEqual([{ currency: 'EUR', amount: 5000 }]);
    // A cancellation does not undo demand: velocity and what sold first keep the sale.
    expect(view.state!.soldOrder).toEqual([0, 1]);

    nodes.engine.ctx.boxoffice.setAttendanceSource({ scanned: async () => 1 });
    nodes.ctxB.boxoffice.notifyScan(orgId, eventId);
    await waitFor('the scan from node B', () => view.state!.attendance.scanned === 1);
    expect(view.state!.attendance.sold).toBe(1);

    expect((await onB('POST', `/events/${eventId}/close`)).status).toBe(200);
    await waitFor('sales closed from node B', () => view.state!.salesOpen === false);

    // No message repeats a first sale and each push was coalesced (no more than the changes).
    const firsts = view.messages.flatMap((m) => m.soldFirst ?? []);
    expect(firsts).toEqual([0, 1]);
    // The state on screen equals a fresh snapshot.
    const fresh = await screen();
    await fresh.subscribe(eventId);
    expect(fresh.state!.counters).toEqual(view.state!.counters);
    expect(fresh.state!.soldOrder).toEqual(view.state!.soldOrder);
  });
});

describe('/boxoffice access', () => {
  it('refuses public keys and missing credentials', async () => {
    const pub = boxOfficeSocket(nodes.a.url, nodes.seeded.publicKey);
    sockets.push(pub);
    await expect(connected(pub)).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const none = boxOfficeSocket(nodes.a.url, undefined);
    sockets.push(none);
    await expect(connected(none)).rejects.toMatchObject({ data: { code: 'INVALID_KEY' } });
  });

  it('answers NOT_FOUND for another organisation’s event and VALIDATION_FAILED for junk', async () => {
    const other = await createOrganisation(nodes.engine.ctx.db, { name: uniqueName('other') });
    const key = await createApiKey(nodes.engine.ctx.db, other.id, 'secret', 'other');
    const view = await screen(key.key);
    expect(await view.subscribe(nodes.seeded.eventId)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await view.subscribe('')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('lets a viewer watch with the session cookie', async () => {
    const user = await createUser(nodes.engine.ctx.db, {
      email: `${uniqueName('viewer')}@staff.example`,
      name: 'A viewer',
      password: 'correct horse battery staple',
    });
    await addMembership(nodes.engine.ctx.db, user.id, nodes.seeded.orgId, 'viewer');
    const login = await fetch(`${nodes.a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'correct horse battery staple' }),
    });
    const cookie = /parterre_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const view = await screen(undefined, { cookie });
    expect(await view.subscribe(nodes.seeded.eventId)).toMatchObject({ ok: true });
  });
});
