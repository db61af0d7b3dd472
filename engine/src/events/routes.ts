// REST routes of events: create one on a published seat-map version (prices checked against the
// map's categories), read it, list them, and the layout visitors render (seats with their index
// into the availability bytes, categories and prices).
import { migrate, type LayoutSeat } from '@parterre/seatmaps';
import type { EngineContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { getSeatmap, getVersion, latestVersion, type SeatmapVersion } from '../maps/repo.ts';
import type { EventRuntime } from './catalog.ts';
import { eventSales } from '../boxoffice/sales-summary.ts';
import { CreateEventBody, EventLayout, EventList, EventParams, EventView } from './api-schemas.ts';
import { sharedLabelContainers } from './layout-containers.ts';
import { createEvent, getEvent, listEvents } from './repo.ts';
import { checkEventSettings } from './check-settings.ts';
import { view } from './event-view.ts';
import { registerEventSetupRoutes } from './setup-routes.ts';

type CreateEventInput = ReturnType<typeof CreateEventBody.parse>;

/** Published layouts never change: their static JSON part is kept per map version. */
const LAYOUT_CACHE_SIZE = 32;

const dateOrNull = (iso: string | null | undefined) =>
  iso === undefined ? undefined : iso === null ? null : new Date(iso);

async function publishedVersion(
  ctx: EngineContext,
  orgId: string,
  body: CreateEventInput,
): Promise<SeatmapVersion> {
  const map = await getSeatmap(ctx.db, orgId, body.seatmapId);
  if (!map) throw new DomainError('NOT_FOUND', `Seat map ${body.seatmapId} not found`);
  const version =
    body.seatmapVersion === undefined
      ? await latestVersion(ctx.db, orgId, map.id)
      : await getVersion(ctx.db, orgId, map.id, body.seatmapVersion);
  if (version) return version;
  const which =
    body.seatmapVersion === undefined
      ? 'no published version'
      : `no version ${body.seatmapVersion}`;
  throw new DomainError('VALIDATION_FAILED', `Seat map ${map.id} has ${which}; publish it first`, {
    fields: {
      [body.seatmapVersion === undefined ? 'seatmapId' : 'seatmapVersion']: `has ${which}`,
    },
  });
}

function registerCreateAndRead(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events',
    operationId: 'createEvent',
    summary: 'Put a published seat-map version on sale as an event',
    tag: 'events',
    access: 'secret',
    role: 'designer',
    body: CreateEventBody,
    responses: { 201: { description: 'Created', schema: EventView } },
    errors: [404],
    handler: async ({ body, principal }) => {
      const version = await publishedVersion(ctx, principal.orgId, body);
      const window = {
        salesOpensAt: dateOrNull(body.salesOpensAt),
        salesClosesAt: dateOrNull(body.salesClosesAt),
      };
      checkEventSettings(ctx, body, version.document, window);
      const event = await createEvent(ctx.db, {
        ...body,
        ...window,
        orgId: principal.orgId,
        seatmapVersion: version.version,
        startsAt: new Date(body.startsAt),
      });
      return { status: 201, body: view(event) };
    },
  });
  api.add({
    method: 'get',
    path: '/events',
    operationId: 'listEvents',
    summary: 'The organisation’s events by start time, with their sales (sell-through)',
    tag: 'events',
    access: 'secret',
    role: 'viewer',
    responses: { 200: { description: 'Events', schema: EventList } },
    errors: [],
    handler: async ({ principal }) => {
      const [events, sales] = await Promise.all([
        listEvents(ctx.db, principal.orgId),
        eventSales(ctx.db, principal.orgId),
      ]);
      return { body: { events: events.map((e) => ({ ...view(e), sales: sales.get(e.id)! })) } };
    },
  });
  api.add({
    method: 'get',
    path: '/events/:id',
    operationId: 'getEvent',
    summary: 'An event with its prices',
    tag: 'events',
    access: 'secret',
    role: 'viewer',
    // The door page shows the event's name.
    door: true,
    params: EventParams,
    responses: { 200: { description: 'The event', schema: EventView } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const event = await getEvent(ctx.db, principal.orgId, params.id);
      if (!event) throw new DomainError('NOT_FOUND', `Event ${params.id} not found`);
      return { body: view(event) };
    },
  });
}

const flagsOf = (s: LayoutSeat) => [
  ...(s.accessible ? ['accessible'] : []),
  ...(s.restrictedView ? ['restricted-view'] : []),
  ...(s.companion ? ['companion'] : []),
];

/** The part of a layout answer fixed by the map version. */
async function staticLayout(ctx: EngineContext, event: EventRuntime) {
  const stored = await getVersion(ctx.db, event.orgId, event.seatmapId, event.seatmapVersion);
  const doc = stored && migrate(stored.document);
  if (!doc?.success)
    throw new Error(`Published seat map ${event.seatmapId} v${event.seatmapVersion} is unreadable`);
  const { size, focalPoint, categories, levels, sections } = doc.data;
  const levelOfSection = new Map<string, string>(sections.map((s) => [s.id, s.level]));
  const keyed = sharedLabelContainers(event.layout.seats);
  return {
    seatmapId: event.seatmapId,
    seatmapVersion: event.seatmapVersion,
    size,
    focalPoint,
    categories,
    levels: levels.map(({ id, name }) => ({ id, name })),
    seats: event.layout.seats.map((s) => ({
      index: s.index,
      id: s.id,
      label: s.label,
      row: s.row,
      section: s.section,
      level: s.level,
      category: s.category,
      x: s.x,
      y: s.y,
      flags: flagsOf(s),
      // Only on table seats, so a hall of rows pays nothing; the picker's orphan check reads it.
      ...(s.atTable ? { atTable: true as const } : {}),
      // Only where a row or table label repeats in a section: the picker splits rows on it.
      ...(keyed.has(s.container) ? { container: s.container } : {}),
    })),
    gaAreas: event.layout.gaAreas.map((a) => ({
      id: a.id,
      label: a.label,
      section: a.section,
      level: levelOfSection.get(a.sectionId) ?? '',
      capacity: a.capacity,
      category: a.category,
      outline: a.outline,
    })),
  };
}

function registerLayout(api: ApiRouter, ctx: EngineContext): void {
  const cache = new Map<string, ReturnType<typeof staticLayout>>();
  const layoutOf = (event: EventRuntime) => {
    const key = `${event.seatmapId}@${event.seatmapVersion}`;
    let layout = cache.get(key);
    if (!layout) {
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      layout = staticLayout(ctx, event);
      cache.set(key, layout);
      layout.catch(() => cache.delete(key));
    }
    return layout;
  };
  api.add({
    method: 'get',
    path: '/events/:id/layout',
    operationId: 'getLayout',
    summary:
      'The published map of an event: seats with indexes, categories, standing areas, prices',
    tag: 'events',
    access: 'public',
    role: 'viewer',
    params: EventParams,
    responses: { 200: { description: 'The layout', schema: EventLayout } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const event = await ctx.catalog.get(principal.orgId, params.id);
      const { id, name, startsAt, salesOpen, holdTtlSeconds, prices } = event;
      return {
        body: {
          event: { id, name, startsAt, salesOpen, holdTtlSeconds },
          ...(await layoutOf(event)),
          prices,
        },
      };
    },
  });
}

/**
 * Registers the event routes.
 * @example registerEventRoutes(api, ctx);
 */
export function registerEventRoutes(api: ApiRouter, ctx: EngineContext): void {
  registerCreateAndRead(api, ctx);
  registerEventSetupRoutes(api, ctx);
  registerLayout(api, ctx);
}
