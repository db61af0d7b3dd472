// The Express application, separate from the server that listens (server.ts owns ports, signals
// and socket.io), so tests and benchmarks mount the same app on port 0.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { EngineContext } from '../context.ts';
import { mountStorefront } from '../demo/storefront.ts';
import { registerMemberRoutes } from '../auth/member-routes.ts';
import { registerStaffRoutes } from '../auth/staff-routes.ts';
import { registerChannelRoutes } from '../channels/routes.ts';
import { registerEventRoutes } from '../events/routes.ts';
import { registerHoldRoutes } from '../holds/routes.ts';
import { registerKeyRoutes } from '../keys/routes.ts';
import { registerMapRoutes } from '../maps/routes.ts';
import { registerOrderRoutes } from '../orders/routes.ts';
import { registerSeriesRoutes } from '../series/routes.ts';
import { ticketPages } from '../tickets/pages.ts';
import { registerTicketRoutes } from '../tickets/routes.ts';
import { registerWebhookRoutes } from '../webhooks/routes.ts';
import { ApiRouter } from './api-router.ts';
import { apiCors } from './cors.ts';
import { docsPage } from './docs-page.ts';
import { metricsHandler, metricsMiddleware } from '../observability/metrics.ts';
import { healthRoutes } from './health.ts';
import { buildOpenApi, type ExtraOperation } from './openapi.ts';
import { notFoundHandler, problemHandler } from './problem.ts';
import { requestLog } from './request-log.ts';
import { createApiGuard, securityHeaders, trustProxy } from './security.ts';
import { mountStatic } from './static.ts';

/** Seat-map documents of large venues run to a few hundred KB; 2 MB leaves room, no more. */
const JSON_LIMIT = '2mb';

const META_OPERATIONS: ExtraOperation[] = [
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document',
    contentType: 'application/json',
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    summary: 'Human-readable API reference',
    contentType: 'text/html',
  },
];

/**
 * Every v1 API route, registered on one router (mounted at /api/v1 by `createApp`).
 * @example const { routes } = createApiRouter(ctx); // the registry behind openapi.json
 */
export function createApiRouter(ctx: EngineContext): ApiRouter {
  const api = new ApiRouter(ctx.auth, createApiGuard(ctx));
  // Express tries routes in registration order, so the hot hold/release routes come first. No two
  // routes match the same method and path, so the order changes nothing else.
  registerHoldRoutes(api, ctx);
  registerOrderRoutes(api, ctx);
  registerEventRoutes(api, ctx);
  registerChannelRoutes(api, ctx);
  registerMapRoutes(api, ctx);
  registerTicketRoutes(api, ctx);
  registerSeriesRoutes(api, ctx);
  registerStaffRoutes(api, ctx.auth.staff);
  registerKeyRoutes(api, ctx);
  registerMemberRoutes(api, ctx);
  registerWebhookRoutes(api, ctx);
  return api;
}

export interface AppOptions {
  /** The built studio to serve at /studio (skipped when it has no index.html). */
  studioDir?: string;
  /** The built demo storefront to serve at /demo (skipped when it has no index.html). */
  demoDir?: string;
}

const built = (dir: string | undefined): dir is string =>
  dir !== undefined && existsSync(join(dir, 'index.html'));

/**
 * The HTTP application: the v1 API under /api/v1 with problem+json errors, /healthz, /readyz,
 * /metrics, and — when they are built — the studio at /studio and the demo storefront at /demo.
 * @example
 * const app = createApp(ctx);
 * const server = app.listen(0);
 */
export function createApp(ctx: EngineContext, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (ctx.config.TRUST_PROXY) app.set('trust proxy', trustProxy(ctx.config.TRUST_PROXY));
  // Express's automatic ETag hashes every body; drafts carry their own ETag (the draft version).
  app.set('etag', false);
  app.use(requestLog(ctx.logger));
  app.use(metricsMiddleware(ctx.metrics));
  const docs = docsPage();
  app.use(securityHeaders([docs]));
  const api = createApiRouter(ctx);
  // The API goes first: hold/release are the hot paths, and every layer before them is a check
  // each of their requests would pay for.
  app.use(
    '/api/v1',
    apiCors,
    express.json({ limit: JSON_LIMIT, type: ['application/json', 'application/*+json'] }),
    api.router,
  );
  const openApi = JSON.stringify(buildOpenApi(api, META_OPERATIONS));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.type('application/json').send(openApi);
  });
  app.get('/api/v1/docs', (_req, res) => {
    res.type('text/html').send(docs);
  });
  app.use(healthRoutes(ctx));
  app.use(ticketPages(ctx));
  app.get('/metrics', metricsHandler(ctx.metrics.registry));
  const studio = built(options.studioDir);
  if (studio) mountStatic(app, { studioDir: options.studioDir as string });
  if (built(options.demoDir)) mountStorefront(app, ctx, { demoDir: options.demoDir });
  app.get('/', (_req, res) => {
    res.redirect(302, studio ? '/studio/' : '/api/v1/docs');
  });
  app.use(notFoundHandler);
  app.use(problemHandler(ctx.logger));
  return app;
}
