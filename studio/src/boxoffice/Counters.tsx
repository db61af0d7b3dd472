// The box office's headline numbers: capacity, sold, held, free, blocked, revenue, a
// sell-through gauge and attendance at the door. Read out politely when they change.
import type { Attendance, BoxOfficeCounters } from '@parterre/seatmaps';
import { formatCount, formatMoneyList, formatPercent } from '../shell/format.ts';
import { STATUS_COLOURS } from './seat-colors.ts';

function Gauge({ ratio }: { ratio: number }) {
  const clamped = Math.min(1, Math.max(0, ratio));
  // A half circle from the left (0 %) to the right (100 %).
  const angle = Math.PI * (1 - clamped);
  const x = 50 + 40 * Math.cos(angle);
  const y = 50 - 40 * Math.sin(angle);
  return (
    <figure className="gauge">
      <svg
        viewBox="0 0 100 58"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)}
        aria-label="Sell-through"
      >
        <path d="M10 50 A40 40 0 0 1 90 50" className="gauge-track" />
        {clamped > 0 && (
          <path d={`M10 50 A40 40 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`} className="gauge-value" />
        )}
        <text x="50" y="48" textAnchor="middle" className="gauge-text">
          {formatPercent(clamped)}
        </text>
      </svg>
      <figcaption>sold</figcaption>
    </figure>
  );
}

function Counter({ label, value, colour }: { label: string; value: string; colour?: string }) {
  return (
    <div className="counter">
      <dt>
        {colour && <span className="swatch" style={{ background: colour }} aria-hidden="true" />}
        {label}
      </dt>
      <dd data-counter={label.toLowerCase()}>{value}</dd>
    </div>
  );
}

export function Counters({
  counters,
  attendance,
}: {
  counters: BoxOfficeCounters;
  attendance: Attendance | null;
}) {
  return (
    <section className="counters" aria-label="Counters" aria-live="polite">
      <Gauge ratio={counters.sellThrough} />
      <dl>
        <Counter label="Capacity" value={formatCount(counters.capacity)} />
        <Counter label="Sold" value={formatCount(counters.sold)} colour={STATUS_COLOURS.booked} />
        <Counter label="Held" value={formatCount(counters.held)} colour={STATUS_COLOURS.held} />
        <Counter label="Free" value={formatCount(counters.free)} colour={STATUS_COLOURS.free} />
        <Counter
          label="Blocked"
          value={formatCount(counters.blocked)}
          colour={STATUS_COLOURS.blocked}
        />
        <Counter label="Revenue" value={formatMoneyList(counters.revenue)} />
        {attendance && (
          <Counter
            label="At the door"
            value={`${formatCount(attendance.scanned)} of ${formatCount(attendance.sold)} scanned`}
          />
        )}
      </dl>
    </section>
  );
}
