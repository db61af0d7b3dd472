// Edits simple properties of the selected containers from the inspector: labels, a standing
// area's capacity, a table's chair count (re-seated with seatmaps `regenerateTable`), text.
// Any given value that is out of range refuses the whole edit.
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

const int = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function valid(p: PropertyPatch): boolean {
  const label = p.label === undefined || (p.label.trim().length > 0 && p.label.length <= 64);
  const capacity = p.capacity === undefined || int(p.capacity, 0, 1_000_000);
  const seats = p.seatCount === undefined || int(p.seatCount, 1, 64);
  const text = p.text === undefined || (p.text.trim().length > 0 && p.text.length <= 500);
  const size = p.fontSize === undefined || (p.fontSize > 0 && p.fontSize <= 400);
  return label && capacity && seats && text && size;
}

/** `r` with the defined entries of `patch`, or `r` itself when they change nothing. */
function patched<T extends object>(r: T, patch: Record<string, unknown>): T {
  const entries = Object.entries(patch).filter(
    ([k, v]) => v !== undefined && (r as Record<string, unknown>)[k] !== v,
  );
  return entries.length === 0 ? r : { ...r, ...Object.fromEntries(entries) };
}

export const actionSetProperties = register<PropertyPatch>({
  name: 'setProperties',
  label: 'Edit properties',
  perform({ document: doc }, p) {
    if (!valid(p)) return false;
    const label = p.label?.trim();
    const next = updateRecords(doc, p.ids, {
      section: (s) => patched(s, { label }),
      ga: (g) => patched(g, { label, capacity: p.capacity }),
      table: (t) => {
        const labelled = patched(t, { label });
        if (p.seatCount === undefined || p.seatCount === t.seatCount) return labelled;
        try {
          return regenerateTable({ ...labelled, seatCount: p.seatCount }, { now: Date.now() });
        } catch {
          return labelled;
        }
      },
      shape: (s) => patched(s, { label }),
      text: (t) => patched(t, { text: p.text?.trim(), fontSize: p.fontSize }),
    });
    if (next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
