// The seat store on a Redis Cluster for the store contract suite: each harness opens its own
// cluster client and store on a unique prefix of one shared throw-away cluster.
import type { Cluster } from 'ioredis';
import { openRedis } from '../../engine/src/store/redis/connection.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import { deleteClusterPrefix, type RedisCluster } from '../support/redis-cluster.ts';
import { uniqueName } from '../support/services.ts';
import type { MakeHarness } from '../store/harness.ts';

/** Harnesses on `cluster()` (a getter: the cluster starts in the file's beforeAll). */
export function makeClusterHarness(cluster: () => RedisCluster): MakeHarness {
  return async (options = {}) => {
    const prefix = `${uniqueName('cstore')}:`;
    const { client: admin, ports } = cluster();
    const redis = openRedis(
      { cluster: ports.map((port) => ({ host: '127.0.0.1', port })) },
      { enableAutoPipelining: true },
    ) as Cluster;
    redis.on('error', () => undefined);
    const store = new RedisSeatStore({ redis, prefix, ...options });
    return {
      store,
      loseData: (eventId) => deleteClusterPrefix(admin, store.keys.base(eventId)),
      subscribed: () => store.subscribed(),
      cleanup: async () => {
        await store.close();
        await redis.quit();
        await deleteClusterPrefix(admin, prefix);
      },
    };
  };
}
