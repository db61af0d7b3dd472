// One series: its events in date order (remove one, add another), the subscription form and
// renewing a subscription onto another series (next season) with the same seats.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { EventView } from '../api/events-api.ts';
import {
  addSeriesEvent,
  removeSeriesEvent,
  renewSubscription,
  type SeriesView,
  type SubscriptionView,
} from '../api/series-api.ts';
import { Message, useAction } from '../channels/use-action.tsx';
import { formatDateTime } from '../shell/format.ts';
import { eventsToAdd, subscriptionProblem } from './series-view.ts';
import { SubscriptionForm, SubscriptionResult } from './SubscriptionForm.tsx';

interface Props {
  readonly api: ApiClient;
  readonly series: SeriesView;
  readonly allSeries: readonly SeriesView[];
  readonly events: readonly EventView[];
  readonly onChanged: () => void;
}

function Renew({ api, series, allSeries }: Omit<Props, 'events' | 'onChanged'>) {
  const [subId, setSubId] = useState('');
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<SubscriptionView | null>(null);
  const action = useAction(subscriptionProblem);
  const others = allSeries.filter((s) => s.id !== series.id);
  const id = `renew-${series.id}`;
  const targetSeries = others.find((s) => s.id === target);
  const submit = async () => {
    if (!subId.trim()) return action.fail('Type the id of the subscription to renew.');
    if (!targetSeries) return action.fail('Choose the series to renew onto.');
    setResult(null);
    await action.run(async () => {
      const sub = await renewSubscription(api, subId.trim(), targetSeries.id);
      setResult(sub);
      return `Renewed onto ${targetSeries.name}: the same seats on all ${sub.bookings.length} events.`;
    });
  };
  if (!others.length) return null;
  return (
    <form
      className="form-grid"
      aria-label={`Renew a subscription of ${series.name}`}
      aria-busy={action.busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-sub`}>Subscription id</label>
        <input id={`${id}-sub`} value={subId} onChange={(e) => setSubId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>Renew onto</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a series…</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={action.busy}>
          Renew
        </button>
      </div>
      <Message message={action.message} />
      {result && targetSeries && (
        <SubscriptionResult api={api} sub={result} events={targetSeries.events} />
      )}
    </form>
  );
}

export function SeriesCard({ api, series, allSeries, events, onChanged }: Props) {
  const [adding, setAdding] = useState('');
  const action = useAction((err) => (err as Error).message);
  const candidates = eventsToAdd(events, series);
  const priceTypes = [...new Set(events.flatMap((e) => e.prices.map((p) => p.priceType)))];
  const headId = `series-${series.id}`;
  const change = async (task: () => Promise<string>) => {
    if (await action.run(task)) onChanged();
  };
  return (
    <section className="series-card" aria-labelledby={headId} data-series={series.id}>
      <h2 id={headId}>{series.name}</h2>
      {series.events.length ? (
        <ul aria-label={`Events of ${series.name}`}>
          {series.events.map((e) => (
            <li key={e.id}>
              {e.name} · {formatDateTime(e.startsAt)}{' '}
              <button
                type="button"
                disabled={action.busy}
                aria-label={`Remove ${e.name} from ${series.name}`}
                onClick={() =>
                  void change(async () => {
                    await removeSeriesEvent(api, series.id, e.id);
                    return `Removed ${e.name}; its bookings stay.`;
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No events yet.</p>
      )}
      {candidates.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            const event = candidates.find((c) => c.id === adding);
            if (!event) return action.fail('Choose an event to add.');
            void change(async () => {
              await addSeriesEvent(api, series.id, event.id);
              setAdding('');
              return `Added ${event.name}. Existing subscriptions are not booked on it.`;
            });
          }}
        >
          <label htmlFor={`${headId}-add`}>Add event</label>
          <select id={`${headId}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose an event…</option>
            {candidates.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} · {formatDateTime(e.startsAt)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={action.busy}>
            Add
          </button>
        </form>
      )}
      <Message message={action.message} />
      <h3>Sell a subscription</h3>
      <SubscriptionForm api={api} series={series} priceTypes={priceTypes} />
      <Renew api={api} series={series} allSeries={allSeries} />
    </section>
  );
}
