// Levels (floors, tiers): add one, rename one, switch the one being edited.
import { brand, type LevelId } from '@parterre/seatmaps';
import { register } from '../action.ts';

export const actionAddLevel = register<{ readonly name: string }>({
  name: 'addLevel',
  label: 'Add level',
  perform({ document: doc }, { name }) {
    const label = name.trim();
    if (!label || label.length > 64) return false;
    const taken = new Set<string>(doc.levels.map((l) => l.id));
    let n = doc.levels.length + 1;
    while (taken.has(`level-${n}`)) n++;
    const level = { id: brand<LevelId>(`level-${n}`), name: label };
    return {
      document: { ...doc, levels: [...doc.levels, level] },
      appState: { activeLevel: level.id, selectedIds: [] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});

export const actionRenameLevel = register<{ readonly id: string; readonly name: string }>({
  name: 'renameLevel',
  label: 'Rename level',
  perform({ document: doc }, { id, name }) {
    const label = name.trim();
    if (!label || label.length > 64 || !doc.levels.some((l) => l.id === id)) return false;
    const levels = doc.levels.map((l) => (l.id === id ? { ...l, name: label } : l));
    return { document: { ...doc, levels }, captureUpdate: 'IMMEDIATELY' };
  },
});

export const actionSetActiveLevel = register<string>({
  name: 'setActiveLevel',
  label: 'Switch level',
  perform({ document: doc }, id) {
    const level = doc.levels.find((l) => l.id === id);
    if (!level) return false;
    return { appState: { activeLevel: level.id, selectedIds: [] }, captureUpdate: 'NEVER' };
  },
});
