// The rush's sales plot: one self-contained HTML file (inline SVG, no scripts, no CDN) with, per
// target, seats sold over time and successful holds / conflicts per second.
import type { RushOutcome } from './rush-visitors.ts';

export interface PlotSeries {
  label: string;
  seats: number;
  outcome: RushOutcome;
  /** Figures printed under the chart. */
  summary: string;
}

const W = 900;
const H = 300;
const PAD = 50;
const COLORS = ['#d9480f', '#1971c2', '#2f9e44', '#7048e8'];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function perSecond(times: number[], seconds: number): number[] {
  const bins = new Array<number>(Math.max(1, Math.ceil(seconds))).fill(0);
  for (const t of times) bins[Math.min(bins.length - 1, Math.floor(t / 1000))]! += 1;
  return bins;
}

function axes(xMax: number, yMax: number, yLabel: string): string {
  const ticks = Array.from({ length: 6 }, (_, k) => {
    const x = PAD + ((W - 2 * PAD) * k) / 5;
    const y = H - PAD - ((H - 2 * PAD) * k) / 5;
    return (
      `<text x="${x}" y="${H - PAD + 16}" text-anchor="middle">${((xMax * k) / 5).toFixed(1)}</text>` +
      `<text x="${PAD - 6}" y="${y + 4}" text-anchor="end">${Math.round((yMax * k) / 5)}</text>` +
      `<line x1="${PAD}" x2="${W - PAD}" y1="${y}" y2="${y}" stroke="#eee"/>`
    );
  }).join('');
  return (
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#333"/>` +
    `<line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#333"/>${ticks}` +
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">seconds since on-sale</text>` +
    `<text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">${yLabel}</text>`
  );
}

function polyline(points: [number, number][], xMax: number, yMax: number, color: string): string {
  const sx = (x: number) => PAD + ((W - 2 * PAD) * x) / xMax;
  const sy = (y: number) => H - PAD - ((H - 2 * PAD) * y) / yMax;
  const d = points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
  return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${d}"/>`;
}

function chart(
  title: string,
  yLabel: string,
  lines: { label: string; points: [number, number][] }[],
) {
  const xMax = Math.max(1, ...lines.flatMap((l) => l.points.map((p) => p[0])));
  const yMax = Math.max(1, ...lines.flatMap((l) => l.points.map((p) => p[1])));
  const legend = lines
    .map(
      (l, k) =>
        `<text x="${W - PAD - 260}" y="${PAD + 16 * k}" fill="${COLORS[k % COLORS.length]}">■ ${esc(l.label)}</text>`,
    )
    .join('');
  const body = lines
    .map((l, k) => polyline(l.points, xMax, yMax, COLORS[k % COLORS.length]!))
    .join('');
  return `<h2>${esc(title)}</h2><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">${axes(xMax, yMax, yLabel)}${body}${legend}</svg>`;
}

/** The whole HTML page for the rush's targets. */
export function rushHtml(series: PlotSeries[], heading: string): string {
  const sales = series.map((s) => ({
    label: `${s.label}: seats sold (of ${s.seats})`,
    points: s.outcome.sales.map(([t, n]) => [t / 1000, n] as [number, number]),
  }));
  const rates = series.flatMap((s) => {
    const holds = perSecond(s.outcome.holdTimes, s.outcome.seconds);
    const conflicts = perSecond(s.outcome.conflictTimes, s.outcome.seconds);
    return [
      {
        label: `${s.label}: holds/s`,
        points: holds.map((v, k) => [k + 0.5, v] as [number, number]),
      },
      {
        label: `${s.label}: conflicts/s`,
        points: conflicts.map((v, k) => [k + 0.5, v] as [number, number]),
      },
    ];
  });
  const notes = series.map((s) => `<li><b>${esc(s.label)}</b>: ${esc(s.summary)}</li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Parterre on-sale rush</title>
<style>body{font-family:sans-serif;margin:2em;max-width:960px}li{margin:.3em 0}</style></head>
<body><h1>On-sale rush</h1><p>${esc(heading)}</p><ul>${notes}</ul>
${chart('Seats sold over time', 'seats sold', sales)}
${chart('Holds and conflicts per second', 'per second', rates)}
</body></html>
`;
}
