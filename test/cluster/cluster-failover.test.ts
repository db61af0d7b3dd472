// A Redis Cluster master dies (kill -9) and its replica takes over: the seat store, on connections
// opened as the engine opens them, goes on serving the event of the lost master with its state
// intact, and change notifications keep reaching the other node.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cluster, Redis } from 'ioredis';
import { openRedis } from '../../engine/src/store/redis/connection.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster.ts';
import { uniqueName } from '../support/services.ts';

let cluster: RedisCluster | undefined;
const connections: Cluster[] = [];
const stores: RedisSeatStore[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3, replicas: 1 });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  connections.forEach((c) => c.disconnect());
  await cluster?.stop();
});

/** A store on its own cluster client, opened with the engine's options. */
function node(c: RedisCluster, prefix: string): RedisSeatStore {
  const redis = openRedis(
    { cluster: c.ports.map((port) => ({ host: '127.0.0.1', port })) },
    { maxRetriesPerRequest: 2, enableAutoPipelining: true },
  ) as Cluster;
  redis.on('error', () => undefined);
  connections.push(redis);
  const store = new RedisSeatStore({ redis, prefix });
  stores.push(store);
  return store;
}

/** Retries `fn` while the cluster fails over (connection errors, CLUSTERDOWN), up to 20 s. */
async function eventually<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

it('keeps serving an event whose master failed over to its replica', async () => {
  const c = cluster as RedisCluster;
  const prefix = `${uniqueName('cfail')}:`;
  const nodeA = node(c, prefix);
  const nodeB = node(c, prefix);
  const eventId = 'fo';
  await nodeA.initEvent({ eventId, seatCount: 20, ga: [] });
  await nodeA.hold(eventId, { token: 'before', seats: [1, 2], ttlMs: 600_000 });
  await nodeB.book(eventId, { seats: [3] });
  const notified: number[] = [];
  nodeB.onChange((id, seq) => {
    if (id === eventId) notified.push(seq);
  });
  await nodeB.subscribed();

  // The master of the event's slot, once its replica has every write.
  const admin = c.client;
  const slot = Number(await admin.cluster('KEYSLOT', nodeA.keys.event(eventId)[0] as string));
  const owner = (admin.slots[slot] as string[])[0] as string;
  const port = Number(owner.split(':')[1]);
  const master = admin.nodes('master').find((n) => n.options.port === port) as Redis;
  expect(Number(await master.call('WAIT', '1', '5000'))).toBe(1);
  await c.kill(port);

  const after = await eventually(() =>
    nodeA.hold(eventId, { token: 'after', seats: [4], ttlMs: 600_000 }),
  );
  expect(after.seats).toEqual([4]);
  const snapshot = await nodeB.snapshot(eventId);
  expect([...snapshot.status.slice(0, 6)]).toEqual([0, 1, 1, 2, 1, 0]);
  await expect(
    nodeB.hold(eventId, { token: 'late', seats: [2], ttlMs: 600_000 }),
  ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
  await expect.poll(() => notified.includes(after.seq), { timeout: 10_000 }).toBe(true);
  // Node A's client now sends the slot to the promoted replica.
  expect((connections[0]!.slots[slot] as string[])[0]).not.toBe(owner);
  await nodeA.dropEvent(eventId);
});
