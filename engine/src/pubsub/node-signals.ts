// A value told to every node at once: this node's listeners hear it in place, synchronously, and
// with Redis one PUBLISH on a RedisTopic carries it to the other nodes (a node ignores its own
// messages coming back, so a Redis outage never delays the local effect). Delivery to the other
// nodes is at most once: every user keeps a backstop (a cache TTL, a periodic re-check) for a
// message lost while a subscriber was reconnecting. Session ends and key revocations are each one
// of these; the CLI, which is no node, publishes the same envelope (`signalEnvelope`).
import { randomBytes } from 'node:crypto';
import { RedisTopic, type PubSubClient } from './redis-topic.ts';

export interface NodeSignals<T> {
  /** Tells this node's listeners at once, and every other node's through Redis. */
  publish(value: T): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: (value: T) => void): () => void;
  /** Resolves once this node hears other nodes' signals (at once without Redis). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** On the wire: the value and the node that published it (which has told its listeners). */
export interface SignalEnvelope<T> {
  node: string;
  value: T;
}

/** The envelope of `value` sent by `node` (a node id, or a CLI run's own name). */
export const signalEnvelope = <T>(value: T, node: string): SignalEnvelope<T> => ({ node, value });

/** One process (embedded mode): listeners are called in place. */
export class LocalSignals<T> implements NodeSignals<T> {
  protected readonly listeners = new Set<(value: T) => void>();

  publish(value: T): void {
    this.notify(value);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners.clear();
  }

  protected notify(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}

/**
 * Several nodes on one Redis, over a RedisTopic (its own subscriber connection, which keeps
 * subscribing until Redis confirms). The subscription starts at construction, so a node hears
 * signals from the moment it serves; `ready()` resolves once Redis confirms it, and is pending
 * again while the subscriber reconnects.
 */
export class RedisSignals<T> extends LocalSignals<T> {
  private readonly node = randomBytes(8).toString('base64url');
  private readonly topic: RedisTopic<SignalEnvelope<T>>;

  constructor(
    redis: PubSubClient,
    channel: string,
    isValue: (v: unknown) => v is T,
    onError?: (err: unknown) => void,
  ) {
    super();
    const isEnvelope = (v: unknown): v is SignalEnvelope<T> => {
      const m = v as Partial<SignalEnvelope<unknown>> | null;
      return typeof m === 'object' && m !== null && typeof m.node === 'string' && isValue(m.value);
    };
    this.topic = new RedisTopic(redis, channel, isEnvelope, onError ? { onError } : {});
    this.topic.subscribe((message) => {
      if (message.node !== this.node) this.notify(message.value);
    });
  }

  override publish(value: T): void {
    this.notify(value);
    void this.topic.publish(signalEnvelope(value, this.node));
  }

  override ready(): Promise<void> {
    return this.topic.ready();
  }

  override async close(): Promise<void> {
    await super.close();
    await this.topic.close();
  }
}
