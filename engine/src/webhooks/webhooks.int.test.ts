// Webhooks end to end over real Postgres and Redis, delivered to a real HTTP receiver on
// 127.0.0.1: the outbox shares the booking's transaction, deliveries are signed, retried with
// backoff on an injected clock, and two dispatchers on one database deliver each event once.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  seedEvent,
  testEngine,
  type SeededEvent,
  type TestEngine,
} from '../../../test/support/engine.ts';
import { databaseUrl } from '../../../test/support/services.ts';
import type { Db } from '../db/db.ts';
import { InvalidInput } from '../db/errors.ts';
import { asSystem } from '../db/tenancy.ts';
import { openDb } from '../db/open.ts';
import type { DomainError } from '../errors.ts';
import { Sweeper } from '../holds/sweeper.ts';
import { createBooking } from '../orders/repo.ts';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './dispatcher.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from './endpoints.ts';
import { enqueueHoldExpiries } from './hold-expiry.ts';
import { enqueueWebhook } from './outbox.ts';
import { verifyWebhookSignature } from './signature.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver answering each request with the next scripted status (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let engine: TestEngine;
let ev: SeededEvent;
let hooks: Awaited<ReturnType<typeof receiver>>;
// The dispatchers' clock: real time plus a skew the tests move forward to make retries due.
let skew: number;
const logger = pino({ level: 'silent' });

// The receivers listen on 127.0.0.1: private addresses are allowed here (test/webhooks/ssrf.test.ts
// proves they are refused by default).
const PRIVATE_OK = { allowPrivate: true };

const dispatcher = (db: Db, opts: Partial<WebhookDispatcherOptions> = {}) =>
  new WebhookDispatcher({
    db,
    logger,
    now: () => Date.now() + skew,
    random: () => 0.5,
    allowPrivate: true,
    ...opts,
  });

// Every organisation's rows: the tests look at the outbox as the dispatcher does.
async function outbox(db: Db) {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<{
      id: number;
      event_type: string;
      payload: Record<string, unknown>;
      attempts: number;
      next_attempt_at: Date;
      delivered_at: Date | null;
      failed_at: Date | null;
    }>('SELECT * FROM webhook_outbox ORDER BY id'),
  );
  return rows;
}

async function book(seats: string[], opts: { ga?: { areaId: string; quantity: number }[] } = {}) {
  const hold = await engine.ctx.holds.hold(ev.pub, ev.eventId, { seats, ...opts });
  return engine.ctx.orders.book(ev.secret, ev.eventId, {
    seats,
    ...opts,
    holdToken: hold.holdToken,
    orderRef: 'o-1',
  });
}

beforeEach(async () => {
  engine = await testEngine();
  ev = await seedEvent(engine.ctx);
  hooks = await receiver();
  skew = 0;
});
afterEach(async () => {
  await hooks.close();
  await engine.dispose();
});

