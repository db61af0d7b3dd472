// One Redis pub/sub channel carrying JSON messages of one type between the nodes: the box-office
// bus, channel changes and session signals are each a RedisTopic with a channel name and a type
// guard, so the subscription's care lives here once.
//
// Why a loop instead of a single SUBSCRIBE: ioredis only remembers (and re-issues after a
// reconnect) a subscription Redis has confirmed. A SUBSCRIBE sent while Redis is down is rejected
// (`maxRetriesPerRequest`, or no offline queue) and never sent again, so a node started during an
// outage would hear nothing until restarted. The topic therefore keeps subscribing until Redis
// confirms: at once whenever the subscriber connection becomes ready, and with a capped backoff
// in between. `ready()` reflects that state: it resolves when the channel is confirmed, and a
// dropped connection makes it pending again until the subscription is confirmed once more.
// Messages published while a node is not subscribed are lost to it (at most once delivery), which
// is why every user of a topic keeps a periodic backstop.

/** What a topic needs of an ioredis client (a single server or a cluster). */
export interface PubSubClient {
  publish(channel: string, message: string): Promise<unknown>;
  duplicate(): SubscriberClient;
}

/** The subscriber connection, a duplicate of the client (a subscribed connection runs nothing else). */
export interface SubscriberClient {
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  on(event: 'ready' | 'close', listener: () => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

/** While Redis stays unreachable the subscriber errors on every reconnect: report one a while. */
const SUBSCRIBER_ERROR_REPORT_MS = 30_000;
/** First and longest pause between SUBSCRIBE attempts while the connection is up (ms). */
const RESUBSCRIBE_MIN_MS = 200;
const RESUBSCRIBE_MAX_MS = 10_000;

/** A SUBSCRIBE Redis did not confirm; reported once per spell of not being subscribed. */
export class SubscribeError extends Error {
  constructor(channel: string, cause: unknown) {
    super(
      `SUBSCRIBE ${channel} failed (${cause instanceof Error ? cause.message : String(cause)}); retrying until Redis confirms`,
      { cause },
    );
    this.name = 'SubscribeError';
  }
}

export interface RedisTopicOptions {
  /** Failed publishes, the first failed SUBSCRIBE of a spell, and subscriber errors (throttled). */
  onError?: (err: unknown) => void;
}

interface Pending {
  promise: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

function pending(): Pending {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A close rejects waiters; nobody need be waiting.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Typed JSON messages on one Redis channel, with a subscription that survives outages.
 * @example
 * const topic = new RedisTopic(redis, 'pt:boxoffice', isSignal, { onError: (err) => log.warn({ err }) });
 * topic.subscribe((signal) => refresh(signal.eventId));
 * await topic.ready(); // this node hears the channel
 * await topic.publish({ type: 'scan', orgId, eventId });
 */
export class RedisTopic<T> {
  private readonly listeners = new Set<(message: T) => void>();
  private subscriber: SubscriberClient | undefined;
  private subscribed = false;
  private waiting = pending();
  private looping = false;
  private closed = false;
  /** Ends the current pause between SUBSCRIBE attempts early (the connection became ready). */
  private wake: (() => void) | undefined;
  private failureReported = false;
  private lastErrorReport = -Infinity;
  private readonly onError: (err: unknown) => void;

  constructor(
    private readonly redis: PubSubClient,
    readonly channel: string,
    private readonly isMessage: (value: unknown) => value is T,
    options: RedisTopicOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
  }

  /** True while Redis has confirmed this node's subscription and the connection stands. */
  get isSubscribed(): boolean {
    return this.subscribed;
  }

  /** Publishes to every subscribed node; resolves once sent, a failure reported (never thrown). */
  async publish(message: T): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(message)).then(
      () => undefined,
      (err: unknown) => this.onError(err),
    );
  }

  /** Adds a listener (starting the subscription if needed); returns its removal. */
  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once Redis has confirmed this node's subscription (starting it if needed); pending
   * for as long as Redis is unreachable, so callers that must not stall bound their wait.
   * Rejects if the topic is closed first.
   */
  ready(): Promise<void> {
    this.start();
    return this.waiting.promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.wake?.();
    if (this.subscribed) this.waiting = pending();
    this.subscribed = false;
    this.waiting.reject(new Error(`topic ${this.channel} closed`));
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => undefined);
  }

  private start(): void {
    if (this.subscriber || this.closed) return;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    // Without a listener ioredis prints "Unhandled error event" for every failed reconnect.
    subscriber.on('error', (err) => this.reportThrottled(err));
    subscriber.on('message', (channel, text) => {
      if (channel === this.channel) this.deliver(text);
    });
    subscriber.on('close', () => {
      if (!this.subscribed) return;
      this.subscribed = false;
      this.waiting = pending();
    });
    // ioredis resubscribes a confirmed channel by itself; this SUBSCRIBE also covers one that was
    // never confirmed, and its reply is what tells `ready()` the node hears the channel again.
    subscriber.on('ready', () => {
      if (!this.subscribed) this.keepSubscribing();
    });
    this.keepSubscribing();
  }

  private deliver(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!this.isMessage(message)) return;
    for (const listener of [...this.listeners]) listener(message);
  }

  /** One loop at a time: SUBSCRIBE until Redis confirms; a call while it pauses retries now. */
  private keepSubscribing(): void {
    if (this.looping) {
      this.wake?.();
      return;
    }
    this.looping = true;
    void this.subscribeLoop().finally(() => {
      this.looping = false;
    });
  }

  private async subscribeLoop(): Promise<void> {
    for (let attempt = 0; !this.closed && !this.subscribed; attempt++) {
      const subscriber = this.subscriber;
      if (!subscriber) return;
      try {
        await subscriber.subscribe(this.channel);
        if (this.closed) return;
        this.subscribed = true;
        this.failureReported = false;
        this.waiting.resolve();
      } catch (err) {
        if (this.closed) return;
        if (!this.failureReported) {
          this.failureReported = true;
          this.onError(new SubscribeError(this.channel, err));
        } else this.reportThrottled(err);
        await this.pause(Math.min(RESUBSCRIBE_MIN_MS * 2 ** attempt, RESUBSCRIBE_MAX_MS));
      }
    }
  }

  /** Waits `ms`, or less if the connection becomes ready (or the topic closes) meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }

  private reportThrottled(err: unknown): void {
    const now = Date.now();
    if (now - this.lastErrorReport < SUBSCRIBER_ERROR_REPORT_MS) return;
    this.lastErrorReport = now;
    this.onError(err);
  }
}
