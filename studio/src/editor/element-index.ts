// Where each record of a document lives, by id, so actions can update a seat or row among 80,000
// seats without walking the whole plan. Built once per document object (documents are immutable,
// so a WeakMap keyed by the document is a safe cache).
import type { SeatmapDocument } from '@parterre/seatmaps';

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

const cache = new WeakMap<SeatmapDocument, ReadonlyMap<string, ElementRef>>();

function build(doc: SeatmapDocument): Map<string, ElementRef> {
  const refs = new Map<string, ElementRef>();
  // First writer wins, as in the layout: duplicate ids are a validation problem, not a crash.
  const put = (id: string, ref: ElementRef) => {
    if (!refs.has(id)) refs.set(id, ref);
  };
  doc.sections.forEach((s, section) => {
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
  });
  doc.shapes.forEach((s, shape) => put(s.id, { type: 'shape', shape }));
  doc.texts.forEach((t, text) => put(t.id, { type: 'text', text }));
  return refs;
}

/**
 * Id → location of every record in `doc`.
 * @example elementIndex(doc).get('stalls-A-12') // { type: 'seat', section: 0, parent: 0, … }
 */
export function elementIndex(doc: SeatmapDocument): ReadonlyMap<string, ElementRef> {
  let refs = cache.get(doc);
  if (!refs) {
    refs = build(doc);
    cache.set(doc, refs);
  }
  return refs;
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
