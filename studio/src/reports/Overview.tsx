// Every event's sell-through and revenue on one page, soonest first, with links to each report.
import type { ApiClient } from '../api/client.ts';
import { getAvailability, listEvents, type EventSales, type EventView } from '../api/events-api.ts';
import { getReport } from '../api/reports-api.ts';
import { sellThrough } from '../events/sell-through.ts';
import { CountCell, MoneyCell, NumHead } from '../shell/DataCells.tsx';
import { formatDateTime, formatPercent } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { totalsOf } from './report-table.ts';

/** The engine's own sales summary, or one made from availability and the status report. */
async function salesOf(api: ApiClient, event: EventView): Promise<EventSales> {
  if (event.sales) return event.sales;
  const [availability, report] = await Promise.all([
    getAvailability(api, event.id),
    getReport(api, event.id, 'status'),
  ]);
  const s = sellThrough(availability);
  const booked = totalsOf(report.rows.filter((r) => r.key === 'booked'));
  return {
    capacity: s.capacity,
    sold: s.sold,
    blocked: s.blocked,
    bookings: booked.bookings,
    revenue: booked.revenue,
    sellThrough: s.capacity ? s.sold / s.capacity : 0,
  };
}

async function loadOverview(api: ApiClient) {
  const events = await listEvents(api);
  return Promise.all(events.map(async (event) => ({ event, sales: await salesOf(api, event) })));
}

export function Overview({ api }: { api: ApiClient }) {
  const rows = useLoad(() => loadOverview(api), [api]);
  const all = rows.data ?? [];
  const totals = {
    capacity: all.reduce((n, r) => n + r.sales.capacity, 0),
    sold: all.reduce((n, r) => n + r.sales.sold, 0),
    revenue: totalsOf(
      all.flatMap((r) =>
        r.sales.revenue.map((m) => ({
          key: null,
          currency: m.currency,
          bookings: 0,
          count: 0,
          revenue: m.amount,
        })),
      ),
    ).revenue,
  };
  return (
    <div className="page report-page">
      <div className="page-head">
        <h1>Reports: all events</h1>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {rows.loading && !rows.data && <Loading what="Adding up every event…" />}
      {rows.error && <ErrorState message={rows.error} onRetry={rows.reload} />}
      {rows.data?.length === 0 && <Empty>No events yet.</Empty>}
      {all.length > 0 && (
        <table className="data-table report" aria-label="Sell-through per event">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Starts</th>
              <NumHead>Sold</NumHead>
              <NumHead>Capacity</NumHead>
              <NumHead>Sell-through</NumHead>
              <NumHead>Revenue</NumHead>
            </tr>
          </thead>
          <tbody>
            {all.map(({ event, sales }) => (
              <tr key={event.id}>
                <th scope="row">
                  <Link to={{ page: 'reports', eventId: event.id }}>{event.name}</Link>
                </th>
                <td>{formatDateTime(event.startsAt)}</td>
                <CountCell value={sales.sold} />
                <CountCell value={sales.capacity} />
                <td className="num">
                  <span className="bar inline" aria-hidden="true">
                    <span style={{ width: `${Math.round(sales.sellThrough * 100)}%` }} />
                  </span>
                  {formatPercent(sales.sellThrough)}
                </td>
                <MoneyCell amounts={sales.revenue} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                All events
              </th>
              <CountCell value={totals.sold} />
              <CountCell value={totals.capacity} />
              <td className="num">
                {formatPercent(totals.capacity ? totals.sold / totals.capacity : 0)}
              </td>
              <MoneyCell amounts={totals.revenue} />
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
