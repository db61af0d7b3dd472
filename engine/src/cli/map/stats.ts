// `parterre map stats <file>`: how many places a plan sells, and where. Sections stored as
// compact block parameters are counted from those parameters (their generated seats carry no
// category of their own, so they all take the section's), without materialising 80,000 seats:
// the stadium is counted in milliseconds. stats.test.ts checks this against full expansion.
import { MigrationError, blockRowSeatCounts, migrate } from '@parterre/seatmaps';
import type { SeatmapDocument, Section } from '@parterre/seatmaps';
import { invalidDocument } from '../errors.ts';
import { readJsonFile, toJson } from '../io.ts';
import { documentOrThrow } from './load.ts';

export interface MapStats {
  readonly name: string;
  readonly seats: number;
  /** Category key → seats (every declared category, 0 if unused). */
  readonly byCategory: Record<string, number>;
  /** Seats that resolve to no category. */
  readonly uncategorized: number;
  readonly bySection: { id: string; label: string; seats: number }[];
  readonly byLevel: { id: string; name: string; seats: number }[];
  readonly ga: { areas: number; capacity: number };
  readonly tables: { count: number; seats: number };
}

/** Seats of a section by category key ('' for none), counting a compact block from its parameters. */
function sectionSeats(
  section: Section,
  s: number,
  count: (key: string | undefined, n: number) => void,
): number {
  if (section.block && section.rows.length === 0) {
    let counts: number[];
    try {
      counts = blockRowSeatCounts(section.block);
    } catch (err) {
      throw invalidDocument(`sections[${s}].block: ${(err as Error).message}`);
    }
    const seats = counts.reduce((a, b) => a + b, 0);
    count(section.category, seats);
    return seats;
  }
  let seats = 0;
  for (const group of [...section.rows, ...section.tables]) {
    for (const seat of group.seats) count(seat.category ?? group.category ?? section.category, 1);
    seats += group.seats.length;
  }
  return seats;
}

/**
 * Counts seats the way the layout resolves categories: seat, then row/table, then section.
 * Works on a migrated document whose blocks may or may not be expanded.
 */
export function mapStats(doc: SeatmapDocument): MapStats {
  const byCategory: Record<string, number> = Object.fromEntries(
    doc.categories.map((c) => [c.key, 0]),
  );
  const byLevel = new Map(
    doc.levels.map((l) => [l.id as string, { id: l.id as string, name: l.name, seats: 0 }]),
  );
  let uncategorized = 0;
  const stats = { seats: 0, gaAreas: 0, gaCapacity: 0, tables: 0, tableSeats: 0 };
  const count = (key: string | undefined, seats: number) => {
    if (key === undefined) uncategorized += seats;
    else byCategory[key] = (byCategory[key] ?? 0) + seats;
  };
  const bySection = doc.sections.map((section, s) => {
    const seats = sectionSeats(section, s, count);
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

/** The document upgraded and schema-checked but with blocks left compact. */
async function readCompact(file: string): Promise<SeatmapDocument> {
  const json = await readJsonFile(file);
  let migrated: ReturnType<typeof migrate> | null = null;
  try {
    migrated = migrate(json);
  } catch (err) {
    // Not an object, or an unknown schemaVersion: documentOrThrow reports it.
    if (!(err instanceof MigrationError)) throw err;
  }
  return migrated?.success ? migrated.data : documentOrThrow(file, json);
}

export async function statsCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const doc = await readCompact(file);
  const stats = mapStats(doc);
  const labels = new Map(doc.categories.map((c) => [c.key as string, c.label]));
  process.stdout.write(opts.json ? toJson(stats) : `${formatStats(stats, labels)}\n`);
}
