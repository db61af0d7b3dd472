// REST routes that change an event after it was created: edit (PATCH), duplicate, open and close
// sales now. Every change drops the cached event row on this node and tells the other nodes (and
// the box office) through `ctx.boxoffice.eventChanged`, so a closed sale stops public holds at
// once instead of after the catalog's cache TTL.
import type { EngineContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { getVersion } from '../maps/repo.ts';
import { DuplicateEventBody, EventParams, EventView, PatchEventBody } from './api-schemas.ts';
import { getEvent, type EventRecord } from './repo.ts';
import { checkEventSettings } from './check-settings.ts';
import { view } from './event-view.ts';
import { openedNow } from './sales-window.ts';
import { duplicateEvent, updateEvent, type EventSettings } from './setup-repo.ts';

type Patch = ReturnType<typeof PatchEventBody.parse>;

const notFound = (id: string) => new DomainError('NOT_FOUND', `Event ${id} not found`);

const settingsOf = (e: EventRecord): EventSettings => ({
  name: e.name,
  startsAt: e.startsAt,
  holdTtlSeconds: e.holdTtlSeconds,
  salesOpen: e.salesOpen,
  salesOpensAt: e.salesOpensAt,
  salesClosesAt: e.salesClosesAt,
  prices: e.prices,
});

function patched(current: EventRecord, body: Patch): EventSettings {
  const date = (iso: string | null | undefined, was: Date | null) =>
    iso === undefined ? was : iso === null ? null : new Date(iso);
  return {
    ...settingsOf(current),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.holdTtlSeconds !== undefined ? { holdTtlSeconds: body.holdTtlSeconds } : {}),
    startsAt: date(body.startsAt, current.startsAt)!,
    salesOpensAt: date(body.salesOpensAt, current.salesOpensAt),
    salesClosesAt: date(body.salesClosesAt, current.salesClosesAt),
    ...(body.prices
      ? { prices: body.prices.map((p) => ({ ...p, priceType: p.priceType ?? 'full' })) }
      : {}),
  };
}

async function changed(
  ctx: EngineContext,
  orgId: string,
  event: EventRecord | undefined,
  id: string,
) {
  if (!event) throw notFound(id);
  ctx.catalog.invalidate(event.id);
  ctx.boxoffice.eventChanged(orgId, event.id);
  return { body: view(event) };
}

function registerPatch(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'patch',
    path: '/events/:id',
    operationId: 'updateEvent',
    summary: 'Change an event’s name, date, sales window, hold duration or prices',
    description:
      'Only the fields sent change; `prices` replaces all prices. Prices apply to bookings made after the change.',
    tag: 'events',
    access: 'secret',
    role: 'designer',
    params: EventParams,
    body: PatchEventBody,
    responses: { 200: { description: 'The changed event', schema: EventView } },
    errors: [404],
    handler: async ({ params, body, principal }) => {
      const current = await getEvent(ctx.db, principal.orgId, params.id);
      if (!current) throw notFound(params.id);
      const version = await getVersion(
        ctx.db,
        principal.orgId,
        current.seatmapId,
        current.seatmapVersion,
      );
      const event = await updateEvent(ctx.db, principal.orgId, params.id, (cur) => {
        const next = patched(cur, body);
        checkEventSettings(ctx, { ...body, prices: next.prices }, version?.document, next);
        return next;
      });
      return changed(ctx, principal.orgId, event, params.id);
    },
  });
}

function registerDuplicate(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/duplicate',
    operationId: 'duplicateEvent',
    summary: 'A new event on the same seat-map version with the same prices and sales settings',
    description:
      'Bookings, blocks and holds are not copied. The body is required ({} copies as is).',
    tag: 'events',
    access: 'secret',
    role: 'designer',
    params: EventParams,
    body: DuplicateEventBody,
    responses: { 201: { description: 'The copy', schema: EventView } },
    errors: [404],
    handler: async ({ params, body, principal }) => {
      const copy = await duplicateEvent(ctx.db, principal.orgId, params.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
      });
      if (!copy) throw notFound(params.id);
      return { status: 201, body: view(copy) };
    },
  });
}

function registerOpenClose(api: ApiRouter, ctx: EngineContext): void {
  for (const action of ['open', 'close'] as const) {
    api.add({
      method: 'post',
      path: `/events/:id/${action}`,
      operationId: `${action}Sales`,
      summary:
        action === 'open'
          ? 'Open public sales now (an opening in the future moves to now; a passed close is removed)'
          : 'Close public sales now (the box office and secret keys still sell)',
      tag: 'events',
      access: 'secret',
      role: 'designer',
      params: EventParams,
      responses: { 200: { description: 'The event', schema: EventView } },
      errors: [404],
      handler: async ({ params, principal }) => {
        const event = await updateEvent(ctx.db, principal.orgId, params.id, (cur) => {
          const now = settingsOf(cur);
          return action === 'open'
            ? { ...now, ...openedNow(now, new Date()) }
            : { ...now, salesOpen: false };
        });
        return changed(ctx, principal.orgId, event, params.id);
      },
    });
  }
}

/**
 * Registers PATCH /events/:id, duplicate, open and close.
 * @example registerEventSetupRoutes(api, ctx);
 */
export function registerEventSetupRoutes(api: ApiRouter, ctx: EngineContext): void {
  registerPatch(api, ctx);
  registerDuplicate(api, ctx);
  registerOpenClose(api, ctx);
}
