// A staff session that ends on one node drops its sockets on every node at once: two engine nodes
// share Redis and Postgres, a staff socket is open on node B (/live and /boxoffice), and the
// session logs out, or switches organisation, through node A's REST API. The periodic re-check
// (every 15 s) is frozen with fake interval timers while the socket is open, so the drop can only
// come from node A's signal through Redis; the test waits for the disconnect event itself.
import { BOXOFFICE_NAMESPACE, LIVE_NAMESPACE, PROTOCOL_VERSION } from '@parterre/seatmaps';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMembership, createUser, type User } from '../../engine/src/auth/users.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { connected, type TwoNodes } from '../boxoffice/harness.ts';
import { twoNodesPerFile } from '../boxoffice/two-nodes-per-file.ts';
import { uniqueName } from '../support/services.ts';
import { PASSWORD } from './staff-support.ts';

/** The reason `socket` is disconnected with, once it is. */
const disconnected = (socket: {
  once(event: 'disconnect', fn: (reason: string) => void): unknown;
}) => new Promise<[string]>((resolve) => socket.once('disconnect', (reason) => resolve([reason])));

let nodes: TwoNodes;
const sockets = twoNodesPerFile((n) => (nodes = n));
// Registered after twoNodesPerFile's hook, so it runs first (Vitest runs after-hooks as a stack):
// real timers are back before the sockets disconnect.
afterEach(() => {
  vi.useRealTimers();
});

async function boxOfficeUser(): Promise<User> {
  const { db } = nodes.engine.ctx;
  const user = await createUser(db, {
    email: `${uniqueName('bo')}@staff.example`,
    name: 'A box office',
    password: PASSWORD,
  });
  await addMembership(db, user.id, nodes.seeded.orgId, 'boxoffice');
  return user;
}

/** A cookie-authenticated call to node A's API, as the studio sends it. */
async function onA(path: string, cookie: string | undefined, body: unknown = {}) {
  const res = await fetch(`${nodes.a.url}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-requested-with': 'parterre',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  return res;
}

async function loginOnA(email: string): Promise<string> {
  const res = await onA('/auth/login', undefined, { email, password: PASSWORD });
  expect(res.status).toBe(200);
  return /parterre_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
}

/** A staff socket on node B, connected, with the periodic session re-check frozen. */
async function socketOnB(namespace: string, cookie: string): Promise<ClientSocket> {
  // Only setInterval is faked: socket.io's heartbeats and the engine's I/O run on real timers.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const socket = ioClient(`${nodes.b.url}${namespace}`, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie },
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  await connected(socket);
  return socket;
}

/** Resolves when node B hears that the user's sessions changed. */
function heardOnB(userId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = nodes.ctxB.auth.staff.onSessionsChanged((changed) => {
      if (changed !== userId) return;
      stop();
      resolve();
    });
  });
}

describe.each([
  ['/live', LIVE_NAMESPACE],
  ['/boxoffice', BOXOFFICE_NAMESPACE],
])('a staff socket on %s of node B', (_name, namespace) => {
  it('is dropped when its session logs out on node A', async () => {
    const user = await boxOfficeUser();
    const cookie = await loginOnA(user.email);
    const socket = await socketOnB(namespace, cookie);
    const heard = heardOnB(user.id);
    const dropped = disconnected(socket);

    expect((await onA('/auth/logout', cookie)).status).toBe(200);
    await heard;
    const [reason] = await dropped;
    expect(reason).toBe('io server disconnect');
  });

  it('is dropped when its session switches organisation on node A', async () => {
    const user = await boxOfficeUser();
    const other = await createOrganisation(nodes.engine.ctx.db, { name: uniqueName('other') });
    await addMembership(nodes.engine.ctx.db, user.id, other.id, 'viewer');
    const cookie = await loginOnA(user.email);
    const socket = await socketOnB(namespace, cookie);
    const dropped = disconnected(socket);

    expect((await onA('/auth/switch', cookie, { orgId: other.id })).status).toBe(200);
    const [reason] = await dropped;
    expect(reason).toBe('io server disconnect');
  });
});

describe('a staff socket of another session of the user on node B', () => {
  it('stays connected when the user logs out of one session on node A', async () => {
    const user = await boxOfficeUser();
    const kept = await loginOnA(user.email);
    const ended = await loginOnA(user.email);
    const socket = await socketOnB(LIVE_NAMESPACE, kept);
    const heard = heardOnB(user.id);

    expect((await onA('/auth/logout', ended)).status).toBe(200);
    await heard;
    // The re-check the signal started is over once a command answers (it waits for the read).
    const ack = await socket.timeout(10_000).emitWithAck('subscribe', {
      eventId: nodes.seeded.eventId,
    });
    expect(ack).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
  });
});
