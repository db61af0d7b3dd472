// Deletes the selected records. Single seats are not deleted: a generated row would put them back
// on its next regeneration, so a row's seat count is edited in the inspector instead.
import { register } from '../action.ts';
import { updateRecords } from '../update-records.ts';

export const actionDeleteSelection = register<undefined>({
  name: 'deleteSelection',
  label: 'Delete',
  shortcut: 'Delete',
  keyTest: (k) => k.key === 'Delete' || k.key === 'Backspace',
  perform({ document: doc, appState }) {
    const next = updateRecords(doc, appState.selectedIds, {
      section: () => null,
      row: () => null,
      table: () => null,
      ga: () => null,
      shape: () => null,
      text: () => null,
    });
    if (next === doc) return false;
    return { document: next, appState: { selectedIds: [] }, captureUpdate: 'IMMEDIATELY' };
  },
});
