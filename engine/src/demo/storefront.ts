// The demo visitor storefront at /demo/:eventId: the built page (client-sdk/demo), the public key
// handed to it in a <meta> tag, and a fake checkout that books with the SECRET key on this side.
// The secret key never reaches the browser: that is the point the demo exists to show.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express from 'express';
import { z } from 'zod';
import type { EngineContext } from '../context.ts';
import { DomainError, type Principal } from '../errors.ts';
import { listEvents, type EventRecord } from '../events/repo.ts';
import { problemHandler } from '../http/problem.ts';
import type { DemoInfo } from './seed.ts';

/** The keys a storefront sells an event with. */
export interface StorefrontKeys {
  publicKey: string;
  secretKey: string;
}

export interface StorefrontOptions {
  /** The built demo (index.html and assets/), e.g. client-sdk/dist/demo. */
  demoDir: string;
  /**
   * The keys for an event, or null when this storefront does not sell it. Default: the demo
   * organisation's keys from DATA_DIR/demo.json (written by the first-start seed).
   */
  keys?: (eventId: string) => StorefrontKeys | null | Promise<StorefrontKeys | null>;
  /** Where /demo/ redirects; default: a list of the demo organisation's events. */
  defaultEventId?: string;
}

const CheckoutBody = z.strictObject({
  eventId: z.string().min(1).max(100),
  holdToken: z.string().min(1).max(200),
  seats: z.array(z.string().min(1).max(200)).max(100).default([]),
  ga: z
    .array(
      z.strictObject({ areaId: z.string().min(1).max(128), quantity: z.int().min(1).max(100) }),
    )
    .max(20)
    .default([]),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
});

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Reads DATA_DIR/demo.json once it exists (the seed writes it at first start). */
function demoFileKeys(ctx: EngineContext): () => Promise<DemoInfo | null> {
  let cached: DemoInfo | null = null;
  return async () => {
    cached ??= await readFile(join(ctx.config.DATA_DIR, 'demo.json'), 'utf8').then(
      (text) => JSON.parse(text) as DemoInfo,
      () => null,
    );
    return cached;
  };
}

async function secretPrincipal(ctx: EngineContext, secretKey: string): Promise<Principal> {
  const principal = await ctx.auth.authenticate(secretKey);
  if (principal?.kind !== 'secret') {
    throw new Error('The storefront secret key is not a live secret key');
  }
  return principal;
}

const escapeHtml = (s: string) => escapeAttr(s).replace(/'/g, '&#39;');

/** The "pick an event" page: a plain list, no script needed. */
function eventListPage(events: readonly EventRecord[]): string {
  const items = events.map(
    (e) =>
      `<li><a href="/demo/${encodeURIComponent(e.id)}">${escapeHtml(e.name)}</a> — ` +
      `<time datetime="${e.startsAt.toISOString()}">${e.startsAt.toUTCString()}</time>` +
      `${e.salesOpen ? '' : ' (sales closed)'}</li>`,
  );
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Parterre demo storefront</title></head>' +
    '<body style="font-family:system-ui,sans-serif;margin:16px"><h1>Pick an event</h1>' +
    `<ul>${items.join('') || '<li>No events yet.</li>'}</ul></body></html>`
  );
}

/** index.html with the event id and public key as <meta> tags, read once. */
function pageRenderer(demoDir: string): (eventId: string, publicKey: string) => Promise<string> {
  let template: Promise<string> | undefined;
  return async (eventId, publicKey) => {
    template ??= readFile(join(demoDir, 'index.html'), 'utf8');
    template.catch(() => (template = undefined)); // not built yet: try again next time
    const meta =
      `<meta name="parterre-event-id" content="${escapeAttr(eventId)}">` +
      `<meta name="parterre-public-key" content="${escapeAttr(publicKey)}">`;
    return (await template).replace('</head>', `${meta}</head>`);
  };
}

/**
 * Mounts the demo storefront under /demo on `app`: static assets, the event page and
 * `POST /demo/api/checkout`. Mount it before the app's not-found handler.
 * @example
 * mountStorefront(app, ctx, { demoDir: fileURLToPath(new URL('../../client-sdk/dist/demo', import.meta.url)) });
 */
export function mountStorefront(
  app: express.IRouter,
  ctx: EngineContext,
  opts: StorefrontOptions,
): void {
  const demoInfo = demoFileKeys(ctx);
  const keysFor = opts.keys ?? (async () => demoInfo());
  const render = pageRenderer(opts.demoDir);
  const router = express.Router();

  router.get('/', async (_req, res) => {
    if (opts.defaultEventId) {
      return res.redirect(302, `/demo/${encodeURIComponent(opts.defaultEventId)}`);
    }
    const demo = opts.keys ? null : await demoInfo();
    if (!demo) {
      return res
        .status(404)
        .type('text/plain')
        .send('No demo organisation here: open /demo/<eventId>');
    }
    const events = await listEvents(ctx.db, (await secretPrincipal(ctx, demo.secretKey)).orgId);
    res.type('text/html').send(eventListPage(events));
  });
  router.use(express.static(opts.demoDir, { index: false, fallthrough: true }));
  router.post('/api/checkout', express.json({ limit: '16kb' }), async (req, res) => {
    const body = CheckoutBody.parse(req.body);
    if (body.seats.length === 0 && body.ga.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'The basket is empty: choose seats or places', {
        fields: { seats: 'choose at least one seat or standing place' },
      });
    }
    const keys = await keysFor(body.eventId);
    if (!keys) throw new DomainError('NOT_FOUND', `Event ${body.eventId} is not sold here`);
    const principal = await secretPrincipal(ctx, keys.secretKey);
    const orderRef = `demo:${body.email}`;
    const { status, body: booking } = await ctx.orders.book(principal, body.eventId, {
      seats: body.seats,
      ga: body.ga,
      holdToken: body.holdToken,
      orderRef,
    });
    ctx.logger.info({ bookingId: booking.bookingId, name: body.name }, 'demo checkout');
    res.status(status).json(booking);
  });
  router.get('/:eventId', async (req, res) => {
    const keys = await keysFor(req.params.eventId);
    if (!keys) throw new DomainError('NOT_FOUND', `Event ${req.params.eventId} is not sold here`);
    res.type('text/html').send(await render(req.params.eventId, keys.publicKey));
  });
  router.use(problemHandler(ctx.logger));
  app.use('/demo', router);
}
