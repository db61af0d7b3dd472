// Walks every seat of a document once, in layout index order, with what the checks need to name
// it and place it: its path, its row or table, its section, its world position and the category
// it ends up with after inheritance. Shared so that 100,000 seats are walked (and transformed)
// once per validation rather than once per check.
import { applyTransform } from '../geometry/transform.ts';
import type { SeatmapDocument } from '../model/document.ts';
import type { Row, Seat, Section, Table } from '../model/elements.ts';
import type { DocumentPath } from './problem.ts';

export interface SeatEntry {
  readonly seat: Seat;
  /** Position of the seat in its container's `seats`; see `seatPath`. */
  readonly seatIndex: number;
  readonly section: Section;
  readonly container: Row | Table;
  readonly containerPath: DocumentPath;
  /** World coordinates. */
  readonly x: number;
  readonly y: number;
  /** Seat, else row/table, else section category; undefined when none is set. */
  readonly category: string | undefined;
}

function pushContainer(
  out: SeatEntry[],
  section: Section,
  container: Row | Table,
  containerPath: DocumentPath,
  toWorld: (seat: Seat) => { x: number; y: number },
): void {
  container.seats.forEach((seat, k) => {
    const world = toWorld(seat);
    out.push({
      seat,
      seatIndex: k,
      section,
      container,
      containerPath,
      x: world.x,
      y: world.y,
      category: seat.category ?? container.category ?? section.category,
    });
  });
}

/** The seat's path in the document; built on demand because only faulty seats need one. */
export function seatPath(entry: SeatEntry): DocumentPath {
  return [...entry.containerPath, 'seats', entry.seatIndex];
}

/**
 * Every seat of `doc` in layout index order (sections, their rows then tables, seats).
 * @example seatEntries(doc).filter((e) => e.category === undefined)
 */
export function seatEntries(doc: SeatmapDocument): SeatEntry[] {
  const out: SeatEntry[] = [];
  doc.sections.forEach((section, si) => {
    section.rows.forEach((row, ri) => {
      pushContainer(out, section, row, ['sections', si, 'rows', ri], (seat) =>
        applyTransform(section.transform, seat),
      );
    });
    section.tables.forEach((table, ti) => {
      pushContainer(out, section, table, ['sections', si, 'tables', ti], (seat) =>
        applyTransform(section.transform, applyTransform(table.transform, seat)),
      );
    });
  });
  return out;
}

/** Groups entries by their row or table, keeping document order, so a check can report once per row. */
export function groupByContainer(entries: readonly SeatEntry[]): SeatEntry[][] {
  const groups = new Map<Row | Table, SeatEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.container);
    if (group) group.push(entry);
    else groups.set(entry.container, [entry]);
  }
  return [...groups.values()];
}
