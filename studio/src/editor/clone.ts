// Copies of top-level records with fresh ids for every record and seat inside, shifted by an
// offset: what Duplicate and Paste insert.
import {
  brand,
  type LevelId,
  type Row,
  type SeatId,
  type SeatmapDocument,
  type Section,
  type SectionId,
  type Shape,
  type ShapeId,
  type Table,
  type Text,
  type TextId,
} from '@parterre/seatmaps';
import { freshId } from './element-index.ts';

/** Top-level records picked for copying. */
export interface RecordSet {
  readonly sections: readonly Section[];
  readonly shapes: readonly Shape[];
  readonly texts: readonly Text[];
}

function renameSeats<T extends Row | Table>(parent: T, parentId: string): T {
  const seats = parent.seats.map((s) => ({ ...s, id: brand<SeatId>(`${parentId}-${s.label}`) }));
  return { ...parent, id: parentId, seats };
}

/** The selected sections, shapes and texts of `doc`. */
export function pickRecords(doc: SeatmapDocument, ids: readonly string[]): RecordSet {
  const picked = new Set(ids);
  return {
    sections: doc.sections.filter((s) => picked.has(s.id)),
    shapes: doc.shapes.filter((s) => picked.has(s.id)),
    texts: doc.texts.filter((t) => picked.has(t.id)),
  };
}

/**
 * Copies of `records` for `doc`: ids fresh in `doc`, moved by `offset`, on `level` (records may
 * come from another plan whose levels this one lacks).
 */
export function cloneRecords(
  doc: SeatmapDocument,
  records: RecordSet,
  offset: number,
  level: LevelId,
): RecordSet {
  const taken = new Set<string>();
  const fresh = (base: string) => {
    const id = freshId(doc, base, taken);
    taken.add(id);
    return id;
  };
  const sections = records.sections.map((s): Section => {
    const id = fresh(`${s.id}-copy`);
    const child = (old: string) =>
      `${id}${old.startsWith(s.id) ? old.slice(s.id.length) : `-${old}`}`;
    return {
      ...s,
      id: brand<SectionId>(id),
      level,
      label: `${s.label} copy`.slice(0, 64),
      transform: { ...s.transform, x: s.transform.x + offset, y: s.transform.y + offset },
      rows: s.rows.map((r) => renameSeats(r, child(r.id))),
      tables: s.tables.map((t) => renameSeats(t, child(t.id))),
      gaAreas: s.gaAreas.map((g) => ({ ...g, id: brand<typeof g.id>(child(g.id)) })),
      version: 1,
      updated: Date.now(),
    };
  });
  const shapes = records.shapes.map((s): Shape => ({
    ...s,
    id: brand<ShapeId>(fresh(`${s.id}-copy`)),
    level,
    role: 'decoration',
    points: s.points.map((p) => ({ x: p.x + offset, y: p.y + offset })),
  }));
  const texts = records.texts.map((t): Text => ({
    ...t,
    id: brand<TextId>(fresh(`${t.id}-copy`)),
    level,
    x: t.x + offset,
    y: t.y + offset,
  }));
  return { sections, shapes, texts };
}

/** `doc` with `copies` appended. */
export function insertRecords(doc: SeatmapDocument, copies: RecordSet): SeatmapDocument {
  return {
    ...doc,
    sections: [...doc.sections, ...copies.sections],
    shapes: [...doc.shapes, ...copies.shapes],
    texts: [...doc.texts, ...copies.texts],
  };
}

/** Ids of the top-level records in a set. */
export function recordIds(set: RecordSet): string[] {
  return [...set.sections, ...set.shapes, ...set.texts].map((r) => r.id);
}
