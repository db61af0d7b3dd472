// Channel changes reach every node's event cache at once. A node caches each event with its
// channels (events/catalog.ts, 5 s); allocate, release, rename and delete forget this node's entry
// and, with Redis, PUBLISH the event id on `<prefix>channels` so every other node forgets its own
// within a message round trip. The TTL stays as the backstop for a lost message (pub/sub delivers
// at most once, and a node that was reconnecting misses what was sent meanwhile). Embedded (no
// Redis) there is one node, and forgetting its entry is enough.
import { isBoxOfficeSignal, type BoxOfficeSignal } from '../boxoffice/bus.ts';
import { RedisTopic, type PubSubClient } from '../pubsub/redis-topic.ts';

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
  /** Resolves once Redis confirms this node hears other nodes' changes (tests wait for it). */
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
 * Several nodes on one Redis: a RedisTopic of its own (its own subscriber connection, which keeps
 * subscribing until Redis confirms; errors reported once a while), carrying the box office's
 * signal shape. The publish is awaited so the message is out before the API answers.
 */
class RedisChanges implements ChannelChanges {
  private readonly topic: RedisTopic<BoxOfficeSignal>;

  constructor(
    private readonly cache: EventCache,
    redis: PubSubClient,
    channel: string,
    onError: (err: unknown) => void,
  ) {
    this.topic = new RedisTopic(redis, channel, isBoxOfficeSignal, { onError });
    this.topic.subscribe((signal) => this.cache.invalidate(signal.eventId));
  }

  async changed(orgId: string, eventId: string): Promise<void> {
    this.cache.invalidate(eventId);
    await this.topic.publish({ type: 'event.changed', orgId, eventId });
  }

  ready(): Promise<void> {
    return this.topic.ready();
  }

  close(): Promise<void> {
    return this.topic.close();
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
