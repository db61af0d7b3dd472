// Adds a straight or curved row drawn in world coordinates, to the section under its start or to
// a new section. The generator is kept on the row so the inspector can change it later.
import {
  createRow,
  type ArcRowGeneratorInput,
  type Point,
  type StraightRowGeneratorInput,
} from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';
import { newSection, nextRowLabel, putSection, sectionAt, toLocal } from './placement.ts';

export type DrawnRow = StraightRowGeneratorInput | ArcRowGeneratorInput;

/** Where the row sits: its first seat, or the middle of an arc (its centre is usually far off). */
function anchor(g: DrawnRow): Point {
  if (g.kind === 'straight') return g.start;
  const a = ((g.midAngle ?? 90) * Math.PI) / 180;
  return { x: g.center.x + g.radius * Math.cos(a), y: g.center.y + g.radius * Math.sin(a) };
}

export const actionAddRow = register<DrawnRow>({
  name: 'addRow',
  label: 'Add row',
  perform({ document: doc, appState }, generator) {
    const level = appState.activeLevel;
    const at = anchor(generator);
    const section = sectionAt(doc, level, at) ?? newSection(doc, level, at);
    const rotation = section.transform.rotation;
    const local: DrawnRow =
      generator.kind === 'straight'
        ? {
            ...generator,
            start: toLocal(section, generator.start),
            angle: (generator.angle ?? 0) - rotation,
          }
        : {
            ...generator,
            center: toLocal(section, generator.center),
            midAngle: (generator.midAngle ?? 90) - rotation,
          };
    const label = nextRowLabel(section);
    let row;
    try {
      row = createRow({ id: freshId(doc, `${section.id}-${label}`), label, generator: local });
    } catch {
      return false;
    }
    const next = { ...section, rows: [...section.rows, row], version: section.version + 1 };
    return {
      document: putSection(doc, next),
      appState: { selectedIds: [row.id] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
