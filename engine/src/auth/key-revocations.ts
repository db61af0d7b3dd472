// "These API keys were revoked", told to every node at once so each drops them from its key-lookup
// cache (authenticate.ts) instead of accepting them until the cache's 30 s TTL runs out. The node
// that revoked hears it synchronously; with Redis one PUBLISH on `<prefix>keys` carries it to the
// other nodes (a node ignores its own messages, so a Redis outage never delays the local drop).
// Delivery is at most once: a node that was reconnecting misses what was sent meanwhile, which is
// why the cache keeps its TTL as the backstop.
import { randomBytes } from 'node:crypto';
import { RedisTopic, type PubSubClient } from '../pubsub/redis-topic.ts';

export type RevocationListener = (keyIds: readonly string[]) => void;

export interface KeyRevocations {
  /** Tells this node's listeners at once, and every other node's through Redis. */
  publish(keyIds: readonly string[]): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: RevocationListener): () => void;
  /** Resolves once this node hears other nodes' revocations (at once without Redis). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process (embedded mode): listeners are called in place. */
export class LocalKeyRevocations implements KeyRevocations {
  protected readonly listeners = new Set<RevocationListener>();

  publish(keyIds: readonly string[]): void {
    this.notify(keyIds);
  }

  subscribe(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners.clear();
  }

  protected notify(keyIds: readonly string[]): void {
    if (keyIds.length === 0) return;
    for (const listener of [...this.listeners]) listener(keyIds);
  }
}

/** On the wire (JSON on `<prefix>keys`). */
export interface RevocationMessage {
  keyIds: string[];
  /** The publishing node, which has told its own listeners already. */
  node: string;
}

const isMessage = (v: unknown): v is RevocationMessage => {
  const m = v as Partial<RevocationMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.keyIds) &&
    m.keyIds.every((id) => typeof id === 'string') &&
    typeof m.node === 'string'
  );
};

/** The channel of a deployment's revocations. */
export const revocationChannel = (prefix: string): string => `${prefix}keys`;

/**
 * Several nodes on one Redis, over a RedisTopic (its own subscriber connection, which keeps
 * subscribing until Redis confirms). The subscription starts at construction.
 */
export class RedisKeyRevocations extends LocalKeyRevocations {
  private readonly node = randomBytes(8).toString('base64url');
  private readonly topic: RedisTopic<RevocationMessage>;

  constructor(redis: PubSubClient, channel: string, onError?: (err: unknown) => void) {
    super();
    this.topic = new RedisTopic(redis, channel, isMessage, onError ? { onError } : {});
    this.topic.subscribe((message) => {
      if (message.node !== this.node) this.notify(message.keyIds);
    });
  }

  override publish(keyIds: readonly string[]): void {
    if (keyIds.length === 0) return;
    this.notify(keyIds);
    void this.topic.publish({ keyIds: [...keyIds], node: this.node });
  }

  override ready(): Promise<void> {
    return this.topic.ready();
  }

  override async close(): Promise<void> {
    await super.close();
    await this.topic.close();
  }
}

/**
 * The key revocations of a node: over the store's Redis when there is one, else in-process.
 * @example const revocations = keyRevocations(ctx.redis, 'pt:', (err) => log.warn({ err }));
 */
export function keyRevocations(
  redis: PubSubClient | undefined,
  prefix: string,
  onError?: (err: unknown) => void,
): KeyRevocations {
  return redis
    ? new RedisKeyRevocations(redis, revocationChannel(prefix), onError)
    : new LocalKeyRevocations();
}
