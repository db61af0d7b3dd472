// Tickets sold per minute over the last hour as SVG bars (newest on the right).
import type { SalesVelocity } from '@parterre/seatmaps';
import { describeVelocity, niceMax } from './velocity.ts';

const W = 360;
const H = 120;
const PAD = { left: 28, right: 6, top: 8, bottom: 20 };

export function VelocityChart({ velocity }: { velocity: SalesVelocity }) {
  const data = velocity.perMinute;
  const max = niceMax(Math.max(0, ...data));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const bw = innerW / Math.max(1, data.length);
  const time = (i: number) =>
    new Date(velocity.from + i * 60_000).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <figure className="velocity">
      <figcaption>Tickets per minute, last hour</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={describeVelocity(data)}>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="axis"
        />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="tick">
          0
        </text>
        {data.map((v, i) => {
          const h = (v / max) * innerH;
          return (
            <rect
              key={i}
              data-minute={i}
              data-count={v}
              x={PAD.left + i * bw + 0.5}
              y={H - PAD.bottom - h}
              width={Math.max(1, bw - 1)}
              height={h}
              className="vbar"
            >
              <title>
                {time(i)}: {v}
              </title>
            </rect>
          );
        })}
        {data.length > 0 && (
          <>
            <text x={PAD.left} y={H - 4} className="tick">
              {time(0)}
            </text>
            <text x={W - PAD.right} y={H - 4} textAnchor="end" className="tick">
              now
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}
