// Reports: for one event, counts and revenue by every grouping the engine offers (status,
// category, and price type, channel or zone where the engine has them), each downloadable as the
// engine's CSV; without an event, the overview of every event's sell-through and revenue.
// The page prints cleanly (navigation and buttons hidden by the print stylesheet).
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { getEvent, getLayout } from '../api/events-api.ts';
import { getReport, getReportCsv, reportGroupings, type Report } from '../api/reports-api.ts';
import { CountCell, MoneyCell, NumHead } from '../shell/DataCells.tsx';
import { formatCount, formatDateTime, formatMoney, formatMoneyList } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { saveText } from './download.ts';
import { Overview } from './Overview.tsx';
import { groupingTitle, keyText, totalsOf } from './report-table.ts';

export function ReportsScreen({ api, eventId }: { api: ApiClient; eventId: string | null }) {
  if (!eventId) return <Overview api={api} />;
  return <EventReport api={api} eventId={eventId} />;
}

async function loadEventReport(api: ApiClient, eventId: string) {
  const [event, layout, groupings] = await Promise.all([
    getEvent(api, eventId),
    getLayout(api, eventId),
    reportGroupings(api),
  ]);
  const reports = await Promise.all(groupings.map((by) => getReport(api, eventId, by)));
  const names = new Map(layout.categories.map((c) => [c.key, c.label]));
  return { event, reports, names };
}

function ReportTable({
  api,
  eventId,
  report,
  names,
}: {
  api: ApiClient;
  eventId: string;
  report: Report;
  names: ReadonlyMap<string, string>;
}) {
  const [error, setError] = useState<string | null>(null);
  const totals = totalsOf(report.rows);
  const title = groupingTitle(report.by);
  const download = async () => {
    setError(null);
    try {
      saveText(`report-${eventId}-${report.by}.csv`, await getReportCsv(api, eventId, report.by));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="report-section" aria-labelledby={`report-${report.by}`}>
      <div className="section-head">
        <h2 id={`report-${report.by}`}>{title}</h2>
        <button type="button" className="no-print" onClick={() => void download()}>
          Download CSV ({report.by})
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {report.rows.length === 0 ? (
        <p className="muted">Nothing sold or blocked yet.</p>
      ) : (
        <table className="data-table report" data-report={report.by}>
          <thead>
            <tr>
              <th scope="col">
                {title.replace(/^By /, '').replace(/^\w/, (c) => c.toUpperCase())}
              </th>
              <NumHead>Bookings</NumHead>
              <NumHead>Tickets</NumHead>
              <NumHead>Revenue</NumHead>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r, i) => (
              <tr key={`${r.key}-${r.currency}-${i}`}>
                <th scope="row">{keyText(report.by, r.key, names)}</th>
                <CountCell value={r.bookings} />
                <CountCell value={r.count} />
                <td className="num">{r.currency ? formatMoney(r.revenue, r.currency) : '—'}</td>
              </tr>
            ))}
          </tbody>
          {report.by !== 'status' && (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <CountCell value={totals.bookings} />
                <CountCell value={totals.count} />
                <MoneyCell amounts={totals.revenue} />
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </section>
  );
}

function EventReport({ api, eventId }: { api: ApiClient; eventId: string }) {
  const data = useLoad(() => loadEventReport(api, eventId), [api, eventId]);
  if (data.loading && !data.data) return <Loading what="Preparing the report…" />;
  if (data.error || !data.data) {
    return <ErrorState message={data.error ?? 'Nothing loaded'} onRetry={data.reload} />;
  }
  const { event, reports, names } = data.data;
  const byStatus = reports.find((r) => r.by === 'status');
  const sold = byStatus?.rows.filter((r) => r.key === 'booked') ?? [];
  const soldTotals = totalsOf(sold);
  return (
    <div className="page report-page">
      <div className="page-head">
        <h1>Report: {event.name}</h1>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => data.reload()}>
          Refresh
        </button>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
        <Link to={{ page: 'reports', eventId: null }} className="button no-print">
          All events
        </Link>
      </div>
      <p>
        {formatDateTime(event.startsAt)} · {formatCount(event.seatCount)} seats · plan v
        {event.seatmapVersion} · printed {formatDateTime(Date.now())}
      </p>
      <p className="report-summary">
        Sold <strong>{formatCount(soldTotals.count)}</strong>{' '}
        {soldTotals.count === 1 ? 'ticket' : 'tickets'} in {formatCount(soldTotals.bookings)}{' '}
        {soldTotals.bookings === 1 ? 'booking' : 'bookings'}, revenue{' '}
        <strong>{formatMoneyList(soldTotals.revenue)}</strong>.
      </p>
      {reports.length === 0 ? (
        <Empty>No report is available for this event.</Empty>
      ) : (
        reports.map((r) => (
          <ReportTable key={r.by} api={api} eventId={eventId} report={r} names={names} />
        ))
      )}
    </div>
  );
}
