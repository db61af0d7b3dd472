// What webhooks and the audit log cost. Figure: booking transactions per second when each also
// queues its webhook event and writes its audit entry (the outbox pattern); baseline: the same
// bookings alone, same database, same concurrency. Extras: the dispatcher draining the outbox
// those bookings filled (claim, signed POST to a local receiver, delivery log) against bare
// signed POSTs of the same bodies to the same receiver at the same concurrency (after a warm-up,
// so neither side pays for the first connections).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pino } from 'pino';
import { auditActor, recordAudit } from '../../engine/src/audit/audit-log.ts';
import type { Db } from '../../engine/src/db/db.ts';
import { migrate } from '../../engine/src/db/migrate.ts';
import { openDb } from '../../engine/src/db/open.ts';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import { createBooking } from '../../engine/src/orders/repo.ts';
import { WebhookDispatcher } from '../../engine/src/webhooks/dispatcher.ts';
import { createWebhookEndpoint } from '../../engine/src/webhooks/endpoints.ts';
import { enqueueWebhook } from '../../engine/src/webhooks/outbox.ts';
import { signWebhook } from '../../engine/src/webhooks/signature.ts';
import { world } from '../db/fixtures.ts';
import { report } from './lib/report.ts';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = 8;
const BATCH = 50;
const ROUNDS = 3;

/** Runs `op` on CONCURRENCY workers for `ms`; returns operations per second. */
async function rate(ms: number, op: () => Promise<unknown>): Promise<number> {
  const deadline = Date.now() + ms;
  const started = performance.now();
  let ops = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        await op();
        ops++;
      }
    }),
  );
  return ops / ((performance.now() - started) / 1000);
}

async function receiver() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Bare signed POSTs of `count` bodies, BATCH at a time; returns POSTs per second. */
async function barePosts(url: string, count: number): Promise<number> {
  const started = performance.now();
  for (let sent = 0; sent < count; sent += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, count - sent) }, async (_, i) => {
        const body = JSON.stringify({ id: String(sent + i), type: 'booking.created', data: {} });
        const t = Math.floor(Date.now() / 1000);
        const res = await fetch(url, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'Parterre-Signature': signWebhook('s', body, t),
          },
        });
        await res.arrayBuffer();
      }),
    );
  }
  return count / ((performance.now() - started) / 1000);
}

async function drain(db: Db): Promise<{ perSecond: number; delivered: number }> {
  const dispatcher = new WebhookDispatcher({
    db,
    logger: pino({ level: 'warn' }),
    batchSize: BATCH,
    allowPrivate: true, // the receiver is on 127.0.0.1
  });
  const started = performance.now();
  let delivered = 0;
  for (let n = await dispatcher.tick(); n > 0; n = await dispatcher.tick()) delivered += n;
  return { perSecond: delivered / ((performance.now() - started) / 1000), delivered };
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const phaseMs = quick ? 4_000 : 15_000;
  const schema = `bench_wh_${randomBytes(4).toString('hex')}`;
  const db = await openDb({ databaseUrl: DATABASE_URL, schema });
  const hooks = await receiver();
  try {
    await migrate(db);
    const { orgId, event } = await world(db);
    const input = {
      orgId,
      eventId: event.id,
      currency: 'EUR',
      seats: [],
      ga: [{ areaId: 'floor', quantity: 1, amount: 3000 }],
    };
    const actor = auditActor({ orgId, kind: 'secret', keyId: 'bench' });
    const bookOnly = () => inOrg(db, orgId, (tx) => createBooking(tx, input));
    const bookAnnounced = () =>
      inOrg(db, orgId, async (tx) => {
        const b = await createBooking(tx, input);
        const payload = { bookingId: b.id, eventId: event.id, ga: input.ga };
        await enqueueWebhook(tx, orgId, 'booking.created', payload);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'booking.create',
          target: b.id,
          details: payload,
        });
      });
    await createWebhookEndpoint(db, orgId, { url: hooks.url }, { allowPrivate: true });
    await rate(500, bookOnly);
    await rate(500, bookAnnounced);
    // Alternating rounds, so the tables growing during the run weigh on both sides alike.
    const baselines: number[] = [];
    const values: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(await rate(phaseMs / ROUNDS, bookOnly));
      values.push(await rate(phaseMs / ROUNDS, bookAnnounced));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [baseline, value] = [mean(baselines), mean(values)];
    await barePosts(hooks.url, 500);
    const dispatch = await drain(db);
    const bare = await barePosts(hooks.url, dispatch.delivered);
    report({
      bench: 'webhooks',
      value,
      unit: 'bookings/s',
      baseline,
      extra: {
        concurrency: CONCURRENCY,
        dispatchedPerSecond: Math.round(dispatch.perSecond),
        barePostsPerSecond: Math.round(bare),
        delivered: dispatch.delivered,
        batch: BATCH,
      },
    });
  } finally {
    await hooks.close();
    await db.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
