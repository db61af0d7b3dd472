// The engine's one Redis connection: a single server (`REDIS_URL`) or a Redis Cluster
// (`REDIS_CLUSTER_NODES`). Everything that talks to Redis (seat store, change subscriber, rate
// limits, the sweeper's lease) takes a `RedisConnection` and works on both. What differs on a
// cluster is handled here and in script-loader.ts / change-subscriber.ts:
// - every key of an event shares the hash tag `{ev:<id>}` (keys.ts), so each Lua function touches
//   one slot; keys outside an event (`active`, rate-limit counters, the sweeper lease) are only
//   used by single-key commands, which the cluster client routes by themselves;
// - Redis Functions are not replicated between shards: the library is loaded on every master;
// - change notifications use classic PUBLISH, which a cluster broadcasts to every node, so one
//   subscription on any node hears the changes of every slot.
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A single Redis server or a Redis Cluster. */
export type RedisConnection = Redis | Cluster;

/** One startup node of a cluster. */
export interface ClusterNode {
  host: string;
  port: number;
}

/** Where Redis is: one server's URL, or a cluster's startup nodes and shared options. */
export type RedisTarget =
  { url: string } | { cluster: ClusterNode[]; username?: string; password?: string; tls?: boolean };

/** Whether `redis` is a cluster client. */
export function isCluster(redis: RedisConnection): redis is Cluster {
  return redis instanceof Cluster;
}

/**
 * The connections that hold data: the server itself, or every master of the cluster (as far as
 * the client knows; empty until a cluster client has connected).
 */
export function masters(redis: RedisConnection): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/**
 * Parses `REDIS_CLUSTER_NODES`: comma-separated `host:port` entries, each optionally written as a
 * `redis://` or `rediss://` URL; credentials and TLS of the entries apply to every node and must
 * agree. Throws an Error naming the bad entry.
 * @example parseClusterNodes('10.0.0.1:7000,10.0.0.2:7000') // { cluster: [{ host, port }, …] }
 */
export function parseClusterNodes(value: string): Extract<RedisTarget, { cluster: unknown }> {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('needs at least one host:port');
  const urls = entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry.includes('://') ? entry : `redis://${entry}`);
    } catch {
      throw new Error(`"${entry}" is not host:port`);
    }
    const port = Number(url.port);
    if (!/^rediss?:$/.test(url.protocol)) throw new Error(`"${entry}": use redis:// or rediss://`);
    if (!url.hostname || !url.port || port < 1 || port > 65535)
      throw new Error(`"${entry}" is not host:port`);
    return url;
  });
  const shared = (u: URL) => `${u.protocol}|${u.username}|${u.password}`;
  if (new Set(urls.map(shared)).size > 1)
    throw new Error('all entries must use the same scheme and credentials');
  const first = urls[0] as URL;
  return {
    cluster: urls.map((u) => ({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port) })),
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    ...(first.protocol === 'rediss:' ? { tls: true } : {}),
  };
}

/**
 * Opens the connection to `target` with `options` for every server connection (a cluster applies
 * them to each node). Cluster clients refresh their slot map on MOVED and on node loss by
 * themselves.
 * @example
 * const redis = openRedis({ cluster: [{ host: '127.0.0.1', port: 7000 }] }, { enableAutoPipelining: true });
 */
export function openRedis(target: RedisTarget, options: RedisOptions = {}): RedisConnection {
  if ('url' in target) return new Redis(target.url, options);
  const { enableAutoPipelining, ...nodeOptions } = options;
  const clusterOptions: ClusterOptions = {
    ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
    redisOptions: {
      ...nodeOptions,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
    // Commands wait while the client re-reads the slot map after a failover instead of failing.
    retryDelayOnClusterDown: 200,
    retryDelayOnFailover: 200,
    slotsRefreshTimeout: 2000,
  };
  return new Cluster(target.cluster, clusterOptions);
}
