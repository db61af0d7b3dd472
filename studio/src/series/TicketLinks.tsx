// Links to the ticket pages of a booking (served by the engine at /tickets/<code>), loaded on
// demand so a long result does not ask for every booking's tickets at once.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { bookingTickets, type TicketView } from '../api/series-api.ts';

const ticketName = (t: TicketView, i: number) =>
  t.seat
    ? `${t.seat.section} ${t.seat.row} ${t.seat.label}`
    : t.standing
      ? `${t.standing.label} #${t.standing.unit}`
      : `Ticket ${i + 1}`;

export function TicketLinks({ api, bookingId }: { api: ApiClient; bookingId: string }) {
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [problem, setProblem] = useState('');
  if (tickets) {
    if (!tickets.length) return <span className="muted">no tickets</span>;
    return (
      <span className="ticket-links" data-booking={bookingId}>
        Tickets:{' '}
        {tickets.map((t, i) => (
          <a key={t.code} href={t.url} target="_blank" rel="noreferrer">
            {ticketName(t, i)}
          </a>
        ))}
      </span>
    );
  }
  const load = () => {
    setState('loading');
    bookingTickets(api, bookingId)
      .then((t) => {
        setTickets(t);
        setState('idle');
      })
      .catch((err: Error) => {
        setProblem(err.message);
        setState('error');
      });
  };
  return (
    <span className="ticket-links">
      <button type="button" onClick={load} disabled={state === 'loading'}>
        {state === 'loading' ? 'Loading tickets…' : `Tickets of ${bookingId}`}
      </button>
      {state === 'error' && (
        <span role="alert" className="error-text">
          {' '}
          No tickets: {problem}
        </span>
      )}
    </span>
  );
}
