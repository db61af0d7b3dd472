// Prometheus metrics of one engine node: one Registry per context (tests run several contexts in
// one process), the business counters the box office cares about (holds, bookings, conflicts),
// seat-store latency per command, HTTP latency per route, live sockets, webhooks, and the default
// process metrics (CPU, memory, event-loop lag, GC).
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface EngineMetrics {
  registry: Registry;
  /** `parterre_holds_total{result="ok"|"conflict"|"error"}`: seat-store hold commands. */
  holds: Counter<'result'>;
  /** `parterre_bookings_total`: bookings made. */
  bookings: Counter;
  /** `parterre_conflicts_total{code}`: seat-store refusals by error code. */
  conflicts: Counter<'code'>;
  /** `parterre_store_command_seconds{command,outcome}`: seat-store (Lua) command latency. */
  storeLatency: Histogram<'command' | 'outcome'>;
  /** `parterre_http_request_seconds{method,route,status}`. */
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** `parterre_webhook_attempts_total{result="ok"|"failed"}`. */
  webhookAttempts: Counter<'result'>;
  /**
   * `parterre_rate_limit_total{limit="key"|"organisation"|"address",outcome="paced"|"refused"}`:
   * requests over a rate that waited for their slot, or got 429.
   */
  rateLimits: Counter<'limit' | 'outcome'>;
  /** Sets `parterre_socket_connections` (for a live layer that pushes its count). */
  setSocketCount(n: number): void;
  /** Reads `parterre_socket_connections` from `count` at every scrape instead. */
  countSocketsWith(count: () => number): void;
}

// Store commands take ~0.1–5 ms on a healthy Redis; HTTP answers up to seconds under load.
const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A registry with every engine metric. `defaultMetrics: false` leaves out the process metrics.
 * @example
 * const metrics = createMetrics();
 * app.use(metricsMiddleware(metrics));
 * app.get('/metrics', metricsHandler(metrics.registry));
 */
export function createMetrics(opts: { defaultMetrics?: boolean } = {}): EngineMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let socketSource: (() => number) | undefined;
  const sockets = new Gauge({
    name: 'parterre_socket_connections',
    help: 'Open live (socket.io) connections on this node',
    registers,
    collect() {
      if (socketSource) this.set(socketSource());
    },
  });
  return {
    registry,
    holds: new Counter({
      name: 'parterre_holds_total',
      help: 'Hold commands by result',
      labelNames: ['result'] as const,
      registers,
    }),
    bookings: new Counter({ name: 'parterre_bookings_total', help: 'Bookings made', registers }),
    conflicts: new Counter({
      name: 'parterre_conflicts_total',
      help: 'Seat-store refusals by error code',
      labelNames: ['code'] as const,
      registers,
    }),
    storeLatency: new Histogram({
      name: 'parterre_store_command_seconds',
      help: 'Seat-store command latency',
      labelNames: ['command', 'outcome'] as const,
      buckets: STORE_BUCKETS,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'parterre_http_request_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    webhookAttempts: new Counter({
      name: 'parterre_webhook_attempts_total',
      help: 'Webhook delivery attempts by result',
      labelNames: ['result'] as const,
      registers,
    }),
    rateLimits: new Counter({
      name: 'parterre_rate_limit_total',
      help: 'Requests over a rate limit: paced (waited for their slot) or refused (429)',
      labelNames: ['limit', 'outcome'] as const,
      registers,
    }),
    setSocketCount: (n) => sockets.set(n),
    countSocketsWith: (count) => (socketSource = count),
  };
}

/**
 * The route template a request matched (`/api/v1/events/:eventId/holds`), or `unmatched`:
 * labels must stay few, so raw paths (with ids) are never used.
 */
function routeOf(req: Parameters<RequestHandler>[0]): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

/**
 * Express middleware timing every request into `parterre_http_request_seconds`. Mount it before
 * the routers.
 */
export function metricsMiddleware(metrics: EngineMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      metrics.httpDuration.observe(
        { method: req.method, route: routeOf(req), status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

/** Serves the registry in the Prometheus text format (mount at `GET /metrics`). */
export function metricsHandler(registry: Registry): RequestHandler {
  return async (_req, res) => {
    res.set('content-type', registry.contentType);
    res.send(await registry.metrics());
  };
}
