// The counter: what is selected, in words, and only the actions that fit it, each a big button
// saying exactly what will happen. Cancelling a sale and releasing blocked seats ask first;
// blocks and releases can be undone from the message that follows.
import { useEffect, useMemo, useState } from 'react';
import type { EventLayout } from '../api/events-api.ts';
import { formatMoney } from '../shell/format.ts';
import { describeSeats, type SeatModel } from './seat-model.ts';
import { kindOf, priceOf, summarize, type SelectionSummary } from './selection.ts';
import {
  clampQuantity,
  describeGa,
  gaCategories,
  gaLines,
  type ChannelChoice,
  type StandingArea,
} from './standing.ts';
import type { Counter } from './use-counter.ts';

interface Props {
  readonly model: SeatModel;
  readonly layout: EventLayout;
  readonly status: Uint8Array;
  readonly selection: readonly number[];
  readonly onSelect: (seats: number[]) => void;
  readonly counter: Counter;
  /** The layout's standing areas with places left (empty: no "Standing" section). */
  readonly areas?: readonly StandingArea[];
  /** "Sell for" choices; shown when there is more than the general sale. */
  readonly channels?: readonly ChannelChoice[];
}

type GaLines = { areaId: string; quantity: number }[];

const BLOCK_REASONS = ['House seats', 'Broken seat', 'Production hold', 'Wheelchair space'];

const plural = (n: number, word = 'seat') => `${n} ${word}${n === 1 ? '' : 's'}`;

