// "Some sessions of this user ended or changed organisation" (logout, password change, switch),
// told to every node at once so each re-checks the user's live sockets and drops those whose
// session is gone. The node where it happened hears it synchronously, as before; with Redis one
// PUBLISH on `<prefix>sessions` carries it to the other nodes (a node ignores its own messages, so
// a Redis outage never delays the local drop). Delivery is at most once: a signal only triggers a
// re-read of the sessions in Postgres, and the live layer's periodic re-check stays the backstop
// for a message lost while a subscriber was reconnecting or Redis was unreachable.
import { randomBytes } from 'node:crypto';
import { RedisTopic, type PubSubClient } from '../pubsub/redis-topic.ts';

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
 * Several nodes on one Redis, over a RedisTopic (pubsub/redis-topic.ts: its own subscriber
 * connection, which keeps subscribing until Redis confirms). The subscription starts at
 * construction, so a node hears signals from the moment it serves sockets; `ready()` resolves once
 * Redis confirms it, and is pending again while the subscriber reconnects.
 */
export class RedisSessionSignals extends LocalSessionSignals {
  private readonly node = randomBytes(8).toString('base64url');
  private readonly topic: RedisTopic<Message>;

  constructor(redis: PubSubClient, channel: string, onError?: (err: unknown) => void) {
    super();
    this.topic = new RedisTopic(redis, channel, isMessage, onError ? { onError } : {});
    this.topic.subscribe((message) => {
      if (message.node !== this.node) this.notify(message.userId);
    });
  }

  override publish(userId: string): void {
    this.notify(userId);
    void this.topic.publish({ userId, node: this.node });
  }

  override ready(): Promise<void> {
    return this.topic.ready();
  }

  override async close(): Promise<void> {
    await super.close();
    await this.topic.close();
  }
}

/** How long a staff socket's handshake waits for its node to hear session signals (ms). */
export const LISTEN_WAIT_MS = 2_000;

/**
 * The wait of a staff socket's handshake: until `listening` resolves (the node hears other nodes'
 * session ends, so none after the handshake's read is missed), but at most `waitMs`. Past that
 * (Redis unreachable, so nothing is heard anyway) the handshake goes on and the socket relies on
 * the live layer's periodic session re-check; `onNotListening` is called once per such spell,
 * and again only after the node has been heard listening in between.
 * @example const listened = boundedListening(() => auth.staff.listening(), { onNotListening: () => log.warn('…') });
 */
export function boundedListening(
  listening: () => Promise<void>,
  options: { waitMs?: number; onNotListening?: () => void } = {},
): () => Promise<void> {
  const waitMs = options.waitMs ?? LISTEN_WAIT_MS;
  let told = false;
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const heard = await Promise.race([
      listening().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (heard) told = false;
    else if (!told) {
      told = true;
      options.onNotListening?.();
    }
  };
}

/** The Redis channel session signals travel on (also published by the CLI). */
export const sessionChannel = (prefix: string): string => `${prefix}sessions`;

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
    ? new RedisSessionSignals(redis, sessionChannel(prefix), onError)
    : new LocalSessionSignals();
}
