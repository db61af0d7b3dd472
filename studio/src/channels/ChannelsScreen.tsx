// The Channels page of an event (/studio/events/<id>/channels), for its owner: create a channel
// (online, box office, or a partner organisation by id), rename or delete it, allocate seats and
// standing places to it, give unsold ones back, and see allocated vs sold per channel.
import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import {
  createChannel,
  getSellThrough,
  listChannels,
  type ChannelKind,
} from '../api/channels-api.ts';
import { getLayout } from '../api/events-api.ts';
import { formatDateTime } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ChannelCard } from './ChannelCard.tsx';
import { channelInput, channelProblem, KIND_LABELS, seatRows } from './channel-form.ts';
import { SellThroughTable } from './SellThroughTable.tsx';
import { Message, useAction, type ActionMessage } from './use-action.tsx';
import '../series/series.css';

function NewChannel({
  onCreate,
}: {
  onCreate: (kind: ChannelKind, name: string, partner: string) => Promise<boolean>;
}) {
  const [kind, setKind] = useState<ChannelKind>('online');
  const [name, setName] = useState('');
  const [partner, setPartner] = useState('');
  return (
    <form
      className="form-grid"
      aria-label="New channel"
      onSubmit={(e) => {
        e.preventDefault();
        void onCreate(kind, name, partner).then((ok) => {
          if (ok) {
            setName('');
            setPartner('');
          }
        });
      }}
    >
      <div className="field">
        <label htmlFor="channel-kind">Kind</label>
        <select
          id="channel-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ChannelKind)}
        >
          {(['online', 'boxoffice', 'partner'] as const).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="channel-name">Channel name</label>
        <input id="channel-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {kind === 'partner' && (
        <div className="field">
          <label htmlFor="channel-partner">Partner organisation id</label>
          <input
            id="channel-partner"
            value={partner}
            placeholder="org_…"
            onChange={(e) => setPartner(e.target.value)}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          Create channel
        </button>
      </div>
    </form>
  );
}

export function ChannelsScreen({ api, eventId }: { api: ApiClient; eventId: string }) {
  const layout = useLoad(() => getLayout(api, eventId), [api, eventId]);
  const channels = useLoad(() => listChannels(api, eventId), [api, eventId]);
  const sales = useLoad(() => getSellThrough(api, eventId), [api, eventId]);
  const rows = useMemo(() => seatRows(layout.data?.seats ?? []), [layout.data]);
  const create = useAction(channelProblem);
  // A deleted channel's card is gone: its message is shown above the list.
  const [deleted, setDeleted] = useState<ActionMessage | null>(null);
  const refresh = () => {
    channels.reload();
    sales.reload();
  };

  if (layout.loading && !layout.data) return <Loading what="Opening the event…" />;
  if (layout.error || !layout.data) {
    return (
      <div className="page">
        <ErrorState message={layout.error ?? 'Nothing loaded'} onRetry={layout.reload} />
      </div>
    );
  }
  const event = layout.data.event;
  const onCreate = async (kind: ChannelKind, name: string, partnerOrgId: string) => {
    const checked = channelInput({ kind, name, partnerOrgId });
    if ('problem' in checked) {
      create.fail(checked.problem);
      return false;
    }
    const ok = await create.run(async () => {
      const c = await createChannel(api, eventId, checked.input);
      return `Created ${c.name}. Allocate seats to it below.`;
    });
    if (ok) refresh();
    return ok;
  };

  return (
    <div className="page channels-page">
      <header className="page-head">
        <h1>Channels of {event.name}</h1>
        <span className="muted">{formatDateTime(event.startsAt)}</span>
        <span className="spacer" />
        <Link to={{ page: 'boxoffice', eventId }} className="button">
          Box office
        </Link>
      </header>
      <section aria-labelledby="new-channel-head">
        <h2 id="new-channel-head">New channel</h2>
        <NewChannel onCreate={onCreate} />
        <Message message={create.message} />
      </section>
      <section aria-labelledby="channel-list-head">
        <h2 id="channel-list-head">Channels</h2>
        <Message message={deleted} />
        {channels.loading && !channels.data ? (
          <Loading what="Loading channels…" />
        ) : channels.error ? (
          <ErrorState message={channels.error} onRetry={channels.reload} />
        ) : !channels.data?.length ? (
          <Empty>No channels yet: everything is on the general sale. Create one above.</Empty>
        ) : (
          channels.data.map((c) => (
            <ChannelCard
              key={c.id}
              api={api}
              eventId={eventId}
              channel={c}
              rows={rows}
              gaAreas={layout.data!.gaAreas}
              onChanged={refresh}
              onDeleted={(text) => {
                setDeleted({ tone: 'ok', text });
                refresh();
              }}
            />
          ))
        )}
      </section>
      <section aria-labelledby="sell-through-head">
        <h2 id="sell-through-head">Sell-through per channel</h2>
        {sales.loading && !sales.data ? (
          <Loading what="Counting…" />
        ) : sales.error ? (
          <ErrorState message={sales.error} onRetry={sales.reload} />
        ) : (
          <SellThroughTable rows={sales.data ?? []} />
        )}
      </section>
    </div>
  );
}
