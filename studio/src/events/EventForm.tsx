// Event setup: a published seat-map version, name, date and time, the public on-sale window,
// hold duration, and prices per category × price type in one currency. `from` copies an
// existing event (same plan version, prices and settings) for a new date, or with `edit`
// changes that event in place (PATCH; its plan version stays).
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { createEvent, getEvent, patchEvent, type CreateEventInput } from '../api/events-api.ts';
import { listSeatmaps, versionCategories } from '../api/seatmaps-api.ts';
import { navigate } from '../shell/navigation.tsx';
import { ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { isoToLocal, localToIso } from './datetime.ts';
import { PriceGrid } from './PriceGrid.tsx';
import { gridFromPrices, parsePriceTypes, pricesFromGrid } from './price-grid.ts';

interface Props {
  readonly api: ApiClient;
  /** An event to copy (or edit), or null for a new one. */
  readonly from: string | null;
  /** Change `from` itself instead of creating a copy. */
  readonly edit: boolean;
}

type Mode = 'new' | 'copy' | 'edit';

const TITLES: Record<Mode, string> = {
  new: 'New event',
  copy: 'Duplicate event',
  edit: 'Edit event',
};

interface FormState {
  name: string;
  seatmapId: string;
  version: number | null;
  startsAt: string;
  opensAt: string;
  closesAt: string;
  holdMinutes: string;
  salesOpen: boolean;
  currency: string;
  priceTypes: string;
  cells: Record<string, string>;
}

const EMPTY: FormState = {
  name: '',
  seatmapId: '',
  version: null,
  startsAt: '',
  opensAt: '',
  closesAt: '',
  holdMinutes: '15',
  salesOpen: true,
  currency: 'EUR',
  priceTypes: 'full, reduced',
  cells: {},
};

async function initialState(
  api: ApiClient,
  from: string | null,
  edit: boolean,
): Promise<FormState> {
  if (!from) return EMPTY;
  const ev = await getEvent(api, from);
  const grid = gridFromPrices(ev.prices);
  return {
    name: edit ? ev.name : `${ev.name} (copy)`,
    seatmapId: ev.seatmapId,
    version: ev.seatmapVersion,
    startsAt: isoToLocal(ev.startsAt),
    opensAt: isoToLocal(ev.salesOpensAt),
    closesAt: isoToLocal(ev.salesClosesAt),
    holdMinutes: String(Math.round(ev.holdTtlSeconds / 60)),
    salesOpen: ev.salesOpen,
    currency: grid.currency ?? 'EUR',
    priceTypes: grid.priceTypes.join(', ') || 'full',
    cells: grid.cells,
  };
}

function useFormData(api: ApiClient, from: string | null, edit: boolean) {
  return useLoad(
    async () => ({
      maps: (await listSeatmaps(api)).filter((m) => m.latestVersion !== null),
      initial: await initialState(api, from, edit),
    }),
    [api, from, edit],
  );
}

export function EventForm({ api, from, edit }: Props) {
  const data = useFormData(api, from, edit);
  if (data.loading && !data.data) return <Loading what="Loading seat maps…" />;
  if (data.error || !data.data) {
    return <ErrorState message={data.error ?? 'Nothing loaded'} onRetry={data.reload} />;
  }
  const mode: Mode = from === null ? 'new' : edit ? 'edit' : 'copy';
  return (
    <Form api={api} maps={data.data.maps} initial={data.data.initial} mode={mode} eventId={from} />
  );
}

type Maps = Awaited<ReturnType<typeof listSeatmaps>>;

function Form({
  api,
  maps,
  initial,
  mode,
  eventId,
}: {
  api: ApiClient;
  maps: Maps;
  initial: FormState;
  mode: Mode;
  eventId: string | null;
}) {
  const [f, setF] = useState<FormState>(() => {
    const first = maps[0];
    return initial.seatmapId || !first
      ? initial
      : { ...initial, seatmapId: first.id, version: first.latestVersion };
  });
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const map = maps.find((m) => m.id === f.seatmapId);
  const categories = useLoad(
    () =>
      f.seatmapId && f.version
        ? versionCategories(api, f.seatmapId, f.version)
        : Promise.resolve([]),
    [api, f.seatmapId, f.version],
  );
  const priceTypes = useMemo(() => parsePriceTypes(f.priceTypes), [f.priceTypes]);
  const grid = pricesFromGrid(
    (categories.data ?? []).map((c) => c.key),
    priceTypes,
    f.cells,
    f.currency.trim().toUpperCase(),
  );
  const problems: Record<string, string> = { ...grid.problems };
  if (!f.name.trim()) problems.name = 'Give the event a name.';
  if (!map || !f.version) problems.seatmap = 'Choose a published seat map.';
  const startsAt = localToIso(f.startsAt);
  if (!startsAt) problems.startsAt = 'Choose the date and time of the performance.';
  const opensAt = localToIso(f.opensAt);
  const closesAt = localToIso(f.closesAt);
  if (opensAt && closesAt && opensAt >= closesAt) {
    problems.closesAt = 'Sales must close after they open.';
  }
  const holdMinutes = Number(f.holdMinutes);
  if (!Number.isInteger(holdMinutes) || holdMinutes < 1 || holdMinutes > 120) {
    problems.holdMinutes = 'Between 1 and 120 minutes.';
  }
  const shown = (key: string) => (submitted ? problems[key] : undefined);

  useEffect(() => setError(null), [f]);

  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0 || !startsAt || !f.version) return;
    const input: CreateEventInput = {
      name: f.name.trim(),
      seatmapId: f.seatmapId,
      seatmapVersion: f.version,
      startsAt,
      prices: grid.prices,
      holdTtlSeconds: holdMinutes * 60,
      salesOpen: f.salesOpen,
      ...(opensAt ? { salesOpensAt: opensAt } : {}),
      ...(closesAt ? { salesClosesAt: closesAt } : {}),
    };
    setBusy(true);
    try {
      if (mode === 'edit' && eventId) {
        await patchEvent(api, eventId, {
          name: input.name,
          startsAt,
          holdTtlSeconds: input.holdTtlSeconds,
          salesOpensAt: opensAt,
          salesClosesAt: closesAt,
          prices: grid.prices,
        });
      } else {
        await createEvent(api, input);
      }
      navigate({ page: 'events' });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (maps.length === 0) {
    return (
      <div className="page">
        <h1>New event</h1>
        <p className="page-state empty">
          An event needs a published seat map. Open one in the Designer and press Publish first.
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <h1>{TITLES[mode]}</h1>
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field id="ev-name" label="Name" problem={shown('name')}>
          <input
            id="ev-name"
            value={f.name}
            maxLength={200}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field id="ev-map" label="Seat map" problem={shown('seatmap')}>
          <select
            id="ev-map"
            disabled={mode === 'edit'}
            value={f.seatmapId}
            onChange={(e) => {
              const m = maps.find((x) => x.id === e.target.value);
              setF((s) => ({ ...s, seatmapId: e.target.value, version: m?.latestVersion ?? null }));
            }}
          >
            {maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ev-version" label="Published version">
          <select
            id="ev-version"
            disabled={mode === 'edit'}
            value={f.version ?? ''}
            onChange={(e) => set('version', Number(e.target.value))}
          >
            {[...(map?.versions ?? [])].reverse().map((v) => (
              <option key={v} value={v}>
                v{v}
                {v === map?.latestVersion ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ev-starts" label="Date and time" problem={shown('startsAt')}>
          <input
            id="ev-starts"
            type="datetime-local"
            value={f.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
          />
        </Field>
        <Field id="ev-opens" label="Public sales open (empty: at once)">
          <input
            id="ev-opens"
            type="datetime-local"
            value={f.opensAt}
            onChange={(e) => set('opensAt', e.target.value)}
          />
        </Field>
        <Field id="ev-closes" label="Public sales close (empty: never)" problem={shown('closesAt')}>
          <input
            id="ev-closes"
            type="datetime-local"
            value={f.closesAt}
            onChange={(e) => set('closesAt', e.target.value)}
          />
        </Field>
        <Field id="ev-hold" label="Hold seats for (minutes)" problem={shown('holdMinutes')}>
          <input
            id="ev-hold"
            type="number"
            min={1}
            max={120}
            value={f.holdMinutes}
            onChange={(e) => set('holdMinutes', e.target.value)}
          />
        </Field>
        {mode !== 'edit' && (
          <div className="field checkbox">
            <input
              id="ev-open"
              type="checkbox"
              checked={f.salesOpen}
              onChange={(e) => set('salesOpen', e.target.checked)}
            />
            <label htmlFor="ev-open">Sales switched on</label>
          </div>
        )}
        <fieldset className="prices">
          <legend>Prices</legend>
          <div className="price-settings">
            <Field id="ev-currency" label="Currency" problem={shown('currency')}>
              <input
                id="ev-currency"
                value={f.currency}
                maxLength={3}
                size={4}
                onChange={(e) => set('currency', e.target.value.toUpperCase())}
              />
            </Field>
            <Field
              id="ev-types"
              label="Price types (comma separated)"
              problem={shown('priceTypes')}
            >
              <input
                id="ev-types"
                value={f.priceTypes}
                onChange={(e) => set('priceTypes', e.target.value)}
              />
            </Field>
          </div>
          {categories.loading && <Loading what="Reading the plan’s categories…" />}
          {categories.error && (
            <ErrorState message={categories.error} onRetry={categories.reload} />
          )}
          {categories.data && (
            <PriceGrid
              categories={categories.data}
              priceTypes={priceTypes}
              cells={f.cells}
              currency={f.currency}
              problems={submitted ? grid.problems : {}}
              onChange={(key, value) =>
                setF((s) => ({ ...s, cells: { ...s.cells, [key]: value } }))
              }
            />
          )}
        </fieldset>
        {error && (
          <p role="alert" className="error-text">
            The engine refused the event: {error}
          </p>
        )}
        {submitted && Object.keys(problems).length > 0 && (
          <p role="alert" className="error-text">
            Please fix the fields marked in red.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? 'Saving…' : mode === 'edit' ? 'Save changes' : 'Create event'}
          </button>
          <button type="button" className="big" onClick={() => navigate({ page: 'events' })}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

function Field({
  id,
  label,
  problem,
  children,
}: {
  id: string;
  label: string;
  problem?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem && (
        <span className="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      )}
    </div>
  );
}
