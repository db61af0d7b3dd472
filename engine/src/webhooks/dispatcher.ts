// Delivers the outbox. Every node may run a dispatcher: a tick claims due rows with
// FOR UPDATE SKIP LOCKED and pushes their next attempt past a lease in the same short
// transaction, so two nodes never take one row at once and no leader election is needed. The
// HTTP calls happen outside any transaction (PGlite has one connection; pg connections are
// scarce), then one transaction logs every attempt and schedules retries with backoff.
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { asSystem } from '../db/tenancy.ts';
import { retryDelayMs } from './backoff.ts';
import { postWebhook, type AttemptResult } from './deliver.ts';
import { SIGNATURE_HEADER, signWebhook } from './signature.ts';

export interface WebhookDispatcherOptions {
  db: Db;
  logger: Logger;
  /** Poll period; default 1000 ms. */
  intervalMs?: number;
  /** Outbox rows per tick; default 20. */
  batchSize?: number;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Attempts before a row is marked failed; default 10 (the last one ~15 h after the event). */
  maxAttempts?: number;
  /** Clock in ms (tests drive retries with it); default Date.now. */
  now?: () => number;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
  /**
   * Also deliver to loopback, link-local and private addresses (WEBHOOKS_ALLOW_PRIVATE); default
   * false: such an attempt fails without a request, its error saying why.
   */
  allowPrivate?: boolean;
  /** Told about every attempt (metrics). */
  onAttempt?: (result: AttemptResult) => void;
}

interface Claimed {
  id: number;
  org_id: string;
  event_type: string;
  payload: unknown;
  created_at: Date;
  attempts: number;
}

interface Target {
  outbox_id: number;
  endpoint_id: string;
  url: string;
  secret: string;
}

/** The columns one attempt sets on its outbox row (absent ones become NULL or stay). */
interface Outcome {
  id: number;
  delivered_at?: string;
  failed_at?: string;
  next_attempt_at?: string;
  last_error?: string;
}

interface Attempt extends AttemptResult {
  row: Claimed;
  endpointId: string;
}

// A claimed row is not due again before its attempts can have finished (plus slack for the log
// write); a node that dies mid-delivery leaves the row to be retried after this.
const LEASE_SLACK_MS = 30_000;

const at = (ms: number) => new Date(ms).toISOString();

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  /** Polls the outbox until `stop()`. */
  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.tick()
        .catch((err: unknown) => this.options.logger.warn({ err }, 'webhook dispatch failed'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? 1000);
    this.timer.unref();
  }

  /** Stops polling and waits for the tick in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Claims due rows, delivers them and records the outcome. Returns the rows handled. */
  async tick(): Promise<number> {
    const { rows, targets } = await this.claim();
    if (rows.length === 0) return 0;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const attempts = await Promise.all(targets.map((t) => this.attempt(byId.get(t.outbox_id)!, t)));
    await this.record(rows, attempts);
    return rows.length;
  }

  private async claim(): Promise<{ rows: Claimed[]; targets: Target[] }> {
    const now = this.now();
    return asSystem(this.options.db, async (tx) => {
      const { rows } = await tx.query<Claimed>(
        `UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = $2
         WHERE id IN (
           SELECT id FROM webhook_outbox
           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
           ORDER BY next_attempt_at, id LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING id, org_id, event_type, payload, created_at, attempts`,
        [at(now), at(now + this.timeoutMs + LEASE_SLACK_MS), this.options.batchSize ?? 20],
      );
      if (rows.length === 0) return { rows, targets: [] };
      // Matching active endpoints that existed when the event happened and have not yet
      // acknowledged it (a retry goes only to the endpoints that failed).
      const targets = await tx.query<Target>(
        `SELECT o.id AS outbox_id, e.id AS endpoint_id, e.url, e.secret
         FROM webhook_outbox o
         JOIN webhook_endpoints e ON e.org_id = o.org_id AND e.active
           AND e.created_at <= o.created_at
           AND (cardinality(e.events) = 0 OR o.event_type = ANY (e.events))
         WHERE o.id = ANY ($1::bigint[])
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
             WHERE d.outbox_id = o.id AND d.endpoint_id = e.id AND d.status_code BETWEEN 200 AND 299)
         ORDER BY o.id, e.id`,
        [rows.map((r) => r.id)],
      );
      return { rows, targets: targets.rows };
    });
  }

  private async attempt(row: Claimed, target: Target): Promise<Attempt> {
    const body = JSON.stringify({
      id: String(row.id),
      type: row.event_type,
      createdAt: row.created_at.toISOString(),
      data: row.payload,
    });
    const result = await postWebhook(
      target.url,
      body,
      {
        [SIGNATURE_HEADER]: signWebhook(target.secret, body, Math.floor(this.now() / 1000)),
        'Parterre-Event': row.event_type,
        'Parterre-Delivery': String(row.id),
      },
      this.timeoutMs,
      this.options.allowPrivate ?? false,
    );
    this.options.onAttempt?.(result);
    return { ...result, row, endpointId: target.endpoint_id };
  }

  private async record(rows: Claimed[], attempts: Attempt[]): Promise<void> {
    const now = this.now();
    await asSystem(this.options.db, async (tx) => {
      if (attempts.length > 0) {
        await tx.query(
          `INSERT INTO webhook_deliveries (outbox_id, endpoint_id, org_id, attempt, status_code,
             duration_ms, error, at)
           SELECT a.outbox_id, a.endpoint_id, a.org_id, a.attempt, a.status_code, a.duration_ms,
             a.error, $2
           FROM jsonb_to_recordset($1::jsonb) AS a(outbox_id bigint, endpoint_id text,
             org_id text, attempt int, status_code int, duration_ms int, error text)
           -- An endpoint deleted during the attempt takes its log with it (ON DELETE CASCADE).
           WHERE EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = a.endpoint_id)`,
          [
            JSON.stringify(
              attempts.map((a) => ({
                outbox_id: a.row.id,
                endpoint_id: a.endpointId,
                org_id: a.row.org_id,
                attempt: a.row.attempts,
                status_code: a.statusCode,
                duration_ms: a.durationMs,
                error: a.error,
              })),
            ),
            at(now),
          ],
        );
      }
      const outcomes = rows.map((row) => {
        const failed = attempts.filter((a) => a.row === row && !a.ok);
        return this.outcome(row, failed.map((a) => `${a.endpointId}: ${a.error}`).join('; '), now);
      });
      await tx.query(
        `UPDATE webhook_outbox o SET delivered_at = u.delivered_at, failed_at = u.failed_at,
           next_attempt_at = coalesce(u.next_attempt_at, o.next_attempt_at), last_error = u.last_error
         FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, delivered_at timestamptz,
           failed_at timestamptz, next_attempt_at timestamptz, last_error text)
         WHERE o.id = u.id`,
        [JSON.stringify(outcomes)],
      );
    });
  }

  /** How one row's attempt ends: delivered, failed for good, or due again after a backoff. */
  private outcome(row: Claimed, error: string, now: number): Outcome {
    if (!error) return { id: row.id, delivered_at: at(now) };
    if (row.attempts >= this.maxAttempts) {
      this.options.logger.warn(
        { outboxId: row.id, type: row.event_type, error },
        'webhook gave up after the last attempt',
      );
      return { id: row.id, failed_at: at(now), last_error: error };
    }
    const next = now + retryDelayMs(row.attempts, this.options.random);
    return { id: row.id, next_attempt_at: at(next), last_error: error };
  }
}
