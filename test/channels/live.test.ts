// A partner's keys sell through its channel over the /live socket too: socket holds share the
// REST hold path, so seats outside the allocation are refused with NOT_IN_CHANNEL by name, and
// the partner's own seats are held.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/src/http/app.ts';
import { attachLive } from '../../engine/src/live/attach.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
let http: Server;
let io: IoServer;
let live: ReturnType<typeof attachLive>;
let socket: Socket;

beforeAll(async () => {
  w = await startChannelWorld();
  const channel = await w.ok('POST', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
    body: { kind: 'partner', name: 'Partner', partnerOrgId: w.partner.orgId },
  });
  await w.ok('POST', `/events/${w.eventId}/channels/${channel.id}/allocate`, {
    key: w.owner.secretKey,
    body: { seats: ['R2-1', 'R2-2'] },
  });
  http = createServer(createApp(w.api.engine.ctx));
  io = new IoServer(http, { transports: ['websocket'] });
  live = attachLive(io, engineLiveDeps(w.api.engine.ctx));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  socket = ioClient(`${url}/live`, {
    auth: { key: w.partner.publicKey, protocolVersion: 1 },
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}, 60_000);
afterAll(async () => {
  socket?.disconnect();
  await live?.close();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  await w?.close();
});

const ask = (name: string, payload: unknown) =>
  socket.timeout(5000).emitWithAck(name, payload) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- acks read freely

describe('a partner on the /live socket', () => {
  it('subscribes to the shared event and holds only its allocation', async () => {
    expect(await ask('subscribe', { eventId: w.eventId })).toMatchObject({ ok: true });
    const refused = await ask('hold', { eventId: w.eventId, seats: ['R2-1', 'R3-1'] });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_CHANNEL', seats: ['R3-1'] },
    });
    const held = await ask('hold', { eventId: w.eventId, seats: ['R2-1', 'R2-2'] });
    expect(held).toMatchObject({ ok: true });
    expect(JSON.stringify(held)).toContain('R2-2');
  });
});
