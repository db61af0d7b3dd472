import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { loadLibrary } from '../../engine/src/store/redis/script-loader.ts';
import { redisUrl, uniqueName } from '../support/services.ts';
import { expectError } from './contract-helpers.ts';
import { describeSeatStoreContract } from './contract.ts';
import { deletePrefix, makeRedisHarness } from './harness.ts';

describeSeatStoreContract('Redis store', makeRedisHarness);

describe('Redis store across nodes', () => {
  const prefix = `${uniqueName('nodes')}:`;
  let admin: Redis;
  let nodeA: RedisSeatStore;
  let nodeB: RedisSeatStore;
  let nodeBConnection: Redis;

  beforeEach(() => {
    admin = new Redis(redisUrl());
    nodeA = new RedisSeatStore({ redis: redisUrl(), prefix });
    // Node B brings its own connection (which the store must leave open on close).
    nodeBConnection = new Redis(redisUrl());
    nodeB = new RedisSeatStore({ redis: nodeBConnection, prefix });
  });

  afterEach(async () => {
    await nodeA.close();
    await nodeB.close();
    expect(await nodeBConnection.ping()).toBe('PONG');
    await nodeBConnection.quit();
    await deletePrefix(admin, prefix);
    await admin.quit();
  });

  it('a change made on one node is seen and notified on another', async () => {
    await nodeA.initEvent({ eventId: 'e', seatCount: 10, ga: [] });
    const notified = new Promise<[string, number]>((resolve) => {
      nodeB.onChange((eventId, seq) => resolve([eventId, seq]));
    });
    await nodeB.subscribed();
    await nodeA.hold('e', { token: 'a', seats: [4], ttlMs: 60_000 });
    expect(await notified).toEqual(['e', 1]);
    expect(await nodeB.changesSince('e', 0)).toMatchObject({
      seq: 1,
      seats: [{ seat: 4, status: 1 }],
    });
    await expectError(
      nodeB.hold('e', { token: 'b', seats: [4], ttlMs: 60_000 }),
      'SEATS_UNAVAILABLE',
      {
        seats: [4],
      },
    );
  });

  it('keeps every key of an event under one hash tag, status at one byte per seat and tokens in the owner hash', async () => {
    await nodeA.initEvent({
      eventId: 'e',
      seatCount: 1000,
      ga: [{ areaId: 'floor', capacity: 5 }],
    });
    const { expiresAt } = await nodeA.hold('e', {
      token: 'tok',
      seats: [1],
      ga: [{ areaId: 'floor', quantity: 1 }],
      ttlMs: 60_000,
    });
    await nodeA.book('e', { seats: [2] });
    const keys = (await admin.keys(`${prefix}*`)).sort();
    expect(
      keys.filter((k) => !k.endsWith('active')).every((k) => k.startsWith(`${prefix}{ev:e}:`)),
    ).toBe(true);
    expect(keys.map((k) => k.slice(prefix.length))).toEqual([
      'active',
      '{ev:e}:expiry',
      '{ev:e}:ga',
      '{ev:e}:log',
      '{ev:e}:meta',
      '{ev:e}:owner',
      '{ev:e}:seq',
      '{ev:e}:status',
    ]);
    expect(await admin.strlen(nodeA.keys.event('e')[0] as string)).toBe(1000);
    // A token has no key of its own: seat -> token, and its record "~<token>" (expiry;seats;GA).
    expect(await admin.hgetall(nodeA.keys.event('e')[2] as string)).toEqual({
      1: 'tok',
      '~tok': `${expiresAt};1;floor,1`,
    });
    // Dropping the event leaves nothing behind, the sweeper's index included.
    await nodeA.dropEvent('e');
    expect(await admin.keys(`${prefix}*`)).toEqual([]);
  });

  it('sends holds and releases asked for together as one call: one log entry, one notification', async () => {
    await nodeA.initEvent({ eventId: 'e', seatCount: 100, ga: [] });
    const notified: number[] = [];
    nodeB.onChange((_, seq) => notified.push(seq));
    await nodeB.subscribed();
    const log = nodeA.keys.event('e')[6] as string;
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        nodeA.hold('e', { token: `t${i}`, seats: [i, 50 + i], ttlMs: 60_000 }),
      ),
      nodeA.release('e', { token: 't3' }),
    ]);
    expect(results.map((r) => r.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(await admin.xlen(log)).toBe(1);
    await expect.poll(() => notified).toEqual([11]);
    // Seq and log read back exactly as if the commands had gone one by one.
    expect((await nodeB.snapshot('e')).seq).toBe(11);
    expect(await nodeB.changesSince('e', 9)).toMatchObject({
      fromSeq: 9,
      seq: 11,
      seats: [
        { seat: 9, status: 1 },
        { seat: 59, status: 1 },
        { seat: 3, status: 0 },
        { seat: 53, status: 0 },
      ],
    });
    // A command alone is one call and one entry of its own.
    await nodeA.hold('e', { token: 'solo', seats: [99], ttlMs: 60_000 });
    expect(await admin.xlen(log)).toBe(2);
    await expect.poll(() => notified).toEqual([11, 12]);
  });

  it('answers a command of a batch that raises an error alone; the others still count', async () => {
    await nodeA.initEvent({ eventId: 'e', seatCount: 10, ga: [] });
    const batch = loadLibrary().functions.get('batch');
    const keys = nodeA.keys;
    const now = Date.now();
    const hold = (token: string, expiresAt: number | string, seat: number) => [
      'h',
      now,
      token,
      expiresAt,
      String(seat),
      '',
      0,
      seat,
    ];
    const replies = (await admin.fcall(
      batch?.name as string,
      7,
      ...keys.event('e'),
      keys.base('e'),
      'e',
      keys.changes(),
      0,
      10_000,
      ...hold('a', now + 60_000, 1),
      ...hold('b', 'not-a-time', 2),
      ...hold('c', now + 60_000, 3),
    )) as unknown[];
    expect(replies[0]).toEqual([0, 1, 1]);
    expect(replies[1]).toBeInstanceOf(Error);
    expect(replies[2]).toEqual([0, 2, 1]);
    const snap = await nodeA.snapshot('e');
    expect(snap.seq).toBe(2);
    expect([...snap.status].slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(await nodeA.changesSince('e', 0)).toMatchObject({
      seats: [
        { seat: 1, status: 1 },
        { seat: 3, status: 1 },
      ],
    });
  });

  it('releases and expires holds written in the layout before token records', async () => {
    await nodeA.initEvent({ eventId: 'e', seatCount: 10, ga: [{ areaId: 'floor', capacity: 5 }] });
    const [status, , owner, expiry, ga] = nodeA.keys.event('e') as string[];
    const now = Date.now();
    // Two tokens as the store wrote them before: a set of seats and a hash of GA per token.
    for (const [token, seat, expiresAt] of [
      ['old1', 1, now + 60_000],
      ['old2', 2, now - 1],
    ] as const) {
      await admin.setrange(status as string, seat, '\x01');
      await admin.hset(owner as string, String(seat), token);
      await admin.zadd(expiry as string, expiresAt, token);
      await admin.sadd(nodeA.keys.hold('e', token), String(seat));
      await admin.hset(nodeA.keys.holdGa('e', token), 'floor', 1);
      await admin.hincrby(ga as string, 'floor:h', 1);
    }
    expect(await nodeA.getHold('e', 'old1')).toMatchObject({
      seats: [1],
      ga: [{ areaId: 'floor', quantity: 1 }],
    });
    // old2 is due: the next write frees it; old1 is released whole.
    expect(await nodeA.release('e', { token: 'old1' })).toMatchObject({
      released: [1],
      ga: [{ areaId: 'floor', quantity: 1 }],
    });
    const snap = await nodeA.snapshot('e');
    expect([...snap.status].slice(0, 3)).toEqual([0, 0, 0]);
    expect(snap.ga).toEqual([{ areaId: 'floor', capacity: 5, held: 0, booked: 0 }]);
    expect(await admin.exists(nodeA.keys.hold('e', 'old1'), nodeA.keys.hold('e', 'old2'))).toBe(0);
    expect(await admin.hgetall(owner as string)).toEqual({});
  });

  it('reloads its Lua library when Redis lost it, and nodes load it side by side', async () => {
    await nodeA.initEvent({ eventId: 'e', seatCount: 100, ga: [] });
    // As after a restart without persistence or a FUNCTION FLUSH: every pipelined call misses it.
    await admin.call('FUNCTION', 'DELETE', loadLibrary().name);
    const holds = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? nodeA : nodeB).hold('e', { token: `t${i}`, seats: [i], ttlMs: 60_000 }),
      ),
    );
    expect(holds.map((h) => h.seats)).toEqual(Array.from({ length: 20 }, (_, i) => [i]));
    expect(new Set(holds.map((h) => h.seq)).size).toBe(20);
    const libraries = (await admin.call(
      'FUNCTION',
      'LIST',
      'LIBRARYNAME',
      loadLibrary().name,
    )) as unknown[];
    expect(libraries).toHaveLength(1);
  });

  it('runs on an auto-pipelining connection, as the engine opens it', async () => {
    const connection = new Redis(redisUrl(), { enableAutoPipelining: true });
    const store = new RedisSeatStore({ redis: connection, prefix });
    try {
      await store.initEvent({ eventId: 'p', seatCount: 4, ga: [] });
      const [hold, snapshot] = await Promise.all([
        store.hold('p', { token: 'a', seats: [1], ttlMs: 60_000 }),
        store.snapshot('p'),
      ]);
      expect(hold.seq).toBe(1);
      expect(snapshot.seq).toBeLessThanOrEqual(1);
      expect([...(await store.snapshot('p')).status]).toEqual([0, 1, 0, 0]);
    } finally {
      await store.close();
      await connection.quit();
    }
  });
});
