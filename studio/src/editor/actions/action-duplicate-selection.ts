// Duplicates the selected sections, shapes and texts a little down and to the right, with fresh
// ids for every record and seat inside, and selects the copies.
import {
  brand,
  type Row,
  type SeatId,
  type SeatmapDocument,
  type Section,
  type SectionId,
  type ShapeId,
  type Table,
  type TextId,
} from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';

const OFFSET = 40;

function renameSeats<T extends Row | Table>(parent: T, parentId: string): T {
  const seats = parent.seats.map((s) => ({ ...s, id: brand<SeatId>(`${parentId}-${s.label}`) }));
  return { ...parent, id: parentId, seats };
}

function copySection(doc: SeatmapDocument, s: Section, taken: Set<string>): Section {
  const id = freshId(doc, `${s.id}-copy`, taken);
  taken.add(id);
  const child = (old: string) =>
    `${id}${old.startsWith(s.id) ? old.slice(s.id.length) : `-${old}`}`;
  return {
    ...s,
    id: brand<SectionId>(id),
    label: `${s.label} copy`.slice(0, 64),
    transform: { ...s.transform, x: s.transform.x + OFFSET, y: s.transform.y + OFFSET },
    rows: s.rows.map((r) => renameSeats(r, child(r.id))),
    tables: s.tables.map((t) => renameSeats(t, child(t.id))),
    gaAreas: s.gaAreas.map((g) => ({ ...g, id: brand<typeof g.id>(child(g.id)) })),
    version: 1,
    updated: Date.now(),
  };
}

export const actionDuplicateSelection = register<undefined>({
  name: 'duplicateSelection',
  label: 'Duplicate',
  shortcut: 'Ctrl+D',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'd',
  perform({ document: doc, appState }) {
    const picked = new Set(appState.selectedIds);
    const taken = new Set<string>();
    const fresh = (base: string) => {
      const id = freshId(doc, base, taken);
      taken.add(id);
      return id;
    };
    const sections = doc.sections
      .filter((s) => picked.has(s.id))
      .map((s) => copySection(doc, s, taken));
    const shapes = doc.shapes
      .filter((s) => picked.has(s.id))
      .map((s) => ({
        ...s,
        id: brand<ShapeId>(fresh(`${s.id}-copy`)),
        role: 'decoration' as const,
        points: s.points.map((p) => ({ x: p.x + OFFSET, y: p.y + OFFSET })),
      }));
    const texts = doc.texts
      .filter((t) => picked.has(t.id))
      .map((t) => ({
        ...t,
        id: brand<TextId>(fresh(`${t.id}-copy`)),
        x: t.x + OFFSET,
        y: t.y + OFFSET,
      }));
    const copies = [...sections, ...shapes, ...texts];
    if (copies.length === 0) return false;
    return {
      document: {
        ...doc,
        sections: [...doc.sections, ...sections],
        shapes: [...doc.shapes, ...shapes],
        texts: [...doc.texts, ...texts],
      },
      appState: { selectedIds: copies.map((c) => c.id) },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
