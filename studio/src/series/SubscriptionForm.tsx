// Sell a subscription on one series: the same seats on every event, all or nothing. The result
// lists the booking of each event (with links to its tickets) or says which seats were taken.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { subscribe, type SeriesView, type SubscriptionView } from '../api/series-api.ts';
import { Message, useAction } from '../channels/use-action.tsx';
import { TicketLinks } from './TicketLinks.tsx';
import { subscribeInput, subscriptionProblem } from './series-view.ts';

export function SubscriptionResult({
  api,
  sub,
  events,
}: {
  api: ApiClient;
  sub: SubscriptionView;
  events: readonly { id: string; name: string }[];
}) {
  const nameOf = (id: string) => events.find((e) => e.id === id)?.name ?? id;
  return (
    <div className="subscription-result" data-subscription={sub.id}>
      <p>
        Subscription <code>{sub.id}</code>
        {sub.holder ? ` for ${sub.holder}` : ''}: seats {sub.seats.join(', ')} ({sub.priceType}).
      </p>
      <ul>
        {sub.bookings.map((b) => (
          <li key={b.bookingId}>
            {nameOf(b.eventId)}: booking <code>{b.bookingId}</code> ({b.status}){' '}
            <TicketLinks api={api} bookingId={b.bookingId} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SubscriptionForm({
  api,
  series,
  priceTypes,
}: {
  api: ApiClient;
  series: SeriesView;
  priceTypes: readonly string[];
}) {
  const [seats, setSeats] = useState('');
  const [holder, setHolder] = useState('');
  const [priceType, setPriceType] = useState('');
  const [result, setResult] = useState<SubscriptionView | null>(null);
  const action = useAction(subscriptionProblem);
  const id = `sub-${series.id}`;
  const submit = async () => {
    const checked = subscribeInput({ seats, holder, priceType });
    if ('problem' in checked) return action.fail(checked.problem);
    setResult(null);
    await action.run(async () => {
      const sub = await subscribe(api, series.id, checked.input);
      setResult(sub);
      return `Subscribed: ${sub.seats.length} seat${sub.seats.length === 1 ? '' : 's'} booked on all ${sub.bookings.length} events.`;
    });
  };
  return (
    <form
      className="form-grid"
      aria-label={`Subscription to ${series.name}`}
      aria-busy={action.busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-seats`}>Seat ids</label>
        <input
          id={`${id}-seats`}
          value={seats}
          placeholder="R1-1, R1-2"
          onChange={(e) => setSeats(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-holder`}>Holder</label>
        <input id={`${id}-holder`} value={holder} onChange={(e) => setHolder(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-price`}>Price type</label>
        <select id={`${id}-price`} value={priceType} onChange={(e) => setPriceType(e.target.value)}>
          <option value="">Full (default)</option>
          {priceTypes
            .filter((p) => p !== 'full')
            .map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy || !series.events.length}>
          Subscribe
        </button>
      </div>
      {!series.events.length && <p className="muted">Add events before selling subscriptions.</p>}
      {action.busy && (
        <p role="status" className="muted">
          Booking every event…
        </p>
      )}
      <Message message={action.message} />
      {result && <SubscriptionResult api={api} sub={result} events={series.events} />}
    </form>
  );
}
