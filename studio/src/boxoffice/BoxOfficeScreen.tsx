// The live box office of one event: the seat map coloured by status, category or first sale;
// counters, sell-through, sales velocity, attendance and a feed of changes (all live over the
// /boxoffice socket); and the counter sale panel. Updates arrive without reload.
import type { BoxOfficeCounters } from '@parterre/seatmaps';
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { listChannels } from '../api/channels-api.ts';
import { getAvailability, getLayout } from '../api/events-api.ts';
import { TicketLinks } from '../series/TicketLinks.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { Counters } from './Counters.tsx';
import { DoorLink } from './DoorLink.tsx';
import { Feed } from './Feed.tsx';
import { FindSeats } from './FindSeats.tsx';
import { GroupBooking } from './GroupBooking.tsx';
import { HoldTimer } from './HoldTimer.tsx';
import { Legend } from './Legend.tsx';
import { SalesPanel } from './SalesPanel.tsx';
import type { ColourMode } from './seat-colors.ts';
import { SeatMapCanvas } from './SeatMapCanvas.tsx';
import { buildSeatModel, type SeatModel } from './seat-model.ts';
import { searchSeats } from './seat-search.ts';
import { toggleSeats } from './selection.ts';
import { channelChoices, standingAreas } from './standing.ts';
import { useCounter } from './use-counter.ts';
import { useLiveEvent } from './use-live-event.ts';
import { VelocityChart } from './VelocityChart.tsx';

type Layout = Awaited<ReturnType<typeof getLayout>>;

/** Until the statistics arrive (one object, so the map is not recoloured on every render). */
const NOTHING_SOLD: ReadonlyMap<number, number> = new Map();

/** Counters from the seat states alone, while the statistics socket is unavailable. */
function countersFromSeats(layout: Layout, status: Uint8Array): BoxOfficeCounters {
  const c = { free: 0, held: 0, booked: 0, blocked: 0 };
  for (const s of status) {
    if (s === 1) c.held++;
    else if (s === 2) c.booked++;
    else if (s === 3) c.blocked++;
    else c.free++;
  }
  const ga = layout.gaAreas.reduce((n, a) => n + a.capacity, 0);
  const capacity = status.length + ga;
  return {
    capacity,
    sold: c.booked,
    held: c.held,
    free: c.free + ga,
    blocked: c.blocked,
    revenue: [],
    sellThrough: capacity ? c.booked / capacity : 0,
  };
}

function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export function BoxOfficeScreen({ api, eventId }: { api: ApiClient; eventId: string }) {
  const layout = useLoad(() => getLayout(api, eventId), [api, eventId]);
  if (layout.loading && !layout.data) return <Loading what="Opening the box office…" />;
  if (layout.error || !layout.data) {
    return (
      <div className="page">
        <ErrorState message={layout.error ?? 'Nothing loaded'} onRetry={layout.reload} />
        <Link to={{ page: 'boxoffice', eventId: null }}>Choose another event</Link>
      </div>
    );
  }
  return <BoxOffice api={api} eventId={eventId} layout={layout.data} />;
}

