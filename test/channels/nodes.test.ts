// Two engine nodes on one Postgres schema and one Redis prefix: a channel change made through
// node 1 (allocate, release, rename, delete) is seen by node 2's very next request, long before
// its 5 s event cache would expire. Node 1 publishes the event id on `<prefix>channels` before it
// answers; node 2 forgets its cached channels when the message arrives.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineContext, type EngineContext } from '../../engine/src/context.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { expectProblem, type ApiResponse, type CallOptions } from '../api/harness.ts';
import { redisUrl } from '../support/services.ts';
import { openPartnerChannel } from './open-channel.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
let ctx2: EngineContext;
let server2: Server;
let url2: string;
let channelId: string;

beforeAll(async () => {
  w = await startChannelWorld();
  ctx2 = await createEngineContext(w.api.engine.ctx.config, { logger: pino({ level: 'silent' }) });
  server2 = createApp(ctx2).listen(0, '127.0.0.1');
  await new Promise((resolve) => server2.once('listening', resolve));
  url2 = `http://127.0.0.1:${(server2.address() as AddressInfo).port}`;
  await Promise.all([w.api.engine.ctx.channels.changes.ready(), ctx2.channels.changes.ready()]);
  channelId = await openPartnerChannel(w, { seats: ['R2-1', 'R2-2'] });
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server2?.close(resolve));
  await ctx2?.close();
  await w?.close();
});

/** A call to node 2 (node 1 is `w.call`). */
async function onNode2(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const res = await fetch(`${url2}/api/v1${path}`, {
    method,
    headers: {
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Holds seats on node 2 as `key`'s organisation; a successful hold is released at once. */
async function holdOnNode2(key: string, seats: string[]): Promise<ApiResponse> {
  const res = await onNode2('POST', `/events/${w.eventId}/holds`, { key, body: { seats } });
  if (res.status === 201 || res.status === 200) {
    const released = await onNode2('POST', `/events/${w.eventId}/release`, {
      key,
      body: { holdToken: res.body.holdToken },
    });
    expect(released.status).toBe(200);
  }
  return res;
}

const held = (res: ApiResponse) => expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
const path = () => `/events/${w.eventId}/channels/${channelId}`;

describe('channel changes across nodes', () => {
  it('an allocation on node 1 is sellable on node 2 at once', async () => {
    // Node 2 caches the partner's view: R2-3 is not its channel's.
    expectProblem(await holdOnNode2(w.partner.publicKey, ['R2-3']), 409, 'NOT_IN_CHANNEL');
    await w.ok('POST', `${path()}/allocate`, {
      key: w.owner.secretKey,
      body: { seats: ['R2-3'] },
    });
    held(await holdOnNode2(w.partner.publicKey, ['R2-3']));
  });

  it('a release on node 1 gives the seat to node 2’s general sale at once', async () => {
    expectProblem(await holdOnNode2(w.owner.publicKey, ['R2-1']), 409, 'NOT_IN_CHANNEL');
    await w.ok('POST', `${path()}/release`, {
      key: w.owner.secretKey,
      body: { seats: ['R2-1'] },
    });
    held(await holdOnNode2(w.owner.publicKey, ['R2-1']));
    expectProblem(await holdOnNode2(w.partner.publicKey, ['R2-1']), 409, 'NOT_IN_CHANNEL');
  });

  it('a rename is published to every node', async () => {
    const listener = new Redis(redisUrl());
    await listener.subscribe(`${w.api.engine.prefix}channels`);
    const heard = new Promise<string>((resolve) => listener.once('message', (_c, m) => resolve(m)));
    await w.ok('PATCH', path(), { key: w.owner.secretKey, body: { name: 'Friends (2)' } });
    expect(JSON.parse(await heard)).toMatchObject({ eventId: w.eventId });
    listener.disconnect();
    const list = await onNode2('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey });
    expect(list.body.channels[0].name).toBe('Friends (2)');
  });

  it('a delete on node 1 ends the partner’s sale and frees the seats on node 2 at once', async () => {
    held(await holdOnNode2(w.partner.publicKey, ['R2-2']));
    expectProblem(await holdOnNode2(w.owner.publicKey, ['R2-2']), 409, 'NOT_IN_CHANNEL');
    await w.ok('DELETE', path(), { key: w.owner.secretKey });
    expectProblem(await holdOnNode2(w.partner.publicKey, ['R2-2']), 404, 'NOT_FOUND');
    held(await holdOnNode2(w.owner.publicKey, ['R2-2', 'R2-3']));
  });
});
