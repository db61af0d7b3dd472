// Record-level differences between two documents (excalidraw's ElementsDelta, simplified): for
// every top-level record that changed, its value and position before and after. Undo puts back
// the "before" of exactly those records, so changes made meanwhile by others (NEVER updates)
// survive an undo.
import type { SeatmapDocument } from '@parterre/seatmaps';

type Collection = 'sections' | 'shapes' | 'texts' | 'categories' | 'levels';
const COLLECTIONS: readonly Collection[] = ['sections', 'shapes', 'texts', 'categories', 'levels'];
const META = ['name', 'size', 'background', 'focalPoint'] as const;
type Meta = Pick<SeatmapDocument, (typeof META)[number]>;

interface Placed {
  readonly value: unknown;
  readonly index: number;
}

/** One record's change; `undefined` on a side means the record did not exist. */
export interface RecordChange {
  readonly before: Placed | undefined;
  readonly after: Placed | undefined;
}

export interface DocumentDelta {
  /** Keyed `${collection}\u0000${id}`. */
  readonly records: ReadonlyMap<string, RecordChange>;
  readonly meta: { readonly before: Meta; readonly after: Meta } | null;
}

const keyOf = (item: unknown): string => {
  const r = item as { id?: string; key?: string };
  return r.id ?? r.key ?? '';
};

function placedById(items: readonly unknown[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  items.forEach((value, index) => out.set(keyOf(value), { value, index }));
  return out;
}

function pickMeta(doc: SeatmapDocument): Meta {
  return { name: doc.name, size: doc.size, background: doc.background, focalPoint: doc.focalPoint };
}

/** The changes that turn `a` into `b`; records are compared by identity. */
export function diffDocuments(a: SeatmapDocument, b: SeatmapDocument): DocumentDelta {
  const records = new Map<string, RecordChange>();
  for (const c of COLLECTIONS) {
    if (a[c] === b[c]) continue;
    const before = placedById(a[c]);
    const after = placedById(b[c]);
    for (const [id, was] of before) {
      const now = after.get(id);
      if (now?.value !== was.value) records.set(`${c}\u0000${id}`, { before: was, after: now });
    }
    for (const [id, now] of after) {
      if (!before.has(id)) records.set(`${c}\u0000${id}`, { before: undefined, after: now });
    }
  }
  const metaChanged = META.some((k) => a[k] !== b[k]);
  return { records, meta: metaChanged ? { before: pickMeta(a), after: pickMeta(b) } : null };
}

/** Whether the delta changes nothing. */
export function isEmptyDelta(d: DocumentDelta): boolean {
  return d.records.size === 0 && d.meta === null;
}

/** `first` then `second` as one delta (the "before" of the first, the "after" of the last). */
export function composeDeltas(first: DocumentDelta, second: DocumentDelta): DocumentDelta {
  const records = new Map(first.records);
  for (const [key, change] of second.records) {
    const earlier = records.get(key);
    records.set(key, earlier ? { before: earlier.before, after: change.after } : change);
  }
  const meta =
    first.meta && second.meta
      ? { before: first.meta.before, after: second.meta.after }
      : (first.meta ?? second.meta);
  return { records, meta };
}

/** The delta that undoes `d`. */
export function invertDelta(d: DocumentDelta): DocumentDelta {
  const records = new Map<string, RecordChange>();
  for (const [key, c] of d.records) records.set(key, { before: c.after, after: c.before });
  return { records, meta: d.meta && { before: d.meta.after, after: d.meta.before } };
}

function setRecord(items: unknown[], id: string, target: Placed | undefined): void {
  const at = items.findIndex((x) => keyOf(x) === id);
  if (at >= 0) items.splice(at, 1);
  if (target) items.splice(Math.min(target.index, items.length), 0, target.value);
}

/** Sets every record the delta names to its "after" state; other records are left alone. */
export function applyDelta(doc: SeatmapDocument, d: DocumentDelta): SeatmapDocument {
  const next: Record<string, unknown> = { ...doc, ...(d.meta ? d.meta.after : {}) };
  const copies = new Map<Collection, unknown[]>();
  for (const [key, change] of d.records) {
    const [collection, id] = key.split('\u0000') as [Collection, string];
    let items = copies.get(collection);
    if (!items) {
      items = [...doc[collection]];
      copies.set(collection, items);
    }
    setRecord(items, id, change.after);
  }
  for (const [collection, items] of copies) next[collection] = items;
  return next as SeatmapDocument;
}
