// Cross-node change notifications: scripts PUBLISH "<eventId> <seq>" on one channel; each store
// lazily opens one dedicated subscriber connection (a subscribed connection cannot run commands)
// when the first listener arrives. ioredis resubscribes by itself after a reconnect.
//
// On a Redis Cluster the channel stays a classic one: a PUBLISH on any node is broadcast over the
// cluster bus to every node, and the duplicated cluster client subscribes through one node of its
// choice, moving to another when that node fails. Sharded pub/sub (SPUBLISH) would keep each
// message inside its event's shard, but would need one channel per event and a subscription per
// event a node serves; at a few dozen coalesced notifications per second per event the broadcast
// is cheap, so the simpler design wins.
import type { ChangeListener } from '../seat-store.ts';
import type { RedisConnection } from './connection.ts';

export class ChangeSubscriber {
  private readonly listeners = new Set<ChangeListener>();
  private connection: RedisConnection | undefined;
  private subscribing: Promise<void> | undefined;

  constructor(
    private readonly source: RedisConnection,
    private readonly channel: string,
  ) {}

  /** Adds a listener (opening the subscription if needed); returns its removal. */
  add(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves when the subscription is active. */
  async ready(): Promise<void> {
    this.start();
    await this.subscribing;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const connection = this.connection;
    this.connection = undefined;
    this.subscribing = undefined;
    if (connection) await connection.quit();
  }

  private start(): void {
    if (this.connection) return;
    const connection = this.source.duplicate();
    this.connection = connection;
    // The source connection reports errors (the node logs them); this one only reconnects.
    connection.on('error', () => undefined);
    connection.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const cut = message.lastIndexOf(' ');
      const eventId = message.slice(0, cut);
      const seq = Number(message.slice(cut + 1));
      for (const listener of [...this.listeners]) listener(eventId, seq);
    });
    this.subscribing = connection.subscribe(this.channel).then(() => undefined);
    // Only `ready()` waits for it; a failed first subscribe is retried by ioredis on reconnect.
    this.subscribing.catch(() => undefined);
  }
}
