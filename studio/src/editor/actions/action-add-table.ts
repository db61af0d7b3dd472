// Adds a round or rectangular table with chairs (seatmaps createTable) at a world point, inside
// the section under it or in a new section.
import { createTable, type Point } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';
import { nextLabelNumber } from './label-number.ts';
import { newSection, putSection, sectionAt, toLocal } from './placement.ts';

export interface DrawnTable {
  readonly shape: 'round' | 'rect';
  readonly center: Point;
  readonly seatCount?: number;
}

export const actionAddTable = register<DrawnTable>({
  name: 'addTable',
  label: 'Add table',
  perform({ document: doc, appState }, { shape, center, seatCount }) {
    const level = appState.activeLevel;
    const section = sectionAt(doc, level, center) ?? newSection(doc, level, center);
    const n = nextLabelNumber(
      section.tables.map((t) => t.label),
      'Table',
    );
    const local = toLocal(section, center);
    let table;
    try {
      table = createTable({
        id: freshId(doc, `${section.id}-t${n}`),
        label: `Table ${n}`,
        shape,
        transform: { x: local.x, y: local.y, rotation: 0 },
        width: shape === 'round' ? 80 : 120,
        height: shape === 'round' ? 80 : 50,
        seatCount: seatCount ?? (shape === 'round' ? 8 : 6),
      });
    } catch {
      return false;
    }
    const next = { ...section, tables: [...section.tables, table], version: section.version + 1 };
    return {
      document: putSection(doc, next),
      appState: { selectedIds: [table.id] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
