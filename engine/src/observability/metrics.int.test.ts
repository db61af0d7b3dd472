// Metrics of a real engine context (real Redis and Postgres): the instrumented store counts holds,
// conflicts and command latency, the order service counts bookings, and the Express middleware and
// handler expose them per route in the Prometheus text format.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  seedEvent,
  testEngine,
  type SeededEvent,
  type TestEngine,
} from '../../../test/support/engine.ts';
import { createMetrics, metricsHandler, metricsMiddleware } from './metrics.ts';

let engine: TestEngine;
let ev: SeededEvent;

beforeEach(async () => {
  engine = await testEngine();
  ev = await seedEvent(engine.ctx);
});
afterEach(async () => {
  await engine.dispose();
});

describe('engine metrics', () => {
  it('counts holds, conflicts, bookings and store latency', async () => {
    const { holds, orders, metrics } = engine.ctx;
    const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] });
    await expect(holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] })).rejects.toThrow();
    await orders.book(ev.secret, ev.eventId, { seats: ['R1-1'], holdToken: hold.holdToken });
    metrics.setSocketCount(3);

    const text = await metrics.registry.metrics();
    expect(text).toContain('parterre_holds_total{result="ok"} 1');
    expect(text).toContain('parterre_holds_total{result="conflict"} 1');
    expect(text).toContain('parterre_conflicts_total{code="SEATS_UNAVAILABLE"} 1');
    expect(text).toContain('parterre_bookings_total 1');
    expect(text).toContain('parterre_socket_connections 3');
    expect(text).toMatch(/parterre_store_command_seconds_count\{command="book",outcome="ok"\} 1\n/);
    expect(text).toMatch(
      /parterre_store_command_seconds_count\{command="hold",outcome="error"\} 1/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});

describe('HTTP metrics', () => {
  it('times requests by route template and status and serves /metrics', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let sockets = 2;
    metrics.countSocketsWith(() => sockets);
    const app = express();
    app.use(metricsMiddleware(metrics));
    const router = express.Router();
    router.get('/events/:eventId', (req, res) => {
      res.status(req.params.eventId === 'missing' ? 404 : 200).end();
    });
    app.use('/api', router);
    app.get('/metrics', metricsHandler(metrics.registry));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const id of ['e1', 'e2', 'missing']) await fetch(`${base}/api/events/${id}`);
      await fetch(`${base}/nowhere`);
      sockets = 5;
      const res = await fetch(`${base}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      const count = (route: string, status: number) =>
        `parterre_http_request_seconds_count{method="GET",route="${route}",status="${status}"}`;
      expect(text).toContain(`${count('/api/events/:eventId', 200)} 2`);
      expect(text).toContain(`${count('/api/events/:eventId', 404)} 1`);
      expect(text).toContain(`${count('unmatched', 404)} 1`);
      expect(text).toContain('parterre_socket_connections 5');
      expect(text).not.toContain('process_cpu');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
