// Copy, cut and paste of sections, shapes and texts. The clipboard lives in appState so it
// survives opening another plan in the same editor; each paste lands a step further away.
import { register } from '../action.ts';
import { cloneRecords, insertRecords, pickRecords, recordIds } from '../clone.ts';
import { updateRecords } from '../update-records.ts';

const OFFSET = 40;

export const actionCopy = register<undefined>({
  name: 'copy',
  label: 'Copy',
  shortcut: 'Ctrl+C',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'c',
  perform({ document: doc, appState }) {
    const records = pickRecords(doc, appState.selectedIds);
    if (recordIds(records).length === 0) return false;
    return { appState: { clipboard: { records, pasted: 0 } }, captureUpdate: 'NEVER' };
  },
});

export const actionCut = register<undefined>({
  name: 'cut',
  label: 'Cut',
  shortcut: 'Ctrl+X',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'x',
  perform({ document: doc, appState }) {
    const records = pickRecords(doc, appState.selectedIds);
    const ids = recordIds(records);
    if (ids.length === 0) return false;
    const gone = () => null;
    const next = updateRecords(doc, ids, { section: gone, shape: gone, text: gone });
    return {
      document: next,
      appState: { clipboard: { records, pasted: -1 }, selectedIds: [] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});

export const actionPaste = register<undefined>({
  name: 'paste',
  label: 'Paste',
  shortcut: 'Ctrl+V',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'v',
  perform({ document: doc, appState }) {
    const clip = appState.clipboard;
    if (!clip) return false;
    const pasted = clip.pasted + 1;
    const copies = cloneRecords(doc, clip.records, OFFSET * pasted, appState.activeLevel);
    return {
      document: insertRecords(doc, copies),
      appState: { selectedIds: recordIds(copies), clipboard: { ...clip, pasted } },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
