// Reading the selection: which seats it covers, which records it names.
import type { SeatmapDocument } from '@parterre/seatmaps';
import { elementIndex } from './element-index.ts';

/**
 * Ids of every seat the selection covers: selected seats plus all seats of selected rows,
 * tables and sections.
 * @example selectedSeatIds(doc, ['stalls-A']).length // seats in row A
 */
export function selectedSeatIds(doc: SeatmapDocument, ids: readonly string[]): string[] {
  const refs = elementIndex(doc);
  const out: string[] = [];
  for (const id of ids) {
    const ref = refs.get(id);
    if (!ref) continue;
    if (ref.type === 'seat') out.push(id);
    const section = 'section' in ref ? doc.sections[ref.section] : undefined;
    if (!section) continue;
    if (ref.type === 'row') out.push(...(section.rows[ref.row]?.seats.map((s) => s.id) ?? []));
    if (ref.type === 'table')
      out.push(...(section.tables[ref.table]?.seats.map((s) => s.id) ?? []));
    if (ref.type === 'section') {
      for (const r of section.rows) for (const s of r.seats) out.push(s.id);
      for (const t of section.tables) for (const s of t.seats) out.push(s.id);
    }
  }
  return out;
}
