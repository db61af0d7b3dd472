// Best-available in a banquet hall: 1,000 tables (round of 10 and rectangular of 12, 11,000
// chairs) with 70% of the chairs taken at random, so blocks wrap round tables. Value: p50 ms per
// findBestAvailable call for 4 seats. Extras: 8 seats (no block of 8 is free, so this is the
// one-table fallback of one-table.ts) and findGroupBlock for 14 (more than any table has free).
// Baseline: the closest free chair, one pass over flat arrays, as in best-available.bench.ts.
// Lower is better; ratio = baseline / value.
import {
  buildLayout,
  createTable,
  findBestAvailable,
  findGroupBlock,
  prepareBestAvailable,
  SeatmapDocument,
} from '@parterre/seatmaps';
import { closestFree, timeEach } from './lib/best-available-baseline.ts';
import { prng } from './lib/prng.ts';
import { percentile, report } from './lib/report.ts';

const COLUMNS = 40;
const TABLES = 1000;

function banquetHall(): SeatmapDocument {
  const tables = Array.from({ length: TABLES }, (_, k) => {
    const round = k % 2 === 0;
    return createTable({
      id: `t${k + 1}`,
      label: `Table ${k + 1}`,
      shape: round ? 'round' : 'rect',
      transform: {
        x: 100 + 200 * (k % COLUMNS),
        y: 200 + 200 * Math.floor(k / COLUMNS),
        rotation: 0,
      },
      width: round ? 100 : 160,
      ...(round ? {} : { height: 60 }),
      seatCount: round ? 10 : 12,
    });
  });
  return SeatmapDocument.parse({
    schemaVersion: 2,
    name: 'Banquet hall',
    size: { width: 200 * COLUMNS + 100, height: 200 * (TABLES / COLUMNS) + 300 },
    focalPoint: { x: 100 * COLUMNS, y: 0 },
    categories: [{ key: 'A', label: 'A', color: '#d9480f' }],
    levels: [{ id: 'main', name: 'Main floor' }],
    sections: [
      {
        type: 'section',
        id: 'floor',
        label: 'Floor',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        category: 'A',
        rows: [],
        tables,
        gaAreas: [],
      },
    ],
  });
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const doc = banquetHall();
  const layout = buildLayout(doc);
  const { focalPoint } = doc;
  const t0 = performance.now();
  const prepared = prepareBestAvailable(layout);
  const prepareMs = performance.now() - t0;
  const rand = prng(11);
  const status = Uint8Array.from(layout.seats, () => (rand() < 0.7 ? 2 : 0));
  const xs = Float64Array.from(layout.seats, (s) => s.x);
  const ys = Float64Array.from(layout.seats, (s) => s.y);
  const n = quick ? 200 : 2000;

  const four = timeEach(n, () => findBestAvailable(prepared, status, { quantity: 4, focalPoint }));
  const eight = timeEach(n, () => findBestAvailable(prepared, status, { quantity: 8, focalPoint }));
  const group = timeEach(n, () => findGroupBlock(prepared, status, { quantity: 14, focalPoint }));
  const baseline = timeEach(n, () => closestFree(xs, ys, status, focalPoint));
  const foundEight = findBestAvailable(prepared, status, { quantity: 8, focalPoint });
  const foundGroup = findGroupBlock(prepared, status, { quantity: 14, focalPoint });

  report({
    bench: 'best-available-tables',
    value: percentile(four, 50),
    unit: 'ms',
    baseline: percentile(baseline, 50),
    lowerIsBetter: true,
    extra: {
      seats: layout.seats.length,
      tables: prepared.rowCount,
      requests: n,
      p99_ms: Number(percentile(four, 99).toFixed(3)),
      eight_p50_ms: Number(percentile(eight, 50).toFixed(3)),
      eight_together: foundEight?.together ?? false,
      group14_p50_ms: Number(percentile(group, 50).toFixed(3)),
      group14_tables: foundGroup?.rows ?? 0,
      prepare_ms: Number(prepareMs.toFixed(1)),
    },
  });
}