function SellForm({
  model,
  layout,
  seats,
  areas,
  ga,
  counter,
  onDone,
}: {
  model: SeatModel;
  layout: EventLayout;
  seats: readonly number[];
  areas: readonly StandingArea[];
  ga: GaLines;
  counter: Counter;
  onDone: () => void;
}) {
  const priceTypes = useMemo(
    () => [...new Set(layout.prices.map((p) => p.priceType))],
    [layout.prices],
  );
  const [priceType, setPriceType] = useState(priceTypes[0] ?? 'full');
  const [orderRef, setOrderRef] = useState('');
  const gaWords = ga.length ? describeGa(areas, ga) : '';
  const what = [seats.length ? plural(seats.length) : '', gaWords].filter(Boolean).join(' and ');
  const price = priceOf(
    [...seats.map((i) => model.seats[i]?.category ?? null), ...gaCategories(areas, ga)],
    priceType,
    layout.prices,
  );
  return (
    <form
      className="sell-form"
      aria-label="Sell"
      onSubmit={(e) => {
        e.preventDefault();
        void counter.sell(seats, priceType, orderRef, ga, gaWords).then((ok) => ok && onDone());
      }}
    >
      <fieldset>
        <legend>Price</legend>
        <div className="choice-row">
          {priceTypes.map((t) => (
            <label key={t} className={`choice${t === priceType ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="price-type"
                value={t}
                checked={t === priceType}
                onChange={() => setPriceType(t)}
              />
              {t}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="order-ref">Customer name or reference (optional)</label>
        <input
          id="order-ref"
          value={orderRef}
          maxLength={200}
          onChange={(e) => setOrderRef(e.target.value)}
        />
      </div>
      {price.missing.length > 0 && (
        <p className="error-text" role="alert">
          There is no {priceType} price for {price.missing.join(', ')}. Choose another price.
        </p>
      )}
      <button
        type="submit"
        className="primary big wide"
        disabled={counter.busy !== null || price.missing.length > 0}
      >
        Sell {what}
        {price.currency ? ` for ${formatMoney(price.total, price.currency)}` : ''}
      </button>
    </form>
  );
}

/** A big −/+ stepper per standing area, bounded by the places left. */
function Standing({
  areas,
  quantities,
  onChange,
}: {
  areas: readonly StandingArea[];
  quantities: Readonly<Record<string, number>>;
  onChange: (areaId: string, quantity: number) => void;
}) {
  return (
    <fieldset className="standing">
      <legend>Standing</legend>
      {areas.map((a) => {
        const q = quantities[a.id] ?? 0;
        const set = (n: number) => onChange(a.id, clampQuantity(n, a.left));
        return (
          <div key={a.id} className="stepper" role="group" aria-label={`Standing: ${a.label}`}>
            <span className="stepper-label">
              {a.label} <span className="muted">({plural(a.left, 'place')} left)</span>
            </span>
            <button
              type="button"
              className="big"
              aria-label={`One place fewer in ${a.label}`}
              disabled={q <= 0}
              onClick={() => set(q - 1)}
            >
              −
            </button>
            <input
              type="number"
              inputMode="numeric"
              aria-label={`Standing places in ${a.label}`}
              min={0}
              max={a.left}
              value={q}
              onChange={(e) => set(Number(e.target.value))}
            />
            <button
              type="button"
              className="big"
              aria-label={`One place more in ${a.label}`}
              disabled={q >= a.left}
              onClick={() => set(q + 1)}
            >
              +
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}

function Confirm({
  question,
  yes,
  onYes,
  onNo,
}: {
  question: string;
  yes: string;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div className="confirm" role="alertdialog" aria-label="Please confirm">
      <p>{question}</p>
      <button type="button" className="danger big" onClick={onYes} autoFocus>
        {yes}
      </button>
      <button type="button" className="big" onClick={onNo}>
        No, go back
      </button>
    </div>
  );
}

function BlockForm({
  seats,
  counter,
  onDone,
}: {
  seats: readonly number[];
  counter: Counter;
  onDone: () => void;
}) {
  const [reason, setReason] = useState(BLOCK_REASONS[0]!);
  const [other, setOther] = useState('');
  const text = reason === 'other' ? other.trim() : reason;
  return (
    <form
      className="block-form"
      aria-label="Block"
      onSubmit={(e) => {
        e.preventDefault();
        if (text) void counter.block(seats, text).then((ok) => ok && onDone());
      }}
    >
      <label htmlFor="block-reason">Why block them?</label>
      <select id="block-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
        {BLOCK_REASONS.map((r) => (
          <option key={r}>{r}</option>
        ))}
        <option value="other">Other…</option>
      </select>
      {reason === 'other' && (
        <input
          aria-label="Other reason"
          value={other}
          maxLength={500}
          onChange={(e) => setOther(e.target.value)}
        />
      )}
      <button type="submit" className="big" disabled={!text || counter.busy !== null}>
        Block {plural(seats.length)}
      </button>
    </form>
  );
}

function Mixed({
  summary,
  onSelect,
}: {
  summary: SelectionSummary;
  onSelect: (s: number[]) => void;
}) {
  const parts = [
    ['free', 'free'],
    ['held', 'held'],
    ['booked', 'sold'],
    ['blocked', 'blocked'],
  ] as const;
  return (
    <div className="mixed">
      <p>Your selection mixes seats in different states. Keep only:</p>
      {parts
        .filter(([k]) => summary[k].length > 0)
        .map(([k, word]) => (
          <button key={k} type="button" className="big" onClick={() => onSelect(summary[k])}>
            the {plural(summary[k].length)} {word}
          </button>
        ))}
    </div>
  );
}

export function SalesPanel({
  model,
  layout,
  status,
  selection,
  onSelect,
  counter,
  areas = [],
  channels = [],
}: Props) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const ga = gaLines(areas, quantities);
  const [confirming, setConfirming] = useState<'cancel' | 'unblock' | null>(null);
  const [blocking, setBlocking] = useState(false);
  const summary = summarize(selection, status);
  const kind = kindOf(summary);
  const { hold } = counter;
  const held = hold
    ? hold.seats.map((id) => model.byId.get(id)).filter((i) => i !== undefined)
    : [];
  const ownHold = kind === 'held' && held.length > 0 && summary.held.every((i) => held.includes(i));
  useEffect(() => {
    setConfirming(null);
    setBlocking(false);
  }, [selection]);
  const clear = () => {
    onSelect([]);
    setQuantities({});
  };

  let body: React.ReactNode;
  if (kind === 'empty' && ga.length > 0) {
    body = (
      <SellForm
        model={model}
        layout={layout}
        seats={[]}
        areas={areas}
        ga={ga}
        counter={counter}
        onDone={clear}
      />
    );
  } else if (kind === 'empty') {
    body = (
      <p className="hint">
        Click seats on the map, drag a box round them, find them by name above, or ask for the best
        available.
      </p>
    );
  } else if (kind === 'mixed') {
    body = <Mixed summary={summary} onSelect={onSelect} />;
  } else if (kind === 'free' || ownHold) {
    body = (
      <>
        <SellForm
          model={model}
          layout={layout}
          seats={selection}
          areas={areas}
          ga={ga}
          counter={counter}
          onDone={clear}
        />
        <div className="secondary-actions">
          {kind === 'free' && (
            <button
              type="button"
              className="big"
              disabled={counter.busy !== null}
              onClick={() => void counter.holdThese(selection)}
            >
              Hold {plural(selection.length)} while the customer decides
            </button>
          )}
          {ownHold && (
            <button
              type="button"
              className="big"
              disabled={counter.busy !== null}
              onClick={() => void counter.release().then((ok) => ok && clear())}
            >
              Release the hold
            </button>
          )}
          {kind === 'free' &&
            (blocking ? (
              <BlockForm seats={selection} counter={counter} onDone={clear} />
            ) : (
              <button type="button" className="big" onClick={() => setBlocking(true)}>
                Block {plural(selection.length)}…
              </button>
            ))}
        </div>
      </>
    );
  } else if (kind === 'held') {
    body = (
      <p className="hint">
        {plural(selection.length)} {selection.length === 1 ? 'is' : 'are'} held by someone else (a
        visitor’s basket or another counter). Wait for the hold to end, or pick other seats.
      </p>
    );
  } else if (kind === 'booked') {
    body =
      confirming === 'cancel' ? (
        <Confirm
          question={`Cancel the sale of ${plural(selection.length)}? They become free to sell again, and the customer must get their money back.`}
          yes="Yes, cancel and refund"
          onYes={() => void counter.cancel(selection).then((ok) => ok && clear())}
          onNo={() => setConfirming(null)}
        />
      ) : (
        <button type="button" className="danger big wide" onClick={() => setConfirming('cancel')}>
          Cancel and refund {plural(selection.length)}…
        </button>
      );
  } else {
    body =
      confirming === 'unblock' ? (
        <Confirm
          question={`Release ${plural(selection.length)} for sale? Anyone can buy them afterwards.`}
          yes="Yes, release them"
          onYes={() => void counter.unblock(selection).then((ok) => ok && clear())}
          onNo={() => setConfirming(null)}
        />
      ) : (
        <button type="button" className="primary big wide" onClick={() => setConfirming('unblock')}>
          Release {plural(selection.length)} for sale (unblock)…
        </button>
      );
  }

  const stateWord = ownHold ? 'held for you' : kind === 'booked' ? 'sold' : kind;
  return (
    <section className="sales-panel" aria-label="Counter sale" aria-busy={counter.busy !== null}>
      <div className="selection-head">
        <h2>
          {selection.length === 0
            ? 'No seats selected'
            : `${plural(selection.length)} selected${kind === 'mixed' ? '' : `, ${stateWord}`}`}
        </h2>
        {selection.length > 0 && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      {selection.length > 0 && <p className="selected-seats">{describeSeats(model, selection)}</p>}
      {channels.length > 1 && (
        <div className="field">
          <label htmlFor="sell-for">Sell for</label>
          <select
            id="sell-for"
            value={counter.channelId}
            onChange={(e) => counter.setChannelId(e.target.value)}
          >
            {channels.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {areas.length > 0 && (
        <Standing
          areas={areas}
          quantities={quantities}
          onChange={(id, q) => setQuantities((old) => ({ ...old, [id]: q }))}
        />
      )}
      {body}
      {counter.busy && (
        <p role="status" className="muted">
          {counter.busy}
        </p>
      )}
      {counter.notice && (
        <div
          className={`notice-box ${counter.notice.tone}`}
          role={counter.notice.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{counter.notice.text}</span>
          {counter.notice.undo && (
            <button type="button" className="big" onClick={() => void counter.notice?.undo?.run()}>
              {counter.notice.undo.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss message" onClick={counter.dismiss}>
            ×
          </button>
        </div>
      )}
    </section>
  );
}
