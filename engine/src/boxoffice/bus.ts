// Signals between the box-office hubs of all nodes that the seat store's change feed does not
// carry: a ticket was scanned at the door, or an event's settings changed (sales opened or
// closed, prices edited). With Redis, one PUBLISH on `<prefix>boxoffice` reaches every node
// (the publisher too, so local and remote signals take one path); embedded, an in-process
// emitter does. Delivery is at most once: signals only trigger a re-read of the durable state.

/** Something the box office of an event should re-read. */
export interface BoxOfficeSignal {
  type: 'scan' | 'event.changed';
  orgId: string;
  eventId: string;
}

export type SignalListener = (signal: BoxOfficeSignal) => void;

export interface BoxOfficeBus {
  publish(signal: BoxOfficeSignal): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: SignalListener): () => void;
  close(): Promise<void>;
}

/** The bus of a single process (embedded mode, tests). */
export class InProcessBus implements BoxOfficeBus {
  private readonly listeners = new Set<SignalListener>();

  publish(signal: BoxOfficeSignal): void {
    // Asynchronous like Redis, so callers never run listeners inside their own request.
    queueMicrotask(() => {
      for (const listener of [...this.listeners]) listener(signal);
    });
  }

  subscribe(listener: SignalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** What the Redis bus needs of an ioredis client (a single server or a cluster). */
export interface PubSubClient {
  publish(channel: string, message: string): Promise<unknown>;
  duplicate(): SubscriberClient;
}

interface SubscriberClient {
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

const isSignal = (v: unknown): v is BoxOfficeSignal => {
  const s = v as Partial<BoxOfficeSignal> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    (s.type === 'scan' || s.type === 'event.changed') &&
    typeof s.orgId === 'string' &&
    typeof s.eventId === 'string'
  );
};

/** While Redis stays unreachable the subscriber errors on every reconnect: report one a while. */
export const SUBSCRIBER_ERROR_REPORT_MS = 30_000;

/** The bus of a multi-node installation, over Redis pub/sub. */
export class RedisBus implements BoxOfficeBus {
  private readonly listeners = new Set<SignalListener>();
  private subscriber: SubscriberClient | undefined;
  private subscribing: Promise<unknown> | undefined;
  private lastErrorReport = -Infinity;

  constructor(
    private readonly redis: PubSubClient,
    private readonly channel: string,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  publish(signal: BoxOfficeSignal): void {
    this.redis.publish(this.channel, JSON.stringify(signal)).catch(this.onError);
  }

  subscribe(listener: SignalListener): () => void {
    this.listeners.add(listener);
    void this.start();
    return () => this.listeners.delete(listener);
  }

  /** Resolves once this node hears the channel (tests wait for it before publishing). */
  async ready(): Promise<void> {
    await this.start();
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.subscribing = undefined;
    if (subscriber) await subscriber.quit().catch(() => undefined);
  }

  private start(): Promise<unknown> {
    if (this.subscribing) return this.subscribing;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    // Without a listener ioredis prints "Unhandled error event" for every failed reconnect; it
    // reconnects (and resubscribes) by itself, so one report per SUBSCRIBER_ERROR_REPORT_MS is enough.
    subscriber.on('error', (err) => {
      const now = Date.now();
      if (now - this.lastErrorReport < SUBSCRIBER_ERROR_REPORT_MS) return;
      this.lastErrorReport = now;
      this.onError(err);
    });
    subscriber.on('message', (channel, message) => {
      if (channel !== this.channel) return;
      let signal: unknown;
      try {
        signal = JSON.parse(message);
      } catch {
        return;
      }
      if (!isSignal(signal)) return;
      for (const listener of [...this.listeners]) listener(signal);
    });
    this.subscribing = subscriber.subscribe(this.channel).catch(this.onError);
    return this.subscribing;
  }
}

/**
 * The bus of a node: over the store's Redis when there is one, else in-process.
 * @example const bus = boxOfficeBus(ctx.redis, config.REDIS_PREFIX, (err) => log.warn({ err }));
 */
export function boxOfficeBus(
  redis: PubSubClient | undefined,
  prefix: string,
  onError?: (err: unknown) => void,
): BoxOfficeBus {
  return redis ? new RedisBus(redis, `${prefix}boxoffice`, onError) : new InProcessBus();
}
