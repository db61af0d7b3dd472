// Releases expired holds so their seats show as free to every viewer even when nobody touches the
// event. Expiry is already lazy in every store command, so the sweeper is an efficiency and
// freshness measure, not a correctness one: with several nodes, one sweeps at a time (a redlock
// lease), and if the lease is ever held twice the sweeps are idempotent.
import Redlock from 'redlock';
import type { Logger } from 'pino';
import type { RedisConnection } from '../store/redis/connection.ts';
import type { SeatStore, SweepResult } from '../store/seat-store.ts';

export interface SweeperOptions {
  store: SeatStore;
  intervalMs: number;
  logger: Logger;
  /** Shared Redis (server or cluster) for the lease; omitted for the in-process store. */
  redis?: RedisConnection;
  /** Lease key, e.g. `pt:sweeper`. */
  lockKey?: string;
  /**
   * Told which tokens a sweep released as expired (hold.expired webhooks). Best effort: a failure
   * is logged and the sweep goes on; holds that expire lazily inside other commands are not seen.
   */
  onExpired?: (eventId: string, tokens: string[]) => Promise<unknown>;
  /** Clock in ms passed to the store's sweep (tests expire holds without waiting); default now. */
  now?: () => number;
}

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly redlock: Redlock | undefined;

  constructor(private readonly options: SweeperOptions) {
    // retryCount 0: another node holding the lease just means this node skips this round.
    this.redlock = options.redis
      ? new Redlock([options.redis], { retryCount: 0, driftFactor: 0.01 })
      : undefined;
    this.redlock?.on('error', () => undefined);
  }

  start(): void {
    this.timer = setInterval(() => {
      // A round whose store went away mid-way (Redis restarting) is skipped, not fatal.
      this.running ??= this.tick()
        .then(
          () => undefined,
          (err: unknown) => this.options.logger.warn({ err }, 'sweep round failed'),
        )
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** One sweep of every active event, under the lease when there is one. */
  async tick(): Promise<number> {
    const lease = await this.acquire();
    if (lease === null) return 0;
    let released = 0;
    try {
      const now = this.options.now?.();
      for (const eventId of await this.options.store.activeEvents(now)) {
        try {
          const result = await this.options.store.sweep(eventId, now);
          released += result.released.length;
          if (result.expiredTokens.length > 0) await this.reportExpired(eventId, result);
        } catch (err) {
          // An event the store lost is rebuilt on its next command; keep sweeping the others.
          this.options.logger.debug({ err, eventId }, 'sweep skipped an event');
        }
      }
    } finally {
      await lease?.release().catch(() => undefined);
    }
    return released;
  }

  private async reportExpired(eventId: string, result: SweepResult): Promise<void> {
    try {
      await this.options.onExpired?.(eventId, result.expiredTokens);
    } catch (err) {
      this.options.logger.warn({ err, eventId }, 'could not report expired holds');
    }
  }

  private async acquire() {
    if (!this.redlock) return undefined;
    try {
      return await this.redlock.acquire(
        [this.options.lockKey ?? 'pt:sweeper'],
        this.options.intervalMs * 3,
      );
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
