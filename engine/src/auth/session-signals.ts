// "Some sessions of this user ended or changed organisation" (logout, password change, switch),
// told to every node at once so each re-checks the user's live sockets and drops those whose
// session is gone. The node where it happened hears it synchronously, as before; with Redis one
// PUBLISH on `<prefix>sessions` carries it to the other nodes (a node ignores its own messages, so
// a Redis outage never delays the local drop). Delivery is at most once: a signal only triggers a
// re-read of the sessions in Postgres, and the live layer's periodic re-check stays the backstop
// for a message lost while a subscriber was reconnecting.
import { randomBytes } from 'node:crypto';
import { SUBSCRIBER_ERROR_REPORT_MS, type PubSubClient } from '../boxoffice/bus.ts';

export type SessionListener = (userId: string) => void;

export interface SessionSignals {
  /** Tells this node's listeners at once, and every other node's through Redis. */
  publish(userId: string): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: SessionListener): () => void;
  /** Resolves once this node hears other nodes' signals (at once without Redis). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process (embedded mode): listeners are called in place. */
export class LocalSessionSignals implements SessionSignals {
  protected readonly listeners = new Set<SessionListener>();

  publish(userId: string): void {
    this.notify(userId);
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners.clear();
  }

  protected notify(userId: string): void {
    for (const listener of [...this.listeners]) listener(userId);
  }
}

interface Message {
  userId: string;
  /** The publishing node, which has told its own listeners already. */
  node: string;
}

const isMessage = (v: unknown): v is Message => {
  const m = v as Partial<Message> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.userId === 'string' &&
    typeof m.node === 'string'
  );
};

/**
 * Several nodes on one Redis. The subscriber (its own connection, as Redis requires) starts at
 * construction, so a node hears signals from the moment it serves sockets; `ready()` resolves once
 * the SUBSCRIBE is confirmed (or failed, which is reported: the periodic re-check then covers).
 */
export class RedisSessionSignals extends LocalSessionSignals {
  private readonly node = randomBytes(8).toString('base64url');
  private readonly subscriber: ReturnType<PubSubClient['duplicate']>;
  private readonly subscribing: Promise<void>;
  private lastErrorReport = -Infinity;

  constructor(
    private readonly redis: PubSubClient,
    private readonly channel: string,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    super();
    this.subscriber = redis.duplicate();
    // ioredis reconnects and resubscribes by itself; without an error listener it would print
    // "Unhandled error event" on every failed reconnect, so report one a while.
    this.subscriber.on('error', (err) => {
      const now = Date.now();
      if (now - this.lastErrorReport < SUBSCRIBER_ERROR_REPORT_MS) return;
      this.lastErrorReport = now;
      this.onError(err);
    });
    this.subscriber.on('message', (from, text) => {
      if (from !== this.channel) return;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return;
      }
      if (isMessage(message) && message.node !== this.node) this.notify(message.userId);
    });
    this.subscribing = this.subscriber.subscribe(channel).then(() => undefined, this.onError);
  }

  override publish(userId: string): void {
    this.notify(userId);
    const message: Message = { userId, node: this.node };
    this.redis.publish(this.channel, JSON.stringify(message)).catch(this.onError);
  }

  override ready(): Promise<void> {
    return this.subscribing;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.subscriber.quit().catch(() => undefined);
  }
}

/**
 * The session signals of a node: over the store's Redis when there is one, else in-process.
 * @example const signals = sessionSignals(ctx.redis, 'pt:', (err) => log.warn({ err }));
 */
export function sessionSignals(
  redis: PubSubClient | undefined,
  prefix: string,
  onError?: (err: unknown) => void,
): SessionSignals {
  return redis
    ? new RedisSessionSignals(redis, `${prefix}sessions`, onError)
    : new LocalSessionSignals();
}
