// The organisation's events: date, plan version, whether sales are open, sell-through; from here
// a new event, a copy of one, its live box office or its report. With purpose="boxoffice" the
// same list asks which event's box office to open.
import type { ApiClient } from '../api/client.ts';
import { getAvailability, listEvents, type EventView } from '../api/events-api.ts';
import { formatCount, formatDateTime, formatPercent } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { SalesSwitch } from './SalesSwitch.tsx';
import { sellThrough, type SellThrough } from './sell-through.ts';

interface Row {
  readonly event: EventView;
  readonly sales: SellThrough | null;
}

/** The engine's sales summary when the list carries it, else one made from availability. */
async function salesOf(api: ApiClient, event: EventView): Promise<SellThrough | null> {
  if (event.sales) {
    const { capacity, sold, blocked, sellThrough: ratio } = event.sales;
    return { capacity, sold, blocked, held: 0, free: capacity - sold - blocked, ratio };
  }
  return getAvailability(api, event.id)
    .then(sellThrough)
    .catch(() => null);
}

async function loadRows(api: ApiClient): Promise<Row[]> {
  const events = await listEvents(api);
  return Promise.all(events.map(async (event) => ({ event, sales: await salesOf(api, event) })));
}

function SellThroughBar({ sales }: { sales: SellThrough | null }) {
  if (!sales) return <span className="muted">not available</span>;
  const pct = Math.round(sales.ratio * 100);
  return (
    <span className="sell-through">
      <span
        className="bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label="Sold"
      >
        <span style={{ width: `${pct}%` }} />
      </span>
      {formatCount(sales.sold)} / {formatCount(sales.capacity)} sold ({formatPercent(sales.ratio)})
    </span>
  );
}

export function EventsScreen({
  api,
  purpose = 'manage',
}: {
  api: ApiClient;
  purpose?: 'manage' | 'boxoffice';
}) {
  const rows = useLoad(() => loadRows(api), [api]);
  const boxoffice = purpose === 'boxoffice';
  return (
    <div className="page">
      <div className="page-head">
        <h1>{boxoffice ? 'Box office: choose an event' : 'Events'}</h1>
        {!boxoffice && (
          <Link to={{ page: 'event-new', from: null }} className="button primary big">
            New event
          </Link>
        )}
      </div>
      {rows.loading && !rows.data && <Loading what="Loading events…" />}
      {rows.error && <ErrorState message={rows.error} onRetry={rows.reload} />}
      {rows.data?.length === 0 && (
        <Empty>
          <p>No events yet.</p>
          <p>
            Publish a seat map in the Designer, then{' '}
            <Link to={{ page: 'event-new', from: null }}>create an event</Link> on it.
          </p>
        </Empty>
      )}
      {!!rows.data?.length && (
        <table className="data-table" aria-label="Events">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Starts</th>
              <th scope="col">Sales</th>
              <th scope="col">Sold</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map(({ event, sales }) => (
              <tr key={event.id}>
                <th scope="row">
                  {event.name}
                  <div className="muted small">plan v{event.seatmapVersion}</div>
                </th>
                <td>{formatDateTime(event.startsAt)}</td>
                <td>
                  <SalesSwitch api={api} event={event} onChanged={rows.reload} />
                </td>
                <td>
                  <SellThroughBar sales={sales} />
                </td>
                <td>
                  <div className="actions">
                    <Link
                      to={{ page: 'boxoffice', eventId: event.id }}
                      className={`button${boxoffice ? ' primary big' : ''}`}
                      label={`Open the box office of ${event.name}`}
                    >
                      Box office
                    </Link>
                    {!boxoffice && (
                      <>
                        <Link
                          to={{ page: 'reports', eventId: event.id }}
                          className="button"
                          label={`Report of ${event.name}`}
                        >
                          Report
                        </Link>
                        <Link
                          to={{ page: 'event-edit', eventId: event.id }}
                          className="button"
                          label={`Edit ${event.name}`}
                        >
                          Edit
                        </Link>
                        <Link
                          to={{ page: 'event-new', from: event.id }}
                          className="button"
                          label={`Duplicate ${event.name}`}
                        >
                          Duplicate
                        </Link>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
