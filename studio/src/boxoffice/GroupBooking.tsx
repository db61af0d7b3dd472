// "Group booking" at the counter: a group's name and size, optionally a category or section;
// the engine finds one contiguous block and books it, or says in words why there is none.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { EventLayout } from '../api/events-api.ts';
import { bookGroup, type GroupBookingView } from '../api/series-api.ts';
import { Message, useAction } from '../channels/use-action.tsx';
import { groupInput, groupProblem } from '../series/series-view.ts';
import { TicketLinks } from '../series/TicketLinks.tsx';
import { formatMoney } from '../shell/format.ts';

interface Props {
  readonly api: ApiClient;
  readonly eventId: string;
  readonly layout: EventLayout;
  /** Shows the booked block on the map. */
  readonly onBooked: (seatIds: readonly string[]) => void;
}

export function GroupBooking({ api, eventId, layout, onBooked }: Props) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ groupName: '', quantity: '', category: '', sectionId: '' });
  const [result, setResult] = useState<GroupBookingView | null>(null);
  const action = useAction((err) => (err as Error).message);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        Group booking
      </button>
    );
  }
  const submit = async () => {
    const checked = groupInput(form);
    if ('problem' in checked) return action.fail(checked.problem);
    setResult(null);
    await action.run(
      async () => {
        const g = await bookGroup(api, eventId, checked.input);
        setResult(g);
        onBooked(g.seats);
        return `Booked ${g.seats.length} seats together for ${g.groupName} in ${g.rows} row${g.rows === 1 ? '' : 's'}: ${g.seats.join(', ')}. ${formatMoney(g.amount, g.currency)}.`;
      },
      (err) => groupProblem(err, checked.input),
    );
  };
  return (
    <section className="group-booking" aria-labelledby="group-head">
      <h2 id="group-head">Group booking</h2>
      <form
        aria-busy={action.busy}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="group-name">Group name</label>
          <input
            id="group-name"
            value={form.groupName}
            placeholder="Class 4b, Linden School"
            onChange={(e) => set('groupName')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="group-size">Group size</label>
          <input
            id="group-size"
            type="number"
            min={2}
            max={500}
            inputMode="numeric"
            value={form.quantity}
            onChange={(e) => set('quantity')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="group-category">Category</label>
          <select
            id="group-category"
            value={form.category}
            onChange={(e) => set('category')(e.target.value)}
          >
            <option value="">Any</option>
            {layout.categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          {/* The engine takes the seat map's section id; the layout names sections by label. */}
          <label htmlFor="group-section">Section id (optional)</label>
          <input
            id="group-section"
            value={form.sectionId}
            placeholder="Any section"
            onChange={(e) => set('sectionId')(e.target.value.trim())}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            Book group
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </form>
      {action.busy && (
        <p role="status" className="muted">
          Finding a block…
        </p>
      )}
      <Message message={action.message} />
      {result && <TicketLinks api={api} bookingId={result.bookingId} />}
    </section>
  );
}
