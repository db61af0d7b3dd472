// Whatever a client sends on /live, the answer is an error ack (or nothing when it gave no
// callback), the state does not change, and the node keeps serving.
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEAT_COUNT,
  connected,
  openStore,
  rawSocket,
  request,
  startNode,
  storeDeps,
  storeReady,
  waitFor,
} from './harness.ts';

describe('live bad input (redis store)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  async function setup(options: { commandBurst?: number; commandRate?: number } = {}) {
    const { store, cleanup } = openStore('redis');
    const eventId = 'ev1';
    await store.initEvent({ eventId, seatCount: SEAT_COUNT, ga: [] });
    await storeReady(store);
    const node = await startNode(storeDeps(store, new Set([eventId])), {
      commandRate: 1000,
      commandBurst: 1000,
      ...options,
    });
    const socket = rawSocket(node.url);
    cleanups.push(() => cleanup([eventId]));
    cleanups.push(() => node.close());
    cleanups.push(async () => void socket.disconnect());
    await connected(socket);
    return { store, node, socket, eventId };
  }

  it('answers every malformed command with VALIDATION_FAILED naming the field', async () => {
    const { store, socket, eventId } = await setup();
    const before = await store.snapshot(eventId);
    const bad: [string, unknown][] = [
      ['subscribe', 'ev1'],
      ['subscribe', null],
      ['subscribe', { eventId: 42 }],
      ['subscribe', { eventId, sinceSeq: -1, epoch: 1 }],
      ['unsubscribe', []],
      ['hold', 7],
      ['hold', { eventId, seats: [] }],
      ['hold', { eventId, seats: [1, 2] }],
      ['hold', { eventId, seats: Array.from({ length: 101 }, (_, i) => `S-${i}`) }],
      ['hold', { eventId, seats: ['S-1'], ga: [{ areaId: 'f', quantity: 0 }] }],
      ['release', { eventId }],
      ['release', { eventId, holdToken: '', seats: ['S-1'] }],
      ['release', undefined],
    ];
    const answers = [];
    for (const [name, payload] of bad) answers.push(await request(socket, name, payload));
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(answer.serverTime).toBeTypeOf('number');
      expect(Object.keys(answer.error?.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(answers[2]?.error?.fields).toHaveProperty('eventId');
    expect(answers[6]?.error?.message).toContain('name at least one seat or GA quantity');
    expect(answers[10]?.error?.fields).toHaveProperty('holdToken');
    // An ack as the only argument: the payload is missing.
    expect(await request(socket, 'hold')).toMatchObject({
      error: { fields: { request: expect.any(String) } },
    });
    expect((await store.snapshot(eventId)).seq).toBe(before.seq);
  });

  it('maps domain refusals to stable codes with seat ids, and hides unknown events', async () => {
    const { store, socket, eventId } = await setup();
    await store.book(eventId, { seats: [4] });
    expect(await request(socket, 'hold', { eventId, seats: ['S-3', 'S-4'] })).toMatchObject({
      ok: false,
      error: { code: 'SEATS_UNAVAILABLE', seats: ['S-4'] },
    });
    expect(await request(socket, 'hold', { eventId, seats: ['nope'] })).toMatchObject({
      error: { code: 'UNKNOWN_SEATS', seats: ['nope'] },
    });
    expect(await request(socket, 'release', { eventId, holdToken: 'missing' })).toMatchObject({
      error: { code: 'HOLD_NOT_FOUND' },
    });
    expect(await request(socket, 'subscribe', { eventId: 'other' })).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'Event other not found' },
    });
    expect(await request(socket, 'hold', { eventId: 'other', seats: ['S-1'] })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect((await store.snapshot(eventId)).counts).toMatchObject({ booked: 1, held: 0 });
  });

  it('ignores commands without a callback and unknown events, then still serves', async () => {
    const { store, socket, eventId } = await setup();
    socket.emit('hold', { eventId, seats: ['S-1'] });
    socket.emit('subscribe', { eventId });
    socket.emit('release', 'x');
    socket.emit('unsubscribe', { eventId });
    socket.emit('nonsense', { a: 1 }, () => undefined);
    socket.emit('hold');
    const ok = await request(socket, 'hold', { eventId, seats: ['S-2'] });
    expect(ok).toMatchObject({ ok: true, seats: ['S-2'] });
    const snapshot = await store.snapshot(eventId);
    expect([snapshot.status[1], snapshot.status[2], snapshot.seq]).toEqual([0, 1, 1]);
  });

  it('rate-limits a flooding socket with RATE_LIMITED and retryAfterMs', async () => {
    const { socket, eventId } = await setup({ commandBurst: 5, commandRate: 2 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => request(socket, 'subscribe', { eventId: 'x'.repeat(65) })),
    );
    const limited = answers.filter((a) => a.error?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]?.error?.retryAfterMs).toBeGreaterThan(0);
    await waitFor('the bucket to refill', async () => {
      const res = await request(socket, 'subscribe', { eventId });
      return res.ok;
    });
  });
});
