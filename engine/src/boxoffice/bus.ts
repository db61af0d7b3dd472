// Signals between the box-office hubs of all nodes that the seat store's change feed does not
// carry: a ticket was scanned at the door, or an event's settings changed (sales opened or
// closed, prices edited). With Redis, one PUBLISH on `<prefix>boxoffice` reaches every node
// (the publisher too, so local and remote signals take one path); embedded, an in-process
// emitter does. Delivery is at most once: signals only trigger a re-read of the durable state.
import { RedisTopic, type PubSubClient } from '../pubsub/redis-topic.ts';

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

/** A box-office signal, as it travels between nodes (channel changes reuse the shape). */
export const isBoxOfficeSignal = (v: unknown): v is BoxOfficeSignal => {
  const s = v as Partial<BoxOfficeSignal> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    (s.type === 'scan' || s.type === 'event.changed') &&
    typeof s.orgId === 'string' &&
    typeof s.eventId === 'string'
  );
};

/**
 * The bus of a multi-node installation: a RedisTopic (its own subscriber connection, which keeps
 * subscribing until Redis confirms, also after a start during an outage; errors reported once a
 * while). The publisher hears its own signal back through Redis like every other node.
 */
export class RedisBus implements BoxOfficeBus {
  private readonly topic: RedisTopic<BoxOfficeSignal>;

  constructor(redis: PubSubClient, channel: string, onError?: (err: unknown) => void) {
    this.topic = new RedisTopic(redis, channel, isBoxOfficeSignal, onError ? { onError } : {});
  }

  publish(signal: BoxOfficeSignal): void {
    void this.topic.publish(signal);
  }

  subscribe(listener: SignalListener): () => void {
    return this.topic.subscribe(listener);
  }

  /** Resolves once Redis confirms this node hears the channel (tests wait for it). */
  ready(): Promise<void> {
    return this.topic.ready();
  }

  close(): Promise<void> {
    return this.topic.close();
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
