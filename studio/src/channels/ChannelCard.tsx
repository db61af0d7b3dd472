// One channel: its name with rename and delete (ChannelManage.tsx), what it holds, a form to allocate more (typed seat ids, whole rows picked from
// the list, standing places) and a button giving everything unsold back to the general sale.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { allocateToChannel, releaseAllocation, type ChannelView } from '../api/channels-api.ts';
import type { EventLayout } from '../api/events-api.ts';
import { allocationInput, channelProblem, KIND_LABELS, type SeatRow } from './channel-form.ts';
import { ChannelManage } from './ChannelManage.tsx';
import { Message, useAction } from './use-action.tsx';

interface Props {
  readonly api: ApiClient;
  readonly eventId: string;
  readonly channel: ChannelView;
  readonly rows: readonly SeatRow[];
  readonly gaAreas: EventLayout['gaAreas'];
  readonly onChanged: () => void;
  readonly onDeleted: (message: string) => void;
}

export function ChannelCard(props: Props) {
  const { api, eventId, channel, rows, gaAreas, onChanged, onDeleted } = props;
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [standing, setStanding] = useState<Record<string, string>>({});
  const action = useAction(channelProblem);
  const id = `ch-${channel.id}`;
  const standingHeld = (channel.ga ?? []).reduce((n, a) => n + a.quantity, 0);
  const kind = KIND_LABELS[channel.kind as keyof typeof KIND_LABELS] ?? channel.kind;

  const allocate = async () => {
    const checked = allocationInput(
      typed,
      rows.filter((r) => picked.has(r.key)),
      standing,
    );
    if ('problem' in checked) return action.fail(checked.problem);
    const ok = await action.run(async () => {
      const c = await allocateToChannel(api, eventId, channel.id, checked.input);
      return `Allocated. ${channel.name} now holds ${c.seats.length} seats${
        c.ga?.length ? ` and ${c.ga.reduce((n, a) => n + a.quantity, 0)} standing places` : ''
      }.`;
    });
    if (ok) {
      setTyped('');
      setPicked(new Set());
      setStanding({});
      onChanged();
    }
  };
  const release = async () => {
    const ok = await action.run(async () => {
      const r = await releaseAllocation(api, eventId, channel.id);
      const ga = r.ga.reduce((n, a) => n + a.quantity, 0);
      return `Gave back ${r.seats.length} seats${ga ? ` and ${ga} standing places` : ''} to the general sale${
        r.kept.seats.length ? `; ${r.kept.seats.length} sold seats stay with the channel` : ''
      }.`;
    });
    if (ok) onChanged();
  };

  return (
    <section className="channel-card" aria-labelledby={`${id}-name`} data-channel={channel.id}>
      <ChannelManage
        api={api}
        eventId={eventId}
        channel={channel}
        headingId={`${id}-name`}
        kindLabel={kind}
        onChanged={onChanged}
        onDeleted={onDeleted}
      />
      <p>
        Holds {channel.seats.length} seat{channel.seats.length === 1 ? '' : 's'}
        {standingHeld ? ` and ${standingHeld} standing places` : ''}
        {channel.partnerOrgId ? `; sold by organisation ${channel.partnerOrgId}` : ''}.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void allocate();
        }}
        aria-busy={action.busy}
      >
        <div className="field">
          <label htmlFor={`${id}-seats`}>Seat ids to allocate</label>
          <textarea
            id={`${id}-seats`}
            rows={2}
            value={typed}
            placeholder="R1-1, R1-2"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        {rows.length > 0 && (
          <fieldset className="row-picker">
            <legend>Or whole rows</legend>
            {rows.map((r) => (
              <label key={r.key}>
                <input
                  type="checkbox"
                  checked={picked.has(r.key)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(r.key);
                    else next.delete(r.key);
                    setPicked(next);
                  }}
                />
                {r.label} ({r.seatIds.length})
              </label>
            ))}
          </fieldset>
        )}
        {gaAreas.map((a) => (
          <div className="field" key={a.id}>
            <label htmlFor={`${id}-ga-${a.id}`}>Standing places in {a.label}</label>
            <input
              id={`${id}-ga-${a.id}`}
              type="number"
              min={1}
              max={a.capacity}
              inputMode="numeric"
              value={standing[a.id] ?? ''}
              onChange={(e) => setStanding({ ...standing, [a.id]: e.target.value })}
            />
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            Allocate to {channel.name}
          </button>
          <button
            type="button"
            disabled={action.busy || (!channel.seats.length && !standingHeld)}
            onClick={() => void release()}
          >
            Release unsold
          </button>
        </div>
      </form>
      {action.busy && (
        <p role="status" className="muted">
          Working…
        </p>
      )}
      <Message message={action.message} />
    </section>
  );
}
