// Channel changes reach every node's event cache at once. A node caches each event with its
// channels (events/catalog.ts, 5 s); allocate, release, rename and delete forget this node's entry
// and, with Redis, PUBLISH the event id on `<prefix>channels` so every other node forgets its own
// before its next request. The TTL stays as the backstop for a lost message (pub/sub delivers at
// most once, and a node that was reconnecting misses what was sent meanwhile). Embedded (no
// Redis) there is one node, and forgetting its entry is enough.
import { RedisBus, type PubSubClient } from '../boxoffice/bus.ts';

/** What the catalog offers: forgetting one event's cached entries on this node. */
export interface EventCache {
  invalidate(eventId: string): void;
}

export interface ChannelChanges {
  /**
   * Forgets the event's cached channels here and on every node; resolves once the message is
   * published (a failure is reported, not thrown: the change itself has committed).
   */
  changed(orgId: string, eventId: string): Promise<void>;
  /** Resolves once this node hears other nodes' changes (tests wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process: forgetting the local entry is all there is to do. */
class LocalChanges implements ChannelChanges {
  constructor(private readonly cache: EventCache) {}

  async changed(_orgId: string, eventId: string): Promise<void> {
    this.cache.invalidate(eventId);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * Several nodes on one Redis. The subscription reuses the box office's RedisBus (its own
 * subscriber connection, resubscribing after a reconnect, errors reported once a while) on a
 * channel of its own; the publish is awaited so the message is out before the API answers.
 */
class RedisChanges implements ChannelChanges {
  private readonly bus: RedisBus;

  constructor(
    private readonly cache: EventCache,
    private readonly redis: PubSubClient,
    private readonly channel: string,
    private readonly onError: (err: unknown) => void,
  ) {
    this.bus = new RedisBus(redis, channel, onError);
    this.bus.subscribe((signal) => this.cache.invalidate(signal.eventId));
  }

  async changed(orgId: string, eventId: string): Promise<void> {
    this.cache.invalidate(eventId);
    const signal = { type: 'event.changed', orgId, eventId };
    await this.redis.publish(this.channel, JSON.stringify(signal)).catch(this.onError);
  }

  ready(): Promise<void> {
    return this.bus.ready();
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}

/**
 * The channel changes of a node: over Redis pub/sub when it has Redis, else in-process.
 * @example const changes = channelChanges(catalog, ctx.redis, 'pt:', (err) => log.warn({ err }));
 */
export function channelChanges(
  cache: EventCache,
  redis: PubSubClient | undefined,
  prefix: string,
  onError: (err: unknown) => void = () => undefined,
): ChannelChanges {
  return redis
    ? new RedisChanges(cache, redis, `${prefix}channels`, onError)
    : new LocalChanges(cache);
}
