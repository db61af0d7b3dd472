// One immutable update of any records picked by id, touching only the sections, rows and tables
// on the way to them: the rest of the document keeps its object identity, which history diffs,
// the scene cache and React memoisation all rely on.
import type {
  GaArea,
  Row,
  Seat,
  SeatmapDocument,
  Section,
  Shape,
  Table,
  Text,
} from '@parterre/seatmaps';
import { elementIndex } from './element-index.ts';

/** Per record type, what to do with a picked record: a new record, or `null` to delete it. */
export interface RecordUpdaters {
  section?(s: Section): Section | null;
  row?(r: Row, section: Section): Row | null;
  seat?(seat: Seat): Seat | null;
  table?(t: Table, section: Section): Table | null;
  ga?(g: GaArea, section: Section): GaArea | null;
  shape?(s: Shape): Shape | null;
  text?(t: Text): Text | null;
}

type Updater<T> = ((value: T) => T | null) | undefined;

function mapPicked<T extends { readonly id: string }>(
  items: readonly T[],
  picked: ReadonlySet<string>,
  update: Updater<T>,
  inner?: (item: T) => T,
): readonly T[] {
  let changed = false;
  const out: T[] = [];
  for (const item of items) {
    let next: T | null = item;
    if (update && picked.has(item.id)) next = update(item);
    else if (inner) next = inner(item);
    if (next !== item) changed = true;
    if (next) out.push(next);
  }
  return changed ? out : items;
}

function bump<T extends { readonly version: number }>(before: T, after: T): T {
  return after === before ? after : { ...after, version: before.version + 1, updated: Date.now() };
}

function updateSection(s: Section, picked: ReadonlySet<string>, u: RecordUpdaters): Section {
  const seatsOf = <P extends Row | Table>(p: P): P => {
    const seats = mapPicked(p.seats, picked, u.seat);
    return seats === p.seats ? p : { ...p, seats };
  };
  const withSection =
    <T>(f: ((x: T, section: Section) => T | null) | undefined) =>
    (x: T) =>
      f ? f(x, s) : x;
  const rows = mapPicked(s.rows, picked, u.row && withSection(u.row), seatsOf);
  const tables = mapPicked(s.tables, picked, u.table && withSection(u.table), seatsOf);
  const gaAreas = mapPicked(s.gaAreas, picked, u.ga && withSection(u.ga));
  if (rows === s.rows && tables === s.tables && gaAreas === s.gaAreas) return s;
  return bump(s, { ...s, rows, tables, gaAreas });
}

/**
 * Applies `updaters` to the records whose ids are in `ids` (unknown ids are ignored) and returns
 * the new document, or the same object when nothing changed. Changed sections, shapes and texts
 * get their `version` bumped.
 * @example updateRecords(doc, selectedIds, { seat: (s) => ({ ...s, accessible: true }) })
 */
export function updateRecords(
  doc: SeatmapDocument,
  ids: Iterable<string>,
  u: RecordUpdaters,
): SeatmapDocument {
  const refs = elementIndex(doc);
  const picked = new Set<string>();
  const touched = new Set<string>();
  for (const id of ids) {
    const ref = refs.get(id);
    if (!ref) continue;
    picked.add(id);
    if ('section' in ref) touched.add(doc.sections[ref.section]?.id ?? '');
  }
  if (picked.size === 0) return doc;
  const sectionUpdate = (s: Section) => {
    const next = u.section ? u.section(s) : s;
    return next && next !== s ? bump(s, next) : next;
  };
  const sections = mapPicked(doc.sections, picked, sectionUpdate, (s) =>
    touched.has(s.id) ? updateSection(s, picked, u) : s,
  );
  const bumped = <T extends Shape | Text>(f: Updater<T>) =>
    f
      ? (x: T) => {
          const next = f(x);
          return next && bump(x, next);
        }
      : undefined;
  const shapes = mapPicked(doc.shapes, picked, bumped(u.shape));
  const texts = mapPicked(doc.texts, picked, bumped(u.text));
  if (sections === doc.sections && shapes === doc.shapes && texts === doc.texts) return doc;
  return { ...doc, sections, shapes, texts };
}
