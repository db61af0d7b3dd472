// A published document flattened for the engine and renderers: every seat in world coordinates
// with a dense index. The index order (sections, then their rows and tables, then seats, in
// document order) is fixed by the published version: the engine's status bytes are in this order.
import { transformer } from '../geometry/transform.ts';
import type { SeatmapDocument } from './document.ts';
import type { Seat, Section } from './elements.ts';
import type { CategoryKey, GaAreaId, SeatId, SectionId } from './ids.ts';
import type { Point, Transform } from './primitives.ts';

export interface LayoutSeat {
  readonly index: number;
  readonly id: SeatId;
  readonly label: string;
  /** Row or table label ("" for neither). */
  readonly row: string;
  /**
   * The seat's row or table record, numbered 0, 1, … in layout order: what tells apart two rows
   * or tables that share a label in one section (best-available splits runs on it). A number
   * rather than the record's id, so the engine can pass it on cheaply.
   */
  readonly container: number;
  readonly section: string;
  readonly sectionId: SectionId;
  readonly level: string;
  readonly category: CategoryKey | null;
  readonly x: number;
  readonly y: number;
  readonly accessible: boolean;
  readonly restrictedView: boolean;
  readonly companion: boolean;
  /** Set on a table's seats: they sit in a ring (see best-available), numbered round the table. */
  readonly atTable?: true;
}

export interface LayoutGaArea {
  readonly id: GaAreaId;
  readonly label: string;
  readonly section: string;
  readonly sectionId: SectionId;
  readonly capacity: number;
  readonly category: CategoryKey | null;
  /** World coordinates. */
  readonly outline: readonly Point[];
}

export interface Layout {
  readonly seats: readonly LayoutSeat[];
  readonly gaAreas: readonly LayoutGaArea[];
  /** Seat id → index. */
  readonly indexById: ReadonlyMap<string, number>;
}

interface SeatContext {
  section: Section;
  row: string;
  container: number;
  category: CategoryKey | undefined;
  toWorld: (p: Point) => Point;
  atTable?: true;
}

function pushSeat(out: LayoutSeat[], seat: Seat, ctx: SeatContext): void {
  const world = ctx.toWorld(seat);
  out.push({
    index: out.length,
    id: seat.id,
    label: seat.label,
    row: ctx.row,
    container: ctx.container,
    section: ctx.section.label,
    sectionId: ctx.section.id,
    level: ctx.section.level,
    category: seat.category ?? ctx.category ?? ctx.section.category ?? null,
    x: world.x,
    y: world.y,
    accessible: seat.accessible ?? false,
    restrictedView: seat.restrictedView ?? false,
    companion: seat.companion ?? false,
    ...(ctx.atTable ? { atTable: true } : {}),
  });
}

function compose(outer: Transform, inner: Transform): (p: Point) => Point {
  const a = transformer(outer);
  const b = transformer(inner);
  return (p) => a(b(p));
}

/**
 * Flattens a document into indexed world-space seats and GA areas.
 * @example const { seats } = buildLayout(doc); seats[0].x
 */
export function buildLayout(doc: SeatmapDocument): Layout {
  const seats: LayoutSeat[] = [];
  const gaAreas: LayoutGaArea[] = [];
  let container = 0;
  for (const section of doc.sections) {
    const toWorld = transformer(section.transform);
    for (const row of section.rows) {
      const ctx = {
        section,
        row: row.label,
        container: container++,
        category: row.category,
        toWorld,
      };
      for (const seat of row.seats) pushSeat(seats, seat, ctx);
    }
    for (const table of section.tables) {
      const ctx = {
        section,
        row: table.label,
        container: container++,
        category: table.category,
        toWorld: compose(section.transform, table.transform),
        atTable: true as const,
      };
      for (const seat of table.seats) pushSeat(seats, seat, ctx);
    }
    for (const area of section.gaAreas) {
      gaAreas.push({
        id: area.id,
        label: area.label,
        section: section.label,
        sectionId: section.id,
        capacity: area.capacity,
        category: area.category ?? section.category ?? null,
        outline: area.outline.map(toWorld),
      });
    }
  }
  const indexById = new Map<string, number>();
  for (const s of seats) if (!indexById.has(s.id)) indexById.set(s.id, s.index);
  return { seats, gaAreas, indexById };
}
