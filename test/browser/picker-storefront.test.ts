// The demo storefront's server side over HTTP against a real engine: the event page carries the
// public key and never the secret one, checkout books with the secret key and refuses bad input
// with a clear problem, and /demo/ lists the demo organisation's events.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountStorefront } from '../../engine/src/demo/storefront.ts';
import { buildDemo, removeDemo, startPickerNode, type PickerNode } from './picker-server.ts';

let demoDir: string;
let node: PickerNode;

beforeAll(async () => {
  demoDir = await buildDemo();
  node = await startPickerNode(demoDir);
});

afterAll(async () => {
  await node?.close();
  if (demoDir) await removeDemo(demoDir);
});

const api = (path: string, body: object, key = node.event.publicKey) =>
  fetch(`${node.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const checkout = (body: object) =>
  fetch(`${node.url}/demo/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function statusOf(seat: string): Promise<string | undefined> {
  const res = await fetch(`${node.url}/api/v1/events/${node.event.eventId}/availability`, {
    headers: { authorization: `Bearer ${node.event.publicKey}` },
  });
  return ((await res.json()) as { seats: Record<string, string> }).seats[seat];
}

describe('demo storefront', () => {
  it('serves the event page with the public key and never the secret key', async () => {
    const res = await fetch(`${node.url}/demo/${node.event.eventId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<meta name="parterre-public-key" content="${node.event.publicKey}">`);
    expect(html).toContain(`<meta name="parterre-event-id" content="${node.event.eventId}">`);
    expect(html).not.toContain(node.event.secretKey);
    const script = /src="(\/demo\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${node.url}${script}`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).not.toContain('sk_');
  });

  it('answers 404 for an event it does not sell', async () => {
    const res = await fetch(`${node.url}/demo/no-such-event`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('books held seats at checkout with the server-side secret key', async () => {
    const hold = await api(`/events/${node.event.eventId}/holds`, { seats: ['R1-1', 'R1-2'] });
    const { holdToken } = (await hold.json()) as { holdToken: string };
    const res = await checkout({
      eventId: node.event.eventId,
      holdToken,
      seats: ['R1-1', 'R1-2'],
      name: 'Ada',
      email: 'ada@example.org',
    });
    expect(res.status).toBe(201);
    const booking = (await res.json()) as { seats: string[]; amount: number; currency: string };
    expect(booking).toMatchObject({ seats: ['R1-1', 'R1-2'], amount: 10_000, currency: 'EUR' });
    expect(await statusOf('R1-1')).toBe('booked');
  });

  it('refuses a bad checkout body, naming the fields, and books nothing', async () => {
    const res = await checkout({ eventId: node.event.eventId, seats: [7], email: 'nope' });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('VALIDATION_FAILED');
    for (const field of ['holdToken', 'seats', 'name', 'email']) {
      expect(problem.detail).toContain(field);
    }
    expect(await statusOf('R2-1')).toBe('free');
  });

  it('refuses an empty basket and books standing places with the hold', async () => {
    const empty = await checkout({
      eventId: node.event.eventId,
      holdToken: 'ht.x.y',
      name: 'Ada',
      email: 'ada@example.org',
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { detail: string }).detail).toContain('basket is empty');

    const hold = await api(`/events/${node.event.eventId}/holds`, {
      seats: [],
      ga: [{ areaId: 'floor', quantity: 2 }],
    });
    const { holdToken } = (await hold.json()) as { holdToken: string };
    const res = await checkout({
      eventId: node.event.eventId,
      holdToken,
      ga: [{ areaId: 'floor', quantity: 2 }],
      name: 'Ada',
      email: 'ada@example.org',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      ga: [{ areaId: 'floor', quantity: 2 }],
      amount: 6000,
    });
  });

  it('refuses seats the token does not hold', async () => {
    const hold = await api(`/events/${node.event.eventId}/holds`, { seats: ['R2-2'] });
    const { holdToken } = (await hold.json()) as { holdToken: string };
    const res = await checkout({
      eventId: node.event.eventId,
      holdToken,
      seats: ['R2-3'],
      name: 'Ada',
      email: 'ada@example.org',
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('SEATS_NOT_HELD');
    expect(await statusOf('R2-3')).toBe('free');
  });

  it('lists the demo organisation’s events at /demo/', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parterre-data-'));
    const { ctx } = node.engine;
    await writeFile(join(dataDir, 'demo.json'), JSON.stringify(node.event));
    const app = express();
    mountStorefront(app, { ...ctx, config: { ...ctx.config, DATA_DIR: dataDir } }, { demoDir });
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const html = await (await fetch(`http://127.0.0.1:${port}/demo/`)).text();
      expect(html).toContain('<h1>Pick an event</h1>');
      expect(html).toContain(`<a href="/demo/${node.event.eventId}">Test night</a>`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