function BoxOffice({ api, eventId, layout }: { api: ApiClient; eventId: string; layout: Layout }) {
  const model: SeatModel = useMemo(() => buildSeatModel(layout), [layout]);
  const live = useLiveEvent(api, eventId);
  // Channels are the owner's to see; without them the map offers no channel colouring.
  const channels = useLoad(() => listChannels(api, eventId).catch(() => []), [api, eventId]);
  const counter = useCounter(api, eventId, model, {
    area: (id) => layout.gaAreas.find((a) => a.id === id)?.label ?? id,
    channel: (id) => channels.data?.find((c) => c.id === id)?.name ?? id,
  });
  const [selection, setSelection] = useState<number[]>([]);
  const [mode, setMode] = useState<ColourMode>('status');
  const [level, setLevel] = useState(0);
  const now = useNow(5000);
  const status = live.seats?.mirror.status ?? new Uint8Array(0);
  const ready = live.seats?.mirror.ready ?? false;
  const categoryColours = useMemo(
    () => new Map(layout.categories.map((c) => [c.key, c.color])),
    [layout.categories],
  );
  const soldRank = live.stats?.soldRank ?? NOTHING_SOLD;
  // Standing places left: read again after every counter command and every few seconds.
  const hasStanding = layout.gaAreas.length > 0;
  const availability = useLoad(
    () => (hasStanding ? getAvailability(api, eventId) : Promise.resolve(null)),
    [api, eventId, hasStanding, counter.notice?.id, hasStanding ? Math.floor(now / 10_000) : 0],
  );
  const areas = useMemo(
    () => standingAreas(layout.gaAreas, availability.data?.ga),
    [layout.gaAreas, availability.data],
  );
  const sellFor = useMemo(() => channelChoices(channels.data), [channels.data]);
  const channelOf = useMemo(() => {
    const out = new Int16Array(model.seats.length).fill(-1);
    (channels.data ?? []).forEach((c, i) => {
      for (const id of c.seats) {
        const seat = model.byId.get(id);
        if (seat !== undefined) out[seat] = i;
      }
    });
    return out;
  }, [channels.data, model]);
  const modes: [ColourMode, string][] = [
    ['status', 'Status'],
    ['category', 'Category'],
    ...(channels.data?.length ? [['channel', 'Channel'] as [ColourMode, string]] : []),
    ['heatmap', 'What sold first'],
  ];
  const counters = live.stats?.counters ?? (ready ? countersFromSeats(layout, status) : null);

  const pickLevelOf = (seats: number[]) => {
    const first = seats[0];
    if (first !== undefined && model.level[first] !== level) setLevel(model.level[first]!);
  };
  const search = (query: string) => {
    const found = searchSeats(model.seats, query);
    if (found.length) {
      setSelection(found);
      pickLevelOf(found);
    }
    return found.length;
  };
  const best = async (quantity: number, category?: string) => {
    const seats = await counter.holdBest(quantity, category);
    if (seats) {
      setSelection([...seats].sort((a, b) => a - b));
      pickLevelOf(seats);
    }
  };

  return (
    <div className="boxoffice">
      <header className="boxoffice-head">
        <h1>{layout.event.name}</h1>
        <span className="muted">{formatDateTime(layout.event.startsAt)}</span>
        <span
          className={`pill ${live.connection === 'live' ? 'ok' : 'off'}`}
          role="status"
          data-connection={live.connection}
        >
          {live.connection === 'live'
            ? 'Live'
            : live.connection === 'offline'
              ? 'Offline'
              : 'Connecting…'}
        </span>
        {live.problem && <span className="error-text">{live.problem}</span>}
        <span className="spacer" />
        <Link to={{ page: 'event-channels', eventId }} className="button">
          Channels
        </Link>
        {/* The door scanner is the engine's own page, outside the studio. */}
        <a href={`/door/${encodeURIComponent(eventId)}`} className="button">
          Door scan
        </a>
        <DoorLink api={api} eventId={eventId} />
        <Link to={{ page: 'reports', eventId }} className="button">
          Report
        </Link>
      </header>
      <div className="boxoffice-grid">
        <div
          className="boxoffice-map"
          // The live seat counts, for scripts and tests reading what the map shows.
          data-free={live.seats?.mirror.counts.free}
          data-held={live.seats?.mirror.counts.held}
          data-booked={live.seats?.mirror.counts.booked}
          data-blocked={live.seats?.mirror.counts.blocked}
        >
          <div className="map-options">
            <fieldset className="segmented">
              <legend className="sr-only">Colour seats by</legend>
              {modes.map(([m, label]) => (
                <label key={m} className={mode === m ? 'chosen' : undefined}>
                  <input
                    type="radio"
                    name="colour-mode"
                    checked={mode === m}
                    onChange={() => setMode(m)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {model.levels.length > 1 && (
              <div className="level-tabs" role="tablist" aria-label="Levels">
                {model.levels.map((l, i) => (
                  <button
                    key={l.id}
                    role="tab"
                    type="button"
                    aria-selected={i === level}
                    onClick={() => setLevel(i)}
                  >
                    {l.name}
                  </button>
                ))}
              </div>
            )}
          </div>
          {ready ? (
            <SeatMapCanvas
              model={model}
              level={level}
              status={status}
              version={live.version}
              soldRank={soldRank}
              channelOf={channelOf}
              colours={{ mode, categoryColours }}
              selection={selection}
              onPick={(seats) => setSelection((s) => toggleSeats(s, seats))}
              onClear={() => setSelection([])}
              label={`Seat map of ${layout.event.name}: ${model.seats.length} seats. Use Find seats to select by name.`}
            />
          ) : (
            <Loading what="Loading live seat states…" />
          )}
          <Legend mode={mode} categories={layout.categories} channels={channels.data ?? []} />
        </div>
        <aside className="boxoffice-side">
          <FindSeats
            categories={layout.categories}
            busy={counter.busy !== null}
            onSearch={search}
            onBest={best}
          />
          {counter.hold && (
            <HoldTimer hold={counter.hold} onExpired={() => counter.setHold(null)} />
          )}
          <SalesPanel
            model={model}
            layout={layout}
            status={status}
            selection={selection}
            onSelect={setSelection}
            counter={counter}
            areas={areas}
            channels={sellFor}
          />
          {counter.notice?.bookingId && (
            <TicketLinks
              key={counter.notice.bookingId}
              api={api}
              bookingId={counter.notice.bookingId}
            />
          )}
          <GroupBooking
            api={api}
            eventId={eventId}
            layout={layout}
            onBooked={(ids) => {
              const found = ids.map((id) => model.byId.get(id)).filter((i) => i !== undefined);
              setSelection(found);
              pickLevelOf(found);
            }}
          />
        </aside>
        <div className="boxoffice-stats">
          {counters ? (
            <Counters counters={counters} attendance={live.stats?.attendance ?? null} />
          ) : (
            <Loading what="Counting…" />
          )}
          {live.statsProblem && <p className="error-text">{live.statsProblem}</p>}
          {live.stats && <VelocityChart velocity={live.stats.velocity} />}
          {live.stats && <Feed items={live.stats.feed} model={model} now={now} />}
        </div>
      </div>
    </div>
  );
}
