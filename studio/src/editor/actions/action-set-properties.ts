// Edits simple properties of the selected containers from the inspector: labels, a standing
// area's capacity, a table's chair count (re-seated with seatmaps `regenerateTable`), text.
import { regenerateTable } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { updateRecords } from '../update-records.ts';

export interface PropertyPatch {
  readonly ids: readonly string[];
  readonly label?: string;
  readonly capacity?: number;
  readonly seatCount?: number;
  readonly text?: string;
  readonly fontSize?: number;
}

const validLabel = (l: string | undefined) =>
  l !== undefined && l.trim().length > 0 && l.length <= 64;

function tableSeats(n: number | undefined): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined;
}

export const actionSetProperties = register<PropertyPatch>({
  name: 'setProperties',
  label: 'Edit properties',
  perform({ document: doc }, p) {
    const label = validLabel(p.label) ? { label: (p.label as string).trim() } : {};
    const seatCount = tableSeats(p.seatCount);
    const capacityOk = p.capacity !== undefined && Number.isInteger(p.capacity) && p.capacity >= 0;
    const textOk = p.text !== undefined && p.text.trim().length > 0 && p.text.length <= 500;
    const sizeOk = p.fontSize !== undefined && p.fontSize > 0 && p.fontSize <= 400;
    const next = updateRecords(doc, p.ids, {
      section: (s) => ({ ...s, ...label }),
      ga: (g) => ({ ...g, ...label, ...(capacityOk ? { capacity: p.capacity as number } : {}) }),
      table: (t) => {
        const labelled = { ...t, ...label };
        if (seatCount === undefined || seatCount === t.seatCount) return labelled;
        try {
          return regenerateTable({ ...labelled, seatCount }, { now: Date.now() });
        } catch {
          return labelled;
        }
      },
      shape: (s) => ({ ...s, ...label }),
      text: (t) => ({
        ...t,
        ...(textOk ? { text: (p.text as string).trim() } : {}),
        ...(sizeOk ? { fontSize: p.fontSize as number } : {}),
      }),
    });
    if (next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