describe('webhook delivery', () => {
  it('delivers a booking once, signed so that verifyWebhookSignature accepts it', async () => {
    const { secret } = await createWebhookEndpoint(
      engine.ctx.db,
      ev.orgId,
      { url: hooks.url },
      PRIVATE_OK,
    );
    const booked = await book(['R1-1', 'R1-2']);
    const d = dispatcher(engine.ctx.db);
    expect(await d.tick()).toBe(1);
    expect(await d.tick()).toBe(0);

    expect(hooks.received).toHaveLength(1);
    const [{ headers, body }] = hooks.received as [Received];
    expect(headers['parterre-event']).toBe('booking.created');
    expect(JSON.parse(body)).toMatchObject({
      id: headers['parterre-delivery'],
      type: 'booking.created',
      data: { bookingId: booked.body.bookingId, eventId: ev.eventId, seats: ['R1-1', 'R1-2'] },
    });
    const signature = headers['parterre-signature'] as string;
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(secret, signature, body, 300, now)).toBe(true);
    const tampered = body.replace('R1-2', 'R1-3');
    expect(verifyWebhookSignature(secret, signature, tampered, 300, now)).toBe(false);

    const log = await listWebhookDeliveries(engine.ctx.db, ev.orgId);
    expect(log).toMatchObject([{ eventType: 'booking.created', attempt: 1, statusCode: 200 }]);
    const [row] = await outbox(engine.ctx.db);
    expect(row).toMatchObject({ attempts: 1, failed_at: null });
    expect(row!.delivered_at).toBeInstanceOf(Date);
  });

  it('retries a failing receiver with growing backoff and logs every attempt', async () => {
    await hooks.close();
    hooks = await receiver([500, 500]);
    await createWebhookEndpoint(engine.ctx.db, ev.orgId, { url: hooks.url }, PRIVATE_OK);
    await book(['R2-1']);
    const d = dispatcher(engine.ctx.db);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await d.tick()).toBe(1);
      // Not due again before its backoff has passed.
      expect(await d.tick()).toBe(0);
      const [row] = await outbox(engine.ctx.db);
      skew = row!.next_attempt_at.getTime() - Date.now();
    }
    expect(hooks.received.map((r) => r.headers['parterre-delivery'])).toEqual(
      Array(3).fill(hooks.received[0]!.headers['parterre-delivery']),
    );
    const log = (await listWebhookDeliveries(engine.ctx.db, ev.orgId)).reverse();
    expect(log.map((l) => [l.attempt, l.statusCode, l.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, null],
    ]);
    const gaps = [
      log[1]!.at.getTime() - log[0]!.at.getTime(),
      log[2]!.at.getTime() - log[1]!.at.getTime(),
    ];
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
    const [row] = await outbox(engine.ctx.db);
    expect(row).toMatchObject({ attempts: 3, failed_at: null });
    expect(row!.delivered_at).toBeInstanceOf(Date);
  });

  it('marks an event failed after the last attempt', async () => {
    await createWebhookEndpoint(
      engine.ctx.db,
      ev.orgId,
      { url: 'http://127.0.0.1:1/closed' },
      PRIVATE_OK,
    );
    await book(['R2-2']);
    const d = dispatcher(engine.ctx.db, { maxAttempts: 2 });
    for (let i = 0; i < 3; i++) {
      await d.tick();
      skew += 3_600_000;
    }
    const [row] = await outbox(engine.ctx.db);
    expect(row).toMatchObject({ attempts: 2, delivered_at: null });
    expect(row!.failed_at).toBeInstanceOf(Date);
    const log = await listWebhookDeliveries(engine.ctx.db, ev.orgId);
    expect(log.map((l) => [l.attempt, l.statusCode])).toEqual([
      [2, null],
      [1, null],
    ]);
    expect(log[0]!.error).toMatch(/^request failed: /);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      await createWebhookEndpoint(
        engine.ctx.db,
        ev.orgId,
        { url: `http://127.0.0.1:${port}/` },
        PRIVATE_OK,
      );
      await book(['R2-3']);
      expect(await dispatcher(engine.ctx.db, { timeoutMs: 50 }).tick()).toBe(1);
      const [entry] = await listWebhookDeliveries(engine.ctx.db, ev.orgId);
      expect(entry).toMatchObject({ statusCode: null, error: 'no answer within 50 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('delivers each event exactly once with two dispatchers on one database', async () => {
    await createWebhookEndpoint(engine.ctx.db, ev.orgId, { url: hooks.url }, PRIVATE_OK);
    await engine.ctx.db.transaction(
      async (tx) => {
        for (let i = 0; i < 40; i++) await enqueueWebhook(tx, ev.orgId, 'hold.expired', { i });
      },
      { orgId: ev.orgId },
    );
    const otherNode = await openDb({
      databaseUrl: databaseUrl(),
      schema: engine.ctx.config.DATABASE_SCHEMA!,
    });
    try {
      const nodes = [
        dispatcher(engine.ctx.db, { batchSize: 3 }),
        dispatcher(otherNode, { batchSize: 3 }),
      ];
      const handled = [0, 0];
      for (;;) {
        const counts = await Promise.all(nodes.map((n) => n.tick()));
        counts.forEach((c, i) => (handled[i]! += c));
        if (counts.every((c) => c === 0)) break;
      }
      expect(handled[0]! + handled[1]!).toBe(40);
      expect(handled.every((h) => h > 0)).toBe(true);
    } finally {
      await otherNode.close();
    }
    const ids = hooks.received.map((r) => r.headers['parterre-delivery']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const log = await listWebhookDeliveries(engine.ctx.db, ev.orgId, { limit: 100 });
    expect(log).toHaveLength(40);
  });

  it('sends each endpoint only the types it subscribed to', async () => {
    const other = await receiver();
    try {
      await createWebhookEndpoint(
        engine.ctx.db,
        ev.orgId,
        {
          url: other.url,
          events: ['booking.cancelled'],
        },
        PRIVATE_OK,
      );
      await createWebhookEndpoint(engine.ctx.db, ev.orgId, { url: hooks.url }, PRIVATE_OK);
      const booked = await book(['R3-1']);
      await engine.ctx.orders.cancel(ev.secret, ev.eventId, { bookingId: booked.body.bookingId });
      await dispatcher(engine.ctx.db).tick();
      expect(hooks.received.map((r) => r.headers['parterre-event'])).toEqual([
        'booking.created',
        'booking.cancelled',
      ]);
      expect(other.received.map((r) => r.headers['parterre-event'])).toEqual(['booking.cancelled']);
    } finally {
      await other.close();
    }
  });
});

describe('the outbox', () => {
  it('holds nothing when the booking transaction rolls back', async () => {
    // Load the event into the store first, so the store does not learn of the booking below.
    await engine.ctx.holds.availability(ev.pub, ev.eventId);
    // Postgres has a booking of R1-1 the store never saw: the fence refuses the second one.
    await createBooking(engine.ctx.db, {
      orgId: ev.orgId,
      eventId: ev.eventId,
      currency: 'EUR',
      seats: [{ index: 0, category: 'A', amount: 5000 }],
    });
    const err = await book(['R1-1']).catch((e: unknown) => e);
    expect((err as DomainError).message).toBe('Already booked: R1-1');
    // A change that fails after its event was queued takes the event with it.
    const failed = engine.ctx.db.transaction(
      async (tx) => {
        await enqueueWebhook(tx, ev.orgId, 'booking.cancelled', { bookingId: 'bk_x' });
        throw new Error('the change failed');
      },
      { orgId: ev.orgId },
    );
    await expect(failed).rejects.toThrow('the change failed');
    expect(await outbox(engine.ctx.db)).toEqual([]);
  });

  it('queues booking.created, event.sold_out and booking.cancelled with their payloads', async () => {
    const small = await seedEvent(engine.ctx, { rows: 1 });
    const seats = Array.from({ length: 10 }, (_, n) => `R1-${n + 1}`);
    const ga = [{ areaId: 'floor', quantity: 50 }];
    const hold = await engine.ctx.holds.hold(small.pub, small.eventId, { seats, ga });
    const booked = await engine.ctx.orders.book(small.secret, small.eventId, {
      seats,
      ga,
      holdToken: hold.holdToken,
    });
    await engine.ctx.orders.cancel(small.secret, small.eventId, { seats: ['R1-2'] });
    const rows = await outbox(engine.ctx.db);
    expect(rows.map((r) => [r.event_type, r.payload])).toEqual([
      [
        'booking.created',
        {
          bookingId: booked.body.bookingId,
          eventId: small.eventId,
          orderRef: null,
          seats,
          ga,
          amount: 10 * 5000 + 50 * 3000,
          currency: 'EUR',
        },
      ],
      [
        'event.sold_out',
        {
          eventId: small.eventId,
          counts: { free: 0, held: 0, booked: 10, blocked: 0 },
          ga: [{ areaId: 'floor', capacity: 50, held: 0, booked: 50 }],
        },
      ],
      ['booking.cancelled', { eventId: small.eventId, seats: ['R1-2'], ga: [] }],
    ]);
  });

  it('queues hold.expired for the holds a sweep releases', async () => {
    const hold = await engine.ctx.holds.hold(ev.pub, ev.eventId, { seats: ['R4-4'] });
    const sweeper = new Sweeper({
      store: engine.ctx.store,
      intervalMs: 1000,
      logger,
      // Just past the 600 s hold: still within the store's active-event retention.
      now: () => Date.now() + 700_000,
      onExpired: (eventId, tokens) => enqueueHoldExpiries(engine.ctx.db, eventId, tokens),
    });
    expect(await sweeper.tick()).toBe(1);
    const rows = await outbox(engine.ctx.db);
    expect(rows.map((r) => [r.event_type, r.payload.eventId, r.payload.holdToken])).toEqual([
      ['hold.expired', ev.eventId, hold.holdToken],
    ]);
  });

  it('refuses an unknown event type', async () => {
    const err = await engine.ctx.db
      .transaction((tx) => enqueueWebhook(tx, ev.orgId, 'seat.eaten' as 'hold.expired', {}), {
        orgId: ev.orgId,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
    expect((err as Error).message).toMatch(/unknown webhook event type "seat.eaten"/);
  });
});

describe('webhook endpoints', () => {
  it('shows the secret once, lists without it, and deletes only its own', async () => {
    const other = await seedEvent(engine.ctx);
    const { endpoint, secret } = await createWebhookEndpoint(
      engine.ctx.db,
      ev.orgId,
      {
        url: 'https://shop.example/hooks',
        events: ['booking.created', 'booking.created'],
      },
      PRIVATE_OK,
    );
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await listWebhookEndpoints(engine.ctx.db, ev.orgId);
    expect(listed).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(endpoint).toMatchObject({ events: ['booking.created'], active: true });
    expect(await listWebhookEndpoints(engine.ctx.db, other.orgId)).toEqual([]);
    expect(await deleteWebhookEndpoint(engine.ctx.db, other.orgId, endpoint.id)).toBe(false);
    expect(await deleteWebhookEndpoint(engine.ctx.db, ev.orgId, endpoint.id)).toBe(true);
    expect(await listWebhookEndpoints(engine.ctx.db, ev.orgId)).toEqual([]);
  });

  it('refuses bad URLs and event types, creating nothing', async () => {
    const create = (url: string, events?: string[]) =>
      createWebhookEndpoint(engine.ctx.db, ev.orgId, { url, ...(events ? { events } : {}) }).catch(
        (e: unknown) => (e as Error).message,
      );
    expect(await create('not a url')).toBe('webhook url "not a url" is not an absolute URL');
    expect(await create('ftp://x.example/')).toBe('webhook url must use https or http, not ftp:');
    expect(await create('https://x.example/', ['booking.created', 'nope'])).toMatch(
      /^unknown webhook event type "nope"; use booking.created, /,
    );
    expect(await listWebhookEndpoints(engine.ctx.db, ev.orgId)).toEqual([]);
  });

  it('shows an organisation only its own deliveries', async () => {
    const other = await seedEvent(engine.ctx);
    await createWebhookEndpoint(engine.ctx.db, ev.orgId, { url: hooks.url }, PRIVATE_OK);
    await book(['R1-5']);
    await dispatcher(engine.ctx.db).tick();
    expect(await listWebhookDeliveries(engine.ctx.db, ev.orgId)).toHaveLength(1);
    expect(await listWebhookDeliveries(engine.ctx.db, other.orgId)).toEqual([]);
    await expect(listWebhookDeliveries(engine.ctx.db, ev.orgId, { limit: 0 })).rejects.toThrow(
      'limit 0 must be a whole number from 1 to 500',
    );
  });
});
