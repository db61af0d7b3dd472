// Moves the selection by a world offset. A drag sends EVENTUALLY frames and one IMMEDIATELY at
// the end, so the whole drag is one undo step; arrow keys nudge with IMMEDIATELY steps.
import { regenerateRow, type Point, type Row, type Section } from '@parterre/seatmaps';
import { register } from '../action.ts';
import type { CaptureUpdate } from '../types.ts';
import { updateRecords } from '../update-records.ts';

export interface MoveBy {
  readonly dx: number;
  readonly dy: number;
  readonly captureUpdate: CaptureUpdate;
}

const round = (v: number) => Math.round(v * 100) / 100;
const shift = (p: Point, d: Point): Point => ({ x: round(p.x + d.x), y: round(p.y + d.y) });

/** A world offset expressed in a section's rotated local axes. */
function localOffset(section: Section, d: Point): Point {
  const a = (-section.transform.rotation * Math.PI) / 180;
  return { x: d.x * Math.cos(a) - d.y * Math.sin(a), y: d.x * Math.sin(a) + d.y * Math.cos(a) };
}

function moveRow(row: Row, d: Point): Row {
  const g = row.generator;
  if (g.kind === 'manual')
    return { ...row, seats: row.seats.map((s) => ({ ...s, ...shift(s, d) })) };
  const generator =
    g.kind === 'straight'
      ? { ...g, start: shift(g.start, d) }
      : { ...g, center: shift(g.center, d) };
  return regenerateRow({ ...row, generator }, { now: Date.now() });
}

export const actionMoveSelection = register<MoveBy>({
  name: 'moveSelection',
  label: 'Move selection',
  perform({ document: doc, appState }, { dx, dy, captureUpdate }) {
    if (!Number.isFinite(dx) || !Number.isFinite(dy)) return false;
    if (dx === 0 && dy === 0) return { captureUpdate };
    const d = { x: dx, y: dy };
    const next = updateRecords(doc, appState.selectedIds, {
      section: (s) => ({ ...s, transform: { ...s.transform, ...shift(s.transform, d) } }),
      row: (r, s) => moveRow(r, localOffset(s, d)),
      shape: (s) => ({ ...s, points: s.points.map((p) => shift(p, d)) }),
      text: (t) => ({ ...t, ...shift(t, d) }),
      table: (t, s) => ({
        ...t,
        transform: { ...t.transform, ...shift(t.transform, localOffset(s, d)) },
      }),
      ga: (g, s) => ({ ...g, outline: g.outline.map((p) => shift(p, localOffset(s, d))) }),
    });
    return { document: next, captureUpdate };
  },
});
