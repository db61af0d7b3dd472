// Selection changes. They are view state: never on the undo stack.
import { register } from '../action.ts';
import { elementIndex } from '../element-index.ts';

export const actionSelect = register<readonly string[]>({
  name: 'select',
  label: 'Select',
  perform({ document: doc }, ids) {
    const refs = elementIndex(doc);
    return {
      appState: { selectedIds: [...new Set(ids)].filter((id) => refs.has(id)) },
      captureUpdate: 'NEVER',
    };
  },
});

export const actionSelectAll = register<undefined>({
  name: 'selectAll',
  label: 'Select all',
  shortcut: 'Ctrl+A',
  keyTest: (k) => k.mod && k.key.toLowerCase() === 'a',
  perform({ document: doc, appState }) {
    const level = appState.activeLevel;
    const ids = [
      ...doc.sections.filter((s) => s.level === level).map((s) => s.id),
      ...doc.shapes.filter((s) => s.level === level).map((s) => s.id),
      ...doc.texts.filter((t) => t.level === level).map((t) => t.id),
    ];
    return { appState: { selectedIds: ids }, captureUpdate: 'NEVER' };
  },
});
