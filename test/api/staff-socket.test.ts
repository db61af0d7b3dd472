// The live socket with a staff session: the studio connects without a key, and the handshake's
// session cookie identifies the user and the active organisation; socket holds follow the same
// roles as REST (box office and owner may hold, a viewer may only watch).
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { uniqueName } from '../support/services.ts';
import { connected, rawSocket, request, startNode, type LiveNode } from '../live/harness.ts';
import { startApi, type ApiHarness } from './harness.ts';
import { loginHeaders, staffUser } from './staff-support.ts';

let api: ApiHarness;
let node: LiveNode;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  api = await startApi();
  node = await startNode(engineLiveDeps(api.engine.ctx));
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await node?.close();
  await api?.close();
});

const open = (headers: Record<string, string>) => {
  const socket = rawSocket(node.url, { protocolVersion: PROTOCOL_VERSION }, headers);
  sockets.push(socket);
  return socket;
};

describe('staff session on the socket handshake', () => {
  it('authenticates a box office by its cookie and lets it hold', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'boxoffice');
    const { cookie } = await loginHeaders(api, user.email);
    const socket = open({ cookie });
    await connected(socket);
    const ack = await request(socket, 'hold', { eventId: api.seeded.eventId, seats: ['R3-1'] });
    expect(ack).toMatchObject({ ok: true, seats: ['R3-1'] });
  });

  it('lets a viewer connect but refuses its holds', async () => {
    const user = await staffUser(api, api.seeded.orgId, 'viewer');
    const { cookie } = await loginHeaders(api, user.email);
    const socket = open({ cookie });
    await connected(socket);
    const ack = await request(socket, 'hold', { eventId: api.seeded.eventId, seats: ['R3-2'] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a missing, unknown or ended session with INVALID_KEY', async () => {
    await expect(connected(open({}))).rejects.toMatchObject({ data: { code: 'INVALID_KEY' } });
    const forged = `parterre_session=${'A'.repeat(43)}`;
    await expect(connected(open({ cookie: forged }))).rejects.toMatchObject({
      data: { code: 'INVALID_KEY' },
    });
    const user = await staffUser(api, api.seeded.orgId, 'owner');
    const headers = await loginHeaders(api, user.email);
    expect((await api.call('POST', '/api/v1/auth/logout', { headers })).status).toBe(200);
    await expect(connected(open({ cookie: headers.cookie }))).rejects.toMatchObject({
      data: { code: 'INVALID_KEY' },
    });
  });

  it('reaches only the events of the session organisation', async () => {
    const org = await createOrganisation(api.engine.ctx.db, { name: uniqueName('other') });
    const stranger = await staffUser(api, org.id, 'owner');
    const { cookie } = await loginHeaders(api, stranger.email);
    const socket = open({ cookie });
    await connected(socket);
    // An owner elsewhere: the first organisation's event answers as a missing one.
    const ack = await request(socket, 'hold', { eventId: api.seeded.eventId, seats: ['R1-1'] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
