// Align and distribute the selected sections, shapes and texts by their bounds.
import { boundsOfPoints, type Bounds, type Point, type SeatmapDocument } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { elementIndex } from '../element-index.ts';
import { cachedSectionBounds } from '../hit-test.ts';
import { updateRecords } from '../update-records.ts';

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type Distribution = 'horizontal' | 'vertical';

function boundsOf(doc: SeatmapDocument, id: string): Bounds | null {
  const ref = elementIndex(doc).get(id);
  if (ref?.type === 'section') {
    const s = doc.sections[ref.section];
    return s ? cachedSectionBounds(s) : null;
  }
  if (ref?.type === 'shape') return boundsOfPoints(doc.shapes[ref.shape]?.points ?? []);
  if (ref?.type === 'text') {
    const t = doc.texts[ref.text];
    return t ? { minX: t.x, minY: t.y, maxX: t.x, maxY: t.y } : null;
  }
  return null;
}

function moveBy(doc: SeatmapDocument, all: ReadonlyMap<string, Point>): SeatmapDocument {
  const offsets = new Map([...all].filter(([, o]) => Math.abs(o.x) + Math.abs(o.y) > 1e-9));
  const d = (id: string) => offsets.get(id) ?? { x: 0, y: 0 };
  const shift = (p: Point, o: Point) => ({ x: p.x + o.x, y: p.y + o.y });
  return updateRecords(doc, offsets.keys(), {
    section: (s) => ({ ...s, transform: { ...s.transform, ...shift(s.transform, d(s.id)) } }),
    shape: (s) => ({ ...s, points: s.points.map((p) => shift(p, d(s.id))) }),
    text: (t) => ({ ...t, ...shift(t, d(t.id)) }),
  });
}

function measured(doc: SeatmapDocument, ids: readonly string[]): [string, Bounds][] {
  return ids.flatMap((id) => {
    const b = boundsOf(doc, id);
    return b ? [[id, b] as [string, Bounds]] : [];
  });
}

const mid = (a: number, b: number) => (a + b) / 2;

export const actionAlign = register<Alignment>({
  name: 'align',
  label: 'Align',
  perform({ document: doc, appState }, how) {
    const items = measured(doc, appState.selectedIds);
    if (items.length < 2) return false;
    const all = items.map(([, b]) => b);
    const u = {
      minX: Math.min(...all.map((b) => b.minX)),
      maxX: Math.max(...all.map((b) => b.maxX)),
      minY: Math.min(...all.map((b) => b.minY)),
      maxY: Math.max(...all.map((b) => b.maxY)),
    };
    const offset = (b: Bounds): Point => {
      if (how === 'left') return { x: u.minX - b.minX, y: 0 };
      if (how === 'right') return { x: u.maxX - b.maxX, y: 0 };
      if (how === 'center') return { x: mid(u.minX, u.maxX) - mid(b.minX, b.maxX), y: 0 };
      if (how === 'top') return { x: 0, y: u.minY - b.minY };
      if (how === 'bottom') return { x: 0, y: u.maxY - b.maxY };
      return { x: 0, y: mid(u.minY, u.maxY) - mid(b.minY, b.maxY) };
    };
    const next = moveBy(doc, new Map(items.map(([id, b]) => [id, offset(b)])));
    return next === doc ? false : { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});

export const actionDistribute = register<Distribution>({
  name: 'distribute',
  label: 'Distribute',
  perform({ document: doc, appState }, how) {
    const items = measured(doc, appState.selectedIds);
    if (items.length < 3) return false;
    const centre = (b: Bounds) =>
      how === 'horizontal' ? mid(b.minX, b.maxX) : mid(b.minY, b.maxY);
    items.sort((a, b) => centre(a[1]) - centre(b[1]));
    const first = centre((items[0] as [string, Bounds])[1]);
    const step =
      (centre((items[items.length - 1] as [string, Bounds])[1]) - first) / (items.length - 1);
    const offsets = new Map(
      items.map(([id, b], i) => {
        const d = first + i * step - centre(b);
        return [id, how === 'horizontal' ? { x: d, y: 0 } : { x: 0, y: d }] as const;
      }),
    );
    const next = moveBy(doc, offsets);
    return next === doc ? false : { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
