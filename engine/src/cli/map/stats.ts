// `parterre map stats <file>`: how many places a plan sells, and where. One pass over the
// sections, no per-seat objects, so an 80,000-seat stadium is counted in milliseconds.
import type { SeatmapDocument } from '@parterre/seatmaps';
import { toJson } from '../io.ts';
import { readDocument } from './load.ts';

export interface MapStats {
  readonly name: string;
  readonly seats: number;
  /** Category key → seats; seats without a category are counted under `null` in `uncategorized`. */
  readonly byCategory: Record<string, number>;
  readonly uncategorized: number;
  readonly bySection: { id: string; label: string; seats: number }[];
  readonly byLevel: { id: string; name: string; seats: number }[];
  readonly ga: { areas: number; capacity: number };
  readonly tables: { count: number; seats: number };
}

/** Counts seats the way the layout resolves categories: seat, then row/table, then section. */
export function mapStats(doc: SeatmapDocument): MapStats {
  const byCategory: Record<string, number> = Object.fromEntries(
    doc.categories.map((c) => [c.key, 0]),
  );
  const byLevel = new Map(
    doc.levels.map((l) => [l.id as string, { id: l.id as string, name: l.name, seats: 0 }]),
  );
  let uncategorized = 0;
  const stats = { seats: 0, gaAreas: 0, gaCapacity: 0, tables: 0, tableSeats: 0 };
  const bySection = doc.sections.map((section) => {
    let seats = 0;
    for (const group of [...section.rows, ...section.tables]) {
      for (const seat of group.seats) {
        const key = seat.category ?? group.category ?? section.category;
        if (key === undefined) uncategorized++;
        else byCategory[key] = (byCategory[key] ?? 0) + 1;
      }
      seats += group.seats.length;
    }
    stats.tables += section.tables.length;
    stats.tableSeats += section.tables.reduce((n, t) => n + t.seats.length, 0);
    stats.gaAreas += section.gaAreas.length;
    stats.gaCapacity += section.gaAreas.reduce((n, a) => n + a.capacity, 0);
    stats.seats += seats;
    const level = byLevel.get(section.level) ?? {
      id: section.level as string,
      name: section.level as string,
      seats: 0,
    };
    level.seats += seats;
    byLevel.set(section.level, level);
    return { id: section.id as string, label: section.label, seats };
  });
  return {
    name: doc.name,
    seats: stats.seats,
    byCategory,
    uncategorized,
    bySection,
    byLevel: [...byLevel.values()],
    ga: { areas: stats.gaAreas, capacity: stats.gaCapacity },
    tables: { count: stats.tables, seats: stats.tableSeats },
  };
}

const n = (value: number) => value.toLocaleString('en-US');

function formatStats(s: MapStats, labels: ReadonlyMap<string, string>): string {
  const table = (rows: [string, number][]) => {
    const width = Math.max(0, ...rows.map(([name]) => name.length));
    return rows.map(([name, count]) => `  ${name.padEnd(width)}  ${n(count).padStart(8)}`);
  };
  const categories: [string, number][] = Object.entries(s.byCategory).map(([key, count]) => {
    const label = labels.get(key);
    return [label && label !== key ? `${key} (${label})` : key, count];
  });
  if (s.uncategorized > 0) categories.push(['(no category)', s.uncategorized]);
  return [
    `${s.name}`,
    `seats        ${n(s.seats)}`,
    `GA capacity  ${n(s.ga.capacity)} in ${n(s.ga.areas)} standing area${s.ga.areas === 1 ? '' : 's'}`,
    `tables       ${n(s.tables.count)} with ${n(s.tables.seats)} seats`,
    'by category',
    ...table(categories),
    'by section',
    ...table(
      s.bySection.map((x) => [x.label === x.id ? x.label : `${x.label} [${x.id}]`, x.seats]),
    ),
    'by level',
    ...table(s.byLevel.map((x) => [x.name, x.seats])),
  ].join('\n');
}

export async function statsCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const doc = await readDocument(file);
  const stats = mapStats(doc);
  const labels = new Map(doc.categories.map((c) => [c.key as string, c.label]));
  process.stdout.write(opts.json ? toJson(stats) : `${formatStats(stats, labels)}\n`);
}
