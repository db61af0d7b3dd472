// The Series page (/studio/series): the organisation's series (seasons), a new one, and per
// series its events, subscriptions and renewals.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { listEvents } from '../api/events-api.ts';
import { createSeries, listSeries } from '../api/series-api.ts';
import { Message, useAction } from '../channels/use-action.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { SeriesCard } from './SeriesCard.tsx';
import './series.css';

export function SeriesScreen({ api }: { api: ApiClient }) {
  const series = useLoad(() => listSeries(api), [api]);
  const events = useLoad(() => listEvents(api), [api]);
  const [name, setName] = useState('');
  const create = useAction((err) => (err as Error).message);

  const submit = async () => {
    if (!name.trim()) return create.fail('Give the series a name, e.g. “Season 2027”.');
    const ok = await create.run(async () => {
      const s = await createSeries(api, { name: name.trim() });
      return `Created ${s.name}. Add its events below.`;
    });
    if (ok) {
      setName('');
      series.reload();
    }
  };

  let list;
  if ((series.loading && !series.data) || (events.loading && !events.data)) {
    list = <Loading what="Loading series…" />;
  } else if (series.error || events.error) {
    list = (
      <ErrorState
        message={series.error ?? events.error ?? ''}
        onRetry={() => {
          series.reload();
          events.reload();
        }}
      />
    );
  } else if (!series.data?.length) {
    list = <Empty>No series yet. Create one to sell subscriptions over several events.</Empty>;
  } else {
    list = series.data.map((s) => (
      <SeriesCard
        key={s.id}
        api={api}
        series={s}
        allSeries={series.data ?? []}
        events={events.data ?? []}
        onChanged={series.reload}
      />
    ));
  }

  return (
    <div className="page series-page">
      <header className="page-head">
        <h1>Series</h1>
      </header>
      <form
        className="inline-form"
        aria-label="New series"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="series-name">New series</label>
        <input
          id="series-name"
          value={name}
          placeholder="Season 2027"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={create.busy}>
          Create series
        </button>
      </form>
      <Message message={create.message} />
      {list}
    </div>
  );
}
