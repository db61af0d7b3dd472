// "These API keys were revoked", told to every node at once so each drops them from its key-lookup
// cache (authenticate.ts) instead of accepting them until the cache's 30 s TTL runs out. The node
// that revoked hears it synchronously; with Redis one PUBLISH on `<prefix>keys` carries it to the
// other nodes (a node ignores its own messages, so a Redis outage never delays the local drop).
// Delivery is at most once: a node that was reconnecting misses what was sent meanwhile, which is
// why the cache keeps its TTL as the backstop.
import type { PubSubClient } from '../pubsub/redis-topic.ts';
import { LocalSignals, RedisSignals, type NodeSignals } from '../pubsub/node-signals.ts';

/** The ids of the keys revoked (never empty: nothing is published for none). */
export type KeyRevocations = NodeSignals<readonly string[]>;

const isKeyIds = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((id) => typeof id === 'string');

/** The channel of a deployment's revocations. */
export const revocationChannel = (prefix: string): string => `${prefix}keys`;

/**
 * The key revocations of a node: over the store's Redis when there is one (pubsub/node-signals.ts),
 * else in-process.
 * @example const revocations = keyRevocations(ctx.redis, 'pt:', (err) => log.warn({ err }));
 */
export function keyRevocations(
  redis: PubSubClient | undefined,
  prefix: string,
  onError?: (err: unknown) => void,
): KeyRevocations {
  return redis
    ? new RedisSignals(redis, revocationChannel(prefix), isKeyIds, onError)
    : new LocalSignals();
}
