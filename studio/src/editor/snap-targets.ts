// What a selection snaps to: the boxes of the other objects on the level that are in view
// (tldraw snaps only to shapes on screen). Collected once when a drag or resize starts, from the
// containers' cached bounds — sections, shapes and texts, plus the rows, tables and standing
// areas beside a selected one in its section — so no drag frame walks the seats.
import type { Bounds, SeatmapDocument } from '@parterre/seatmaps';
import { elementIndex } from './element-index.ts';
import { recordBounds } from './handles.ts';
import { cachedSectionBounds } from './hit-test.ts';
import type { Scene } from './scene.ts';

const overlaps = (a: Bounds, b: Bounds) =>
  a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;

/**
 * Bounds of every object on `level` within `view` that is neither selected nor holds a selected
 * record (a section moves with its selected row, so it is no target).
 * @example snapTargets(doc, scene, ['row-a'], 'main', visibleWorld(camera, w, h))
 */
export function snapTargets(
  doc: SeatmapDocument,
  scene: Scene,
  selectedIds: readonly string[],
  level: string,
  view: Bounds,
): Bounds[] {
  const refs = elementIndex(doc);
  const selected = new Set(selectedIds);
  const owners = new Set<number>();
  for (const id of selectedIds) {
    const ref = refs.get(id);
    if (ref && ref.type !== 'section' && 'section' in ref) owners.add(ref.section);
  }
  const out: Bounds[] = [];
  const add = (b: Bounds | null) => {
    if (b && overlaps(b, view)) out.push(b);
  };
  doc.sections.forEach((s, i) => {
    if (s.level !== level || selected.has(s.id)) return;
    if (!owners.has(i)) return add(cachedSectionBounds(s));
    // The selection's own section: its other rows, tables and standing areas line up with it.
    for (const r of [...s.rows, ...s.tables, ...s.gaAreas])
      if (!selected.has(r.id)) add(recordBounds(doc, scene, r.id));
  });
  for (const s of doc.shapes)
    if (s.level === level && !selected.has(s.id)) add(recordBounds(doc, scene, s.id));
  for (const t of doc.texts)
    if (t.level === level && !selected.has(t.id)) add(recordBounds(doc, scene, t.id));
  return out;
}
