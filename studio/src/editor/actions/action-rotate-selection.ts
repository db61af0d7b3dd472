// Rotates the selected sections, tables and texts about their own origin ([ and ] turn by 15°).
import { register } from '../action.ts';
import { updateRecords } from '../update-records.ts';

const STEP = 15;
const norm = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;

export const actionRotateSelection = register<number | undefined>({
  name: 'rotateSelection',
  label: 'Rotate',
  shortcut: ']',
  keyTest: (k) => !k.mod && k.key === ']',
  perform({ document: doc, appState }, degrees) {
    const by = degrees ?? STEP;
    if (!Number.isFinite(by) || by === 0) return false;
    const turn = <T extends { readonly rotation: number }>(t: T): T => ({
      ...t,
      rotation: norm(t.rotation + by),
    });
    const next = updateRecords(doc, appState.selectedIds, {
      section: (s) => ({ ...s, transform: turn(s.transform) }),
      table: (t) => ({ ...t, transform: turn(t.transform) }),
      text: (t) => turn(t),
    });
    if (next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});

export const actionRotateSelectionBack = register<undefined>({
  name: 'rotateSelectionBack',
  label: 'Rotate back',
  shortcut: '[',
  keyTest: (k) => !k.mod && k.key === '[',
  perform(ctx) {
    return actionRotateSelection.perform(ctx, -STEP);
  },
});
