// The box-office hub when things fail: refreshes that keep failing (a database outage) back off
// instead of spinning, a board whose load failed late never takes a newer subscriber's board with
// it, pending pushes never keep the process alive, and the Redis bus reports an unreachable
// server now and then instead of ioredis' "Unhandled error event" on every reconnect.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBus, RedisBus } from '../../engine/src/boxoffice/bus.ts';
import { BoxOfficeHub, retryDelay, MAX_RETRY_MS } from '../../engine/src/boxoffice/hub.ts';
import type { EventCatalog } from '../../engine/src/events/catalog.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { freePort } from '../support/redis-server.ts';
import { waitFor } from './harness.ts';

let engine: TestEngine;
let seeded: SeededEvent;

beforeAll(async () => {
  engine = await testEngine({ store: 'memory' });
  seeded = await seedEvent(engine.ctx);
});
afterAll(async () => {
  await engine?.dispose();
});

interface Internals {
  boards: Map<
    string,
    { board: { refresh: (...a: unknown[]) => Promise<unknown> }; timer?: NodeJS.Timeout }
  >;
  mark(eventId: string, orgId: string | undefined, what: 'feed'): void;
}

function logger() {
  const lines: { level: string; msg: string }[] = [];
  const log = (level: string) => (_obj: unknown, msg: string) => lines.push({ level, msg });
  return { lines, logger: { warn: log('warn'), info: log('info') } as unknown as Logger };
}

function hub(catalog: EventCatalog = engine.ctx.catalog, log?: Logger) {
  const { db, store } = engine.ctx;
  return new BoxOfficeHub({
    db,
    store,
    catalog,
    bus: new InProcessBus(),
    pushIntervalMs: 100,
    ...(log ? { logger: log } : {}),
  });
}

describe('box-office hub under failure', () => {
  it('doubles the retry wait up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => retryDelay(250, n))).toEqual([
      250,
      500,
      1000,
      2000,
      4000,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });

  it('backs off while refreshes fail, logs once per streak, and recovers', async () => {
    const { lines, logger: log } = logger();
    const h = hub(engine.ctx.catalog, log);
    const pushed: unknown[] = [];
    h.setOutput({ stats: (_r, s) => pushed.push(s), snapshot: (_r, s) => pushed.push(s) });
    try {
      await h.watch(seeded.orgId, seeded.eventId);
      const watched = [...(h as unknown as Internals).boards.values()][0]!;
      const real = watched.board.refresh.bind(watched.board);
      let calls = 0;
      watched.board.refresh = async () => {
        calls++;
        throw new Error('db down');
      };
      await engine.ctx.orders.book(seeded.secret, seeded.eventId, { seats: ['R4-4'], ga: [] });
      await new Promise((r) => setTimeout(r, 3000));
      // 100, 200, 400, 800, 1600 ms apart: about 5 tries in 3 s (a hot loop made thousands).
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(calls).toBeLessThanOrEqual(6);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

      watched.board.refresh = real;
      await waitFor('the retried push', () => pushed.length > 0, 10_000);
      expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'box office: refresh works again' });
    } finally {
      await h.close();
    }
  }, 20_000);

  it('leaves a newer board alone when a stale watch fails', async () => {
    let failFirst: ((err: Error) => void) | undefined;
    const catalog = Object.create(engine.ctx.catalog) as EventCatalog;
    catalog.get = (orgId: string, eventId: string) => {
      if (!failFirst) {
        return new Promise((_resolve, reject) => {
          failFirst = reject;
        });
      }
      return engine.ctx.catalog.get(orgId, eventId);
    };
    const h = hub(catalog);
    try {
      const stale = h.watch(seeded.orgId, seeded.eventId).catch((err: Error) => err);
      await waitFor('the first load', () => failFirst !== undefined);
      // Its socket left before the load ended; a new subscriber starts a fresh board.
      h.unwatch(seeded.orgId, seeded.eventId);
      const fresh = await h.watch(seeded.orgId, seeded.eventId);
      failFirst!(new Error('db down'));
      expect(await stale).toMatchObject({ message: 'db down' });
      expect(h.watching()).toEqual([fresh.room]);
    } finally {
      await h.close();
    }
  });

  it('does not keep the process alive for a pending push', async () => {
    const h = hub();
    try {
      await h.watch(seeded.orgId, seeded.eventId);
      const internals = h as unknown as Internals;
      internals.mark(seeded.eventId, undefined, 'feed');
      const timer = [...internals.boards.values()][0]!.timer;
      expect(timer).toBeDefined();
      expect(timer!.hasRef()).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe('Redis bus, server unreachable', () => {
  it('reports subscriber errors at most once a while, never as unhandled', async () => {
    const port = await freePort();
    const redis = new Redis({
      port,
      host: '127.0.0.1',
      retryStrategy: () => 20,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    redis.on('error', () => undefined);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error');
    const bus = new RedisBus(redis, 'test:boxoffice', (err) => errors.push(err));
    try {
      bus.subscribe(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      const unhandled = consoleError.mock.calls.filter((c) =>
        String(c[0]).includes('Unhandled error event'),
      );
      expect(unhandled).toEqual([]);
      // The refused SUBSCRIBE, and one report of the dozens of failed reconnects.
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors.length).toBeLessThanOrEqual(2);
    } finally {
      consoleError.mockRestore();
      await bus.close();
      redis.disconnect();
    }
  });
});
