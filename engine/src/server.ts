// Starts a node: HTTP (REST API) and socket.io (live layer) on one port, plus the hold sweeper.
// Kept apart from app.ts so tests can mount the app without a listening server.
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import { LoginFailureRetention } from './auth/login-failure-retention.ts';
import { attachBoxOffice } from './boxoffice/namespace.ts';
import type { EngineContext } from './context.ts';
import { createApp } from './http/app.ts';
import { attachLive, type LiveLayer } from './live/attach.ts';
import { engineLiveDeps } from './live/engine-deps.ts';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly http: HttpServer;
  readonly io: IoServer;
  readonly live: LiveLayer;
  /**
   * Graceful shutdown: stop accepting connections, let in-flight requests finish (up to
   * `graceMs`), disconnect sockets, then close the store and database.
   */
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host: string;
  /** Built studio and storefront; default: the workspaces' build folders in this checkout. */
  studioDir?: string;
  demoDir?: string;
}

const STUDIO_DIST = fileURLToPath(new URL('../../studio/dist', import.meta.url));
const DEMO_DIST = fileURLToPath(new URL('../../client-sdk/dist/demo', import.meta.url));

/**
 * Listens on `host:port` (port 0 picks a free one).
 * @example const server = await startServer(ctx, { port: 0, host: '127.0.0.1' });
 */
export async function startServer(ctx: EngineContext, opts: ListenOptions): Promise<RunningServer> {
  const app = createApp(ctx, {
    studioDir: opts.studioDir ?? STUDIO_DIST,
    demoDir: opts.demoDir ?? DEMO_DIST,
  });
  const http = createServer(app);
  // Seat maps are read often and small once gzip'd by a proxy; sockets stay websocket-first.
  const io = new IoServer(http, { transports: ['websocket', 'polling'], serveClient: false });
  const live = attachLive(io, engineLiveDeps(ctx));
  const boxoffice = attachBoxOffice(io, ctx);
  ctx.metrics.countSocketsWith(() => live.namespace.sockets.size);
  http.listen(opts.port, opts.host);
  await once(http, 'listening');
  ctx.sweeper.start();
  ctx.webhooks.start();
  const retention = new LoginFailureRetention({
    db: ctx.db,
    days: ctx.config.LOGIN_FAILURES_RETENTION_DAYS,
    logger: ctx.logger,
  });
  retention.start();
  const { port } = http.address() as AddressInfo;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  let closing: Promise<void> | undefined;

  const close = async (graceMs = 10_000) => {
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const timer = setTimeout(() => http.closeAllConnections(), graceMs);
    await live.close();
    await boxoffice.close();
    await io.close().catch(() => undefined);
    await closed;
    clearTimeout(timer);
    await retention.stop();
    await ctx.close();
  };

  return {
    url: `http://${shownHost}:${port}`,
    port,
    http,
    io,
    live,
    close: (graceMs) => (closing ??= close(graceMs)),
  };
}
