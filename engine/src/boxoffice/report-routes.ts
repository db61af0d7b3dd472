// REST routes of reports: one event's sales by status, category, price type, channel or zone
// (JSON or CSV with the same rows), and the multi-event overview (sell-through per event).
import type { EngineContext } from '../context.ts';
import type { Principal } from '../errors.ts';
import { salesState } from '../events/sales-window.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { toCsv } from '../http/csv.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import { overviewEvents } from './report-repo.ts';
import { Overview, OverviewQuery, Report, ReportQuery } from './report-schemas.ts';
import { eventSales } from './sales-summary.ts';

async function overview(ctx: EngineContext, p: Principal, from?: string, to?: string) {
  const now = Date.now();
  const events = await overviewEvents(ctx.db, p.orgId, from, to);
  const sales = await eventSales(
    ctx.db,
    p.orgId,
    events.map((e) => e.id),
  );
  const rows = events.map((e) => {
    const s = sales.get(e.id)!;
    return {
      id: e.id,
      name: e.name,
      startsAt: e.startsAt.toISOString(),
      onSale: salesState(e, now) === 'open',
      capacity: s.capacity,
      sold: s.sold,
      blocked: s.blocked,
      bookings: s.bookings,
      revenue: s.revenue,
      sellThrough: s.sellThrough,
    };
  });
  const revenue = new Map<string, number>();
  for (const r of rows) {
    for (const m of r.revenue) revenue.set(m.currency, (revenue.get(m.currency) ?? 0) + m.amount);
  }
  const capacity = rows.reduce((n, r) => n + r.capacity, 0);
  const sold = rows.reduce((n, r) => n + r.sold, 0);
  return {
    events: rows,
    totals: {
      capacity,
      sold,
      bookings: rows.reduce((n, r) => n + r.bookings, 0),
      revenue: [...revenue].sort().map(([currency, amount]) => ({ currency, amount })),
      sellThrough: capacity > 0 ? sold / capacity : 0,
    },
  };
}

/** One CSV line per event and currency (an event without sales: one line, no currency). */
const overviewCsv = (o: Awaited<ReturnType<typeof overview>>) =>
  toCsv(
    o.events.flatMap((e) =>
      (e.revenue.length ? e.revenue : [{ currency: null, amount: 0 }]).map((m) => ({
        eventId: e.id,
        name: e.name,
        startsAt: e.startsAt,
        capacity: e.capacity,
        sold: e.sold,
        blocked: e.blocked,
        bookings: e.bookings,
        sellThrough: e.sellThrough,
        currency: m.currency,
        revenue: m.amount,
      })),
    ),
    [
      'eventId',
      'name',
      'startsAt',
      'capacity',
      'sold',
      'blocked',
      'bookings',
      'sellThrough',
      'currency',
      'revenue',
    ],
  );

/**
 * Registers GET /events/:id/report and GET /reports/overview.
 * @example registerReportRoutes(api, ctx);
 */
export function registerReportRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/events/:id/report',
    operationId: 'report',
    summary: 'Counts and revenue by status, category, price type, channel or zone (JSON or CSV)',
    description:
      'CSV has the JSON rows, one per line: key, currency, bookings, count, revenue (minor units).',
    tag: 'reports',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    query: ReportQuery,
    responses: {
      200: { description: 'The report (text/csv when format=csv)', schema: Report },
    },
    errors: [404],
    handler: async ({ params, query, principal, res }) => {
      const report = await ctx.orders.report(principal, params.id, query.by);
      if (query.format === 'json') return { body: report };
      res
        .type('text/csv')
        .attachment(`report-${params.id}-${query.by}.csv`)
        .send(toCsv(report.rows, ['key', 'currency', 'bookings', 'count', 'revenue']));
      return undefined;
    },
  });
  api.add({
    method: 'get',
    path: '/reports/overview',
    operationId: 'reportOverview',
    summary: 'Sell-through of every event (optionally those starting in [from, to)), JSON or CSV',
    tag: 'reports',
    access: 'secret',
    role: 'boxoffice',
    query: OverviewQuery,
    responses: {
      200: { description: 'The overview (text/csv when format=csv)', schema: Overview },
    },
    errors: [],
    handler: async ({ query, principal, res }) => {
      const body = await overview(ctx, principal, query.from, query.to);
      if (query.format === 'json') return { body };
      res.type('text/csv').attachment('overview.csv').send(overviewCsv(body));
      return undefined;
    },
  });
}
