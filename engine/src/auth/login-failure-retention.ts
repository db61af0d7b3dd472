// Retention of the installation's security log (login_failures, migration 0014). Nothing else
// bounds it: the per-address throttle slows one address, not a botnet spraying unknown emails.
// Every node prunes at startup and then once a day; the DELETE is idempotent, so nodes need no
// lease between them (the sweeper's runs every second, this one a few times a day at most).
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { asSystem } from '../db/tenancy.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes failed logins older than `days` days and answers how many went. System work: the table
 * admits no organisation.
 * @example await pruneLoginFailures(db, 90) // 12
 */
export async function pruneLoginFailures(db: Db, days: number): Promise<number> {
  const { rowCount } = await asSystem(db, (tx) =>
    tx.query(`DELETE FROM login_failures WHERE at < now() - make_interval(days => $1::int)`, [
      days,
    ]),
  );
  return rowCount;
}

/** Prunes at start() and then every `intervalMs` (a day); stop() ends it and waits for a run. */
export class LoginFailureRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly options: { db: Db; days: number; logger: Logger; intervalMs?: number },
  ) {}

  start(): void {
    if (this.timer) return;
    this.run();
    this.timer = setInterval(() => this.run(), this.options.intervalMs ?? DAY_MS);
    // A daily chore must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pruning, unless one is still going; a failure is logged and retried at the next run. */
  private run(): void {
    const { db, days, logger } = this.options;
    this.running ??= pruneLoginFailures(db, days)
      .then(
        (deleted) => {
          if (deleted > 0) logger.info({ deleted, days }, 'login failures pruned');
        },
        (err: unknown) => logger.warn({ err }, 'login failures not pruned'),
      )
      .finally(() => (this.running = undefined));
  }
}
