// Webhooks must not reach into the deployment's private network (SSRF): with
// WEBHOOKS_ALLOW_PRIVATE off (the default), registering a URL whose host is or resolves to a
// loopback, link-local, private, CGNAT, unique-local, multicast or unspecified address answers 400
// and stores nothing, and the dispatcher checks the address again before every POST, logging a
// failed delivery instead of sending. Real Postgres and Redis; the receiver is a real server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/src/http/app.ts';
import { isPrivateAddress } from '../../engine/src/webhooks/address-policy.ts';
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from '../../engine/src/webhooks/endpoints.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

let engine: TestEngine;
let ev: SeededEvent;
let app: Server;
let url: string;
let receiver: Server;
let receiverPort: number;
const received: string[] = [];

beforeAll(async () => {
  engine = await testEngine({ env: { WEBHOOKS_ALLOW_PRIVATE: 'false' } });
  ev = await seedEvent(engine.ctx);
  app = createApp(engine.ctx).listen(0, '127.0.0.1');
  await new Promise((resolve) => app.once('listening', resolve));
  url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/v1`;
  receiver = createServer((req, res) => {
    received.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => app?.close(resolve));
  await new Promise((resolve) => receiver?.close(resolve));
  await engine?.dispose();
});

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${ev.secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('webhook endpoints with WEBHOOKS_ALLOW_PRIVATE off', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://127.0.0.1:6379/', '127.0.0.1'],
    ['http://localhost:6379/', 'host localhost resolves to'],
    ['http://[::1]:8080/', '::1'],
    ['https://10.1.2.3/hooks', '10.1.2.3'],
    ['https://172.16.0.1/hooks', '172.16.0.1'],
    ['https://192.168.1.1/hooks', '192.168.1.1'],
    ['https://100.64.0.1/hooks', '100.64.0.1'],
    ['https://[fd12:3456::1]/hooks', 'fd12:3456::1'],
    ['https://[fe80::1]/hooks', 'fe80::1'],
    ['https://224.0.0.1/hooks', '224.0.0.1'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://2130706433/', '127.0.0.1'], // decimal form: URL normalises it to 127.0.0.1
  ])('POST %s answers 400 naming the address, creating nothing', async (target, named) => {
    const res = await call('POST', '/webhooks/endpoints', { url: target });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.detail).toContain(named);
    expect(res.body.detail).toContain('WEBHOOKS_ALLOW_PRIVATE');
    expect(await listWebhookEndpoints(engine.ctx.db, ev.orgId)).toEqual([]);
  });

  it('PATCH to a private address answers 400 and keeps the old URL', async () => {
    const made = await call('POST', '/webhooks/endpoints', { url: 'https://203.0.113.7/hooks' });
    expect(made.status).toBe(201);
    const id = (made.body.endpoint as { id: string }).id;
    const res = await call('PATCH', `/webhooks/endpoints/${id}`, {
      url: 'http://169.254.169.254/',
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('169.254.169.254');
    const [endpoint] = await listWebhookEndpoints(engine.ctx.db, ev.orgId);
    expect(endpoint!.url).toBe('https://203.0.113.7/hooks');
    expect((await call('DELETE', `/webhooks/endpoints/${id}`)).status).toBe(200);
  });

  it('the dispatcher sends nothing to an endpoint that now points at a private address', async () => {
    // As if registered under a public name that was later pointed at 127.0.0.1.
    const { endpoint } = await createWebhookEndpoint(
      engine.ctx.db,
      ev.orgId,
      { url: `http://127.0.0.1:${receiverPort}/hooks` },
      { allowPrivate: true },
    );
    const hold = await engine.ctx.holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] });
    await engine.ctx.orders.book(ev.secret, ev.eventId, {
      seats: ['R1-1'],
      holdToken: hold.holdToken,
      orderRef: 'ssrf-1',
    });
    // The context's dispatcher, configured like production (switch off).
    await engine.ctx.webhooks.stop();
    expect(await engine.ctx.webhooks.tick()).toBeGreaterThan(0);
    expect(received).toEqual([]);
    const log = await listWebhookDeliveries(engine.ctx.db, ev.orgId, { endpointId: endpoint.id });
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ statusCode: null });
    expect(log[0]!.error).toMatch(/^refused, not sent: 127\.0\.0\.1 is a loopback/);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fdff::1',
    'fe80::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
  ])('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each([
    '8.8.8.8',
    '203.0.113.7',
    '100.128.0.1',
    '172.32.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('%s is public', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});
