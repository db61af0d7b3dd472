// Where each record of a document lives, by id, so actions can update a seat or row among 80,000
// seats without walking the whole plan. Built once per document object (documents are immutable,
// so a WeakMap keyed by the document is a safe cache).
import type { SeatmapDocument, Section } from '@parterre/seatmaps';

export type ElementRef =
  | { readonly type: 'section'; readonly section: number }
  | { readonly type: 'row'; readonly section: number; readonly row: number }
  | { readonly type: 'table'; readonly section: number; readonly table: number }
  | { readonly type: 'ga'; readonly section: number; readonly ga: number }
  | {
      readonly type: 'seat';
      readonly section: number;
      /** Index of the row, or of the table when `inTable`. */
      readonly parent: number;
      readonly inTable: boolean;
      readonly seat: number;
    }
  | { readonly type: 'shape'; readonly shape: number }
  | { readonly type: 'text'; readonly text: number };

/** Id → location lookups (a Map would do, but copying one of 90,000 entries per edit would not). */
export interface ElementLookup {
  get(id: string): ElementRef | undefined;
  has(id: string): boolean;
}

/** A full index. */
class FlatIndex implements ElementLookup {
  readonly depth = 0;
  constructor(private readonly refs: Map<string, ElementRef>) {}
  get(id: string): ElementRef | undefined {
    return this.refs.get(id);
  }
  has(id: string): boolean {
    return this.refs.has(id);
  }
}

/** The previous document's index plus this edit's changes (`null`: the id is gone). */
class LayeredIndex implements ElementLookup {
  constructor(
    private readonly base: FlatIndex | LayeredIndex,
    private readonly changes: Map<string, ElementRef | null>,
    readonly depth: number,
  ) {}
  get(id: string): ElementRef | undefined {
    const c = this.changes.get(id);
    return c === undefined ? this.base.get(id) : (c ?? undefined);
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

type Index = FlatIndex | LayeredIndex;
type Put = (id: string, ref: ElementRef) => void;

/** Layers kept before an index is rebuilt flat, bounding the cost of a lookup. */
const MAX_DEPTH = 16;
const cache = new WeakMap<SeatmapDocument, Index>();
/** The last index built, which the next one is derived from when only a few sections changed. */
let last: { doc: SeatmapDocument; index: Index } | null = null;

function addSection(put: Put, s: Section, section: number): void {
  put(s.id, { type: 'section', section });
  s.rows.forEach((r, row) => {
    put(r.id, { type: 'row', section, row });
    r.seats.forEach((seat, i) =>
      put(seat.id, { type: 'seat', section, parent: row, inTable: false, seat: i }),
    );
  });
  s.tables.forEach((t, table) => {
    put(t.id, { type: 'table', section, table });
    t.seats.forEach((seat, i) =>
      put(seat.id, { type: 'seat', section, parent: table, inTable: true, seat: i }),
    );
  });
  s.gaAreas.forEach((g, ga) => put(g.id, { type: 'ga', section, ga }));
}

function sectionIds(s: Section): string[] {
  const ids: string[] = [s.id, ...s.gaAreas.map((g) => g.id)];
  for (const r of s.rows) ids.push(r.id, ...r.seats.map((x) => x.id));
  for (const t of s.tables) ids.push(t.id, ...t.seats.map((x) => x.id));
  return ids;
}

function addDecorations(put: Put, doc: SeatmapDocument): void {
  doc.shapes.forEach((s, shape) => put(s.id, { type: 'shape', shape }));
  doc.texts.forEach((t, text) => put(t.id, { type: 'text', text }));
}

function build(doc: SeatmapDocument): FlatIndex {
  const refs = new Map<string, ElementRef>();
  // First writer wins, as in the layout: duplicate ids are a validation problem, not a crash.
  const put: Put = (id, ref) => {
    if (!refs.has(id)) refs.set(id, ref);
  };
  doc.sections.forEach((s, i) => addSection(put, s, i));
  addDecorations(put, doc);
  return new FlatIndex(refs);
}

/** Most edits replace a section or two in place: layer the changes over the previous index. */
function derive(prev: SeatmapDocument, base: Index, doc: SeatmapDocument): LayeredIndex | null {
  if (prev.sections.length !== doc.sections.length || base.depth >= MAX_DEPTH) return null;
  const changed: number[] = [];
  doc.sections.forEach((s, i) => s !== prev.sections[i] && changed.push(i));
  if (changed.length > 4) return null;
  const changes = new Map<string, ElementRef | null>();
  const layer = new LayeredIndex(base, changes, base.depth + 1);
  const drop = (id: string, owned: (ref: ElementRef) => boolean) => {
    const ref = layer.get(id);
    if (ref && owned(ref)) changes.set(id, null);
  };
  for (const i of changed) {
    const owned = (r: ElementRef) => 'section' in r && r.section === i;
    for (const id of sectionIds(prev.sections[i] as Section)) drop(id, owned);
  }
  for (const s of prev.shapes) drop(s.id, (r) => r.type === 'shape');
  for (const t of prev.texts) drop(t.id, (r) => r.type === 'text');
  const put: Put = (id, ref) => {
    if (!layer.has(id)) changes.set(id, ref);
  };
  for (const i of changed) addSection(put, doc.sections[i] as Section, i);
  addDecorations(put, doc);
  return layer;
}

/**
 * Id → location of every record in `doc`.
 * @example elementIndex(doc).get('stalls-A-12') // { type: 'seat', section: 0, parent: 0, … }
 */
export function elementIndex(doc: SeatmapDocument): ElementLookup {
  let index = cache.get(doc);
  if (!index) {
    index = (last && derive(last.doc, last.index, doc)) ?? build(doc);
    cache.set(doc, index);
    last = { doc, index };
  }
  return index;
}

/**
 * An id not used by any record of `doc`: `base`, else `base-2`, `base-3`…
 * @example freshId(doc, 'section') // 'section' or 'section-2'
 */
export function freshId(
  doc: SeatmapDocument,
  base: string,
  reserved?: ReadonlySet<string>,
): string {
  const refs = elementIndex(doc);
  const taken = (id: string) => refs.has(id) || (reserved?.has(id) ?? false);
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
