// REST routes of series (seasons), subscriptions and group bookings.
import type { EngineContext } from '../context.ts';
import type { Db } from '../db/db.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import type { ApiRouter } from '../http/api-router.ts';
import {
  CreateSeriesBody,
  GroupBody,
  GroupBooking,
  GroupList,
  IdParams,
  RenewBody,
  Series,
  SeriesEventBody,
  SeriesEventParams,
  SeriesList,
  SubscribeBody,
  Subscription,
} from './api-schemas.ts';
import { GroupBookings } from './groups.ts';
import type { Series as SeriesRecord, Subscription as SubscriptionRecord } from './repo.ts';
import { SeriesService } from './service.ts';

const seriesJson = (s: SeriesRecord) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  events: s.events.map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })),
});

const subscriptionJson = (s: SubscriptionRecord) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
});

// One pair of services per engine (keyed by its database handle, shared by copies of a context).
const services = new WeakMap<Db, { series: SeriesService; groups: GroupBookings }>();

/** The series and group-booking services of an engine context. */
export function seriesOf(ctx: EngineContext) {
  let found = services.get(ctx.db);
  if (!found) {
    const deps = { db: ctx.db, store: ctx.store, catalog: ctx.catalog, holds: ctx.holds };
    found = {
      series: new SeriesService({ ...deps, logger: ctx.logger }),
      groups: new GroupBookings({ ...deps, orders: ctx.orders }),
    };
    services.set(ctx.db, found);
  }
  return found;
}

function registerSeries(api: ApiRouter, series: SeriesService): void {
  api.add({
    method: 'post',
    path: '/series',
    operationId: 'createSeries',
    summary: 'Create a series (a season) of events',
    tag: 'series',
    access: 'secret',
    role: 'designer',
    body: CreateSeriesBody,
    responses: { 201: { description: 'Created', schema: Series } },
    errors: [404],
    handler: async ({ body, principal }) => ({
      status: 201,
      body: seriesJson(await series.create(principal, body)),
    }),
  });
  api.add({
    method: 'get',
    path: '/series',
    operationId: 'listSeries',
    summary: "The organisation's series",
    tag: 'series',
    access: 'secret',
    role: 'viewer',
    responses: { 200: { description: 'The series', schema: SeriesList } },
    errors: [],
    handler: async ({ principal }) => ({
      body: { series: (await series.list(principal)).map(seriesJson) },
    }),
  });
  api.add({
    method: 'get',
    path: '/series/:id',
    operationId: 'getSeries',
    summary: 'A series with its events',
    tag: 'series',
    access: 'secret',
    role: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The series', schema: Series } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: seriesJson(await series.get(principal, params.id)),
    }),
  });
  api.add({
    method: 'post',
    path: '/series/:id/events',
    operationId: 'addSeriesEvent',
    summary: 'Add an event to a series',
    description: 'Existing subscriptions are not booked on the new event automatically.',
    tag: 'series',
    access: 'secret',
    role: 'designer',
    params: IdParams,
    body: SeriesEventBody,
    responses: { 200: { description: 'The series', schema: Series } },
    errors: [404],
    handler: async ({ params, body, principal }) => ({
      body: seriesJson(await series.addEvent(principal, params.id, body.eventId)),
    }),
  });
  api.add({
    method: 'delete',
    path: '/series/:id/events/:eventId',
    operationId: 'removeSeriesEvent',
    summary: 'Remove an event from a series (its bookings stay)',
    tag: 'series',
    access: 'secret',
    role: 'designer',
    params: SeriesEventParams,
    responses: { 200: { description: 'The series', schema: Series } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: seriesJson(await series.removeEvent(principal, params.id, params.eventId)),
    }),
  });
}

function registerSubscriptions(api: ApiRouter, series: SeriesService): void {
  api.add({
    method: 'post',
    path: '/series/:id/subscriptions',
    operationId: 'subscribe',
    summary: 'Book the same seats on every event of the series, all or nothing',
    description:
      "Each event's seats are held, then every booking is written in one transaction; if any event refuses (409 SEATS_UNAVAILABLE, 422 UNKNOWN_SEATS, naming the event), nothing is booked and every hold is released.",
    tag: 'series',
    access: 'secret',
    role: 'boxoffice',
    params: IdParams,
    body: SubscribeBody,
    responses: { 201: { description: 'Subscribed', schema: Subscription } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: subscriptionJson(await series.subscribe(principal, params.id, body)),
    }),
  });
  api.add({
    method: 'get',
    path: '/subscriptions/:id',
    operationId: 'getSubscription',
    summary: 'A subscription with its bookings',
    tag: 'series',
    access: 'secret',
    role: 'viewer',
    params: IdParams,
    responses: { 200: { description: 'The subscription', schema: Subscription } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: subscriptionJson(await series.subscription(principal, params.id)),
    }),
  });
  api.add({
    method: 'post',
    path: '/subscriptions/:id/renew',
    operationId: 'renewSubscription',
    summary: "Renew on next season's series, keeping the same seats",
    description:
      'Books the same seat ids on every event of `seriesId`, all or nothing. A subscription renews once (409 ALREADY_RENEWED).',
    tag: 'series',
    access: 'secret',
    role: 'boxoffice',
    params: IdParams,
    body: RenewBody,
    responses: { 201: { description: 'Renewed', schema: Subscription } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: subscriptionJson(await series.renew(principal, params.id, body.seriesId)),
    }),
  });
}

function registerGroups(api: ApiRouter, groups: GroupBookings): void {
  api.add({
    method: 'post',
    path: '/events/:id/groups',
    operationId: 'bookGroup',
    summary: 'Book a contiguous block for a group (a school class), with its name',
    description:
      'One block in one row when a row has room, else one contiguous run in each of the fewest adjacent rows of one section (409 SEATS_UNAVAILABLE when there is no such block).',
    tag: 'series',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    body: GroupBody,
    responses: { 201: { description: 'Booked', schema: GroupBooking } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: await groups.book(principal, params.id, body),
    }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/groups',
    operationId: 'listGroups',
    summary: 'The group bookings of an event',
    tag: 'series',
    access: 'secret',
    role: 'viewer',
    params: EventIdParams,
    responses: { 200: { description: 'Group bookings', schema: GroupList } },
    errors: [404],
    handler: async ({ params, principal }) => ({ body: await groups.list(principal, params.id) }),
  });
}

/**
 * Registers the routes of series, subscriptions and group bookings.
 * @example registerSeriesRoutes(api, ctx);
 */
export function registerSeriesRoutes(api: ApiRouter, ctx: EngineContext): void {
  const { series, groups } = seriesOf(ctx);
  registerSeries(api, series);
  registerSubscriptions(api, series);
  registerGroups(api, groups);
}
