// The seat store on a real 3-master Redis Cluster: the whole store contract, plus what only a
// cluster can get wrong — events in different slots on different masters, every key of an event in
// one slot, the Lua library on every master (and back after a master lost it), and change
// notifications between two nodes whatever master published them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from 'ioredis';
import { openRedis } from '../../engine/src/store/redis/connection.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { loadLibrary } from '../../engine/src/store/redis/script-loader.ts';
import {
  clusterKeys,
  deleteClusterPrefix,
  onMasters,
  startRedisCluster,
  type RedisCluster,
} from '../support/redis-cluster.ts';
import { uniqueName } from '../support/services.ts';
import { describePacerContract } from '../fair-use/pacer-contract.ts';
import { describeSeatStoreContract } from '../store/contract.ts';
import { makeClusterHarness } from './harness.ts';

let cluster: RedisCluster | undefined;
const getCluster = () => cluster as RedisCluster;

beforeAll(async () => {
  cluster = await startRedisCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

describeSeatStoreContract('Redis Cluster store', makeClusterHarness(getCluster));

// Rate pacing on the cluster: a key and its organisation share the organisation's hash tag, so one
// script takes both. (The throw-away cluster goes with its keys.)
const pacePrefix = `${uniqueName('cpace')}:`;
describePacerContract('a Redis Cluster', () => ({
  connect: () => {
    const redis = openRedis({
      cluster: getCluster().ports.map((port) => ({ host: '127.0.0.1', port })),
    });
    redis.on('error', () => undefined);
    return redis;
  },
  prefix: () => pacePrefix,
}));

/** Event ids whose hash slots belong to three different masters. */
async function eventsOnEveryMaster(admin: Cluster, prefix: string): Promise<string[]> {
  const byMaster = new Map<string, string>();
  for (let i = 0; byMaster.size < 3 && i < 1000; i++) {
    const eventId = `e${i}`;
    const slot = Number(await admin.cluster('KEYSLOT', `${prefix}{ev:${eventId}}:status`));
    const owner = (admin.slots[slot] as string[])[0] as string;
    if (!byMaster.has(owner)) byMaster.set(owner, eventId);
  }
  return [...byMaster.values()];
}

describe('Redis Cluster store across nodes', () => {
  let prefix: string;
  let connections: Cluster[];
  let nodeA: RedisSeatStore;
  let nodeB: RedisSeatStore;

  const connect = () => {
    const redis = openRedis(
      { cluster: getCluster().ports.map((port) => ({ host: '127.0.0.1', port })) },
      { enableAutoPipelining: true },
    ) as Cluster;
    redis.on('error', () => undefined);
    connections.push(redis);
    return redis;
  };

  beforeEach(() => {
    prefix = `${uniqueName('cnodes')}:`;
    connections = [];
    nodeA = new RedisSeatStore({ redis: connect(), prefix });
    nodeB = new RedisSeatStore({ redis: connect(), prefix });
  });

  afterEach(async () => {
    await nodeA.close();
    await nodeB.close();
    await Promise.all(connections.map((c) => c.quit()));
    await deleteClusterPrefix(getCluster().client, prefix);
  });

  it('serves events on every master and notifies the other node of each', async () => {
    const admin = getCluster().client;
    const events = await eventsOnEveryMaster(admin, prefix);
    expect(events).toHaveLength(3);
    const seen: string[] = [];
    nodeB.onChange((eventId) => seen.push(eventId));
    await nodeB.subscribed();
    for (const eventId of events) {
      await nodeA.initEvent({ eventId, seatCount: 10, ga: [{ areaId: 'floor', capacity: 3 }] });
      await nodeA.hold(eventId, {
        token: 'a',
        seats: [1, 2],
        ga: [{ areaId: 'floor', quantity: 1 }],
        ttlMs: 60_000,
      });
      await expect(
        nodeB.hold(eventId, { token: 'b', seats: [2], ttlMs: 60_000 }),
      ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
      await nodeB.book(eventId, { seats: [5] });
      expect([...(await nodeA.snapshot(eventId)).status]).toEqual([0, 1, 1, 0, 0, 2, 0, 0, 0, 0]);
    }
    await expect
      .poll(() => [...new Set(seen)].sort(), { timeout: 5_000 })
      .toEqual([...events].sort());
    // Each event's keys sit on the master of its slot, all in that one slot.
    for (const eventId of events) {
      const keys = (await clusterKeys(admin, nodeA.keys.base(eventId))).filter(
        (k) => !k.endsWith('active'),
      );
      expect(keys.length).toBeGreaterThanOrEqual(7);
      const slots = await Promise.all(keys.map((k) => admin.cluster('KEYSLOT', k)));
      expect(new Set(slots).size).toBe(1);
    }
    const perMaster = await onMasters(admin, (node) => node.keys(`${prefix}{ev:*`));
    expect(perMaster.every((keys) => keys.length > 0)).toBe(true);
    expect(await nodeA.activeEvents()).toEqual(expect.arrayContaining(events));
    for (const eventId of events) await nodeA.dropEvent(eventId);
    expect(await clusterKeys(admin, prefix)).toEqual([]);
  });

  it('loads the Lua library on every master, and again on a master that lost it', async () => {
    const admin = getCluster().client;
    const events = await eventsOnEveryMaster(admin, prefix);
    for (const eventId of events) await nodeA.initEvent({ eventId, seatCount: 50, ga: [] });
    const name = loadLibrary().name;
    const listed = await onMasters(admin, (node) =>
      node.call('FUNCTION', 'LIST', 'LIBRARYNAME', name),
    );
    expect(listed.map((l) => (l as unknown[]).length)).toEqual([1, 1, 1]);
    // As after a master restarted without data, or a new master took over slots: calls that miss
    // the library load it again on every master and retry.
    const [lost] = admin.nodes('master');
    await lost!.call('FUNCTION', 'DELETE', name);
    const holds = await Promise.all(
      events.flatMap((eventId) =>
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? nodeA : nodeB).hold(eventId, { token: `t${i}`, seats: [i], ttlMs: 60_000 }),
        ),
      ),
    );
    expect(holds.map((h) => h.seats[0])).toEqual(events.flatMap(() => [...Array(10).keys()]));
    const after = await onMasters(admin, (node) =>
      node.call('FUNCTION', 'LIST', 'LIBRARYNAME', name),
    );
    expect(after.map((l) => (l as unknown[]).length)).toEqual([1, 1, 1]);
  });
});
