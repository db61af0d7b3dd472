// The /live handshake passes the checks REST requests pass, on a real engine (Postgres, Redis) with
// socket.io-client: a key's allowed origins, the session cookie's cross-site rule, the per-address
// limit on failed authentications (counted together with REST), and a staff socket loses its
// rights once its session ends (logout, password change on any node, removed role) or its role
// shrinks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import { Server as IoServer } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../engine/src/auth/authenticate.ts';
import { createApiKey, setApiKeyOrigins } from '../../engine/src/auth/repo.ts';
import { addMembership } from '../../engine/src/auth/users.ts';
import type { Config } from '../../engine/src/config.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { attachLive } from '../../engine/src/live/attach.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { connected, rawSocket, request } from '../live/harness.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { PASSWORD, staffUser, loginHeaders } from './staff-support.ts';
import type { ApiHarness } from './harness.ts';

let engine: TestEngine;
let ev: SeededEvent;
const closers: (() => Promise<void>)[] = [];
const sockets: ClientSocket[] = [];
let nodes = 0;

beforeAll(async () => {
  engine = await testEngine();
  ev = await seedEvent(engine.ctx);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  for (const close of closers) await close();
  await engine?.dispose();
});

interface Node {
  url: string;
  call(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
  open(auth: Record<string, unknown>, headers?: Record<string, string>): ClientSocket;
}

/**
 * An engine node (REST + /live on one port) with these limits and its own rate-limit counters;
 * `own`: with an authenticator of its own, so it hears nothing of the others' session changes,
 * like a node in another process.
 */
async function node(limits: Partial<Config> = {}, own = false): Promise<Node> {
  nodes += 1;
  const ctx = {
    ...engine.ctx,
    ...(own ? { auth: createAuthenticator(engine.ctx.db) } : {}),
    config: {
      ...engine.ctx.config,
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 0,
      ...limits,
      REDIS_PREFIX: `${engine.prefix}n${nodes}:`,
    },
  };
  const http: Server = createServer(createApp(ctx));
  const io = new IoServer(http, { transports: ['websocket'] });
  const live = attachLive(io, engineLiveDeps(ctx, { sessionCacheMs: 0 }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    await live.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    async call(method, path, init = {}) {
      const res = await fetch(url + path, {
        method,
        headers: { 'content-type': 'application/json', ...init.headers },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    },
    open(auth, headers = {}) {
      const socket = rawSocket(url, { protocolVersion: PROTOCOL_VERSION, ...auth }, headers);
      sockets.push(socket);
      return socket;
    },
  };
}

/** What staff-support's helpers need of a harness. */
const harnessOf = (n: Node) =>
  ({
    engine,
    call: (method: string, path: string, opts: { body?: unknown } = {}) =>
      fetch(n.url + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(opts.body),
      }).then(async (res) => ({
        status: res.status,
        headers: res.headers,
        body: await res.json(),
      })),
  }) as unknown as ApiHarness;

const refusedWith = (socket: ClientSocket) =>
  connected(socket).then(
    () => 'connected',
    (err: { data?: { code?: string } }) => err.data?.code,
  );
const disconnectedOf = (socket: ClientSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe("a key's allowed origins", () => {
  it('admits the listed origins and programs without Origin, refuses other origins', async () => {
    const n = await node();
    const key = await createApiKey(engine.ctx.db, ev.orgId, 'public', 'shop');
    await setApiKeyOrigins(engine.ctx.db, ev.orgId, key.id, ['https://shop.example']);
    expect(await refusedWith(n.open({ key: key.key }, { origin: 'https://shop.example' }))).toBe(
      'connected',
    );
    expect(await refusedWith(n.open({ key: key.key }))).toBe('connected');
    expect(await refusedWith(n.open({ key: key.key }, { origin: 'https://evil.example' }))).toBe(
      'FORBIDDEN',
    );
    // A key without a list is used from anywhere.
    expect(
      await refusedWith(n.open({ key: ev.publicKey }, { origin: 'https://any.example' })),
    ).toBe('connected');
  });
});

describe('the session cookie on the handshake', () => {
  it("refuses a handshake another site's page started, admits our own pages", async () => {
    const n = await node();
    const user = await staffUser(harnessOf(n), ev.orgId, 'boxoffice');
    const { cookie } = await loginHeaders(harnessOf(n), user.email);
    expect(await refusedWith(n.open({}, { cookie, origin: 'https://evil.example' }))).toBe(
      'FORBIDDEN',
    );
    const own = n.open({}, { cookie, origin: n.url });
    expect(await refusedWith(own)).toBe('connected');
    expect(await request(own, 'subscribe', { eventId: ev.eventId })).toMatchObject({ ok: true });
  });
});

describe('failed socket authentications', () => {
  it('count per address with REST: past the limit, sockets and REST from it get RATE_LIMITED', async () => {
    const n = await node({ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 3 });
    const forged = `pk_${'x'.repeat(43)}`;
    for (let i = 0; i < 2; i++) {
      expect(await refusedWith(n.open({ key: forged }))).toBe('INVALID_KEY');
    }
    // One failure over REST, from the same address: the third of the minute.
    const rest = await n.call('GET', `/api/v1/events/${ev.eventId}/availability`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(rest.status).toBe(401);
    expect(await refusedWith(n.open({ key: forged }))).toBe('RATE_LIMITED');
    // Blocked: even a valid key or session from this address, on either path.
    expect(await refusedWith(n.open({ key: ev.publicKey }))).toBe('RATE_LIMITED');
    const blocked = await n.call('GET', `/api/v1/events/${ev.eventId}/availability`, {
      headers: { authorization: `Bearer ${ev.publicKey}` },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
  });
});

describe('a staff socket after its session changed', () => {
  it('is dropped at once on logout on this node', async () => {
    const n = await node();
    const user = await staffUser(harnessOf(n), ev.orgId, 'boxoffice');
    const headers = await loginHeaders(harnessOf(n), user.email);
    const socket = n.open({}, { cookie: headers.cookie });
    await connected(socket);
    const dropped = disconnectedOf(socket);
    const out = await n.call('POST', '/api/v1/auth/logout', { headers });
    expect(out.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
  });

  it('refuses the next command once the session ended on another node, and drops the socket', async () => {
    const [a, b] = [await node(), await node({}, true)];
    const user = await staffUser(harnessOf(a), ev.orgId, 'boxoffice');
    const kept = await loginHeaders(harnessOf(a), user.email);
    const other = await loginHeaders(harnessOf(a), user.email);
    const socket = b.open({}, { cookie: other.cookie });
    await connected(socket);
    expect(await request(socket, 'hold', { eventId: ev.eventId, seats: ['R4-1'] })).toMatchObject({
      ok: true,
    });
    // A password change on node A ends every other session of the user.
    const changed = await a.call('POST', '/api/v1/auth/password', {
      headers: kept,
      body: { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` },
    });
    expect(changed.body).toEqual({ endedSessions: 1 });
    const dropped = disconnectedOf(socket);
    const ack = await request(socket, 'hold', { eventId: ev.eventId, seats: ['R4-2'] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await dropped).toBe('io server disconnect');
  });

  it('follows a shrunk role at once and ends with the membership', async () => {
    const n = await node();
    const user = await staffUser(harnessOf(n), ev.orgId, 'boxoffice');
    const { cookie } = await loginHeaders(harnessOf(n), user.email);
    const socket = n.open({}, { cookie });
    await connected(socket);
    expect(await request(socket, 'hold', { eventId: ev.eventId, seats: ['R4-3'] })).toMatchObject({
      ok: true,
    });
    await addMembership(engine.ctx.db, user.id, ev.orgId, 'viewer');
    expect(await request(socket, 'hold', { eventId: ev.eventId, seats: ['R4-4'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Watching is still a viewer's right.
    expect(await request(socket, 'subscribe', { eventId: ev.eventId })).toMatchObject({ ok: true });
    await engine.ctx.db.transaction(
      (tx) =>
        tx.query('DELETE FROM memberships WHERE user_id = $1 AND org_id = $2', [user.id, ev.orgId]),
      { orgId: ev.orgId },
    );
    const dropped = disconnectedOf(socket);
    expect(await request(socket, 'subscribe', { eventId: ev.eventId })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await dropped).toBe('io server disconnect');
  });
});
