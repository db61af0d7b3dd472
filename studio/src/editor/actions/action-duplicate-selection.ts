// Duplicates the selected sections, shapes and texts a little down and to the right, with fresh
// ids for every record and seat inside, and selects the copies.
import { register } from '../action.ts';
import { cloneRecords, insertRecords, pickRecords, recordIds } from '../clone.ts';

const OFFSET = 40;

export const actionDuplicateSelection = register<undefined>({
  name: 'duplicateSelection',
  label: 'Duplicate',
  shortcut: 'Ctrl+D',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'd',
  perform({ document: doc, appState }) {
    const picked = pickRecords(doc, appState.selectedIds);
    const copies = cloneRecords(doc, picked, OFFSET, appState.activeLevel);
    const ids = recordIds(copies);
    if (ids.length === 0) return false;
    return {
      document: insertRecords(doc, copies),
      appState: { selectedIds: ids },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
