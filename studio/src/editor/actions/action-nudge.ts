// Arrow keys move the selection by one grid step (ten with Shift), one undo step per press.
import { register } from '../action.ts';
import { actionMoveSelection } from './action-move-selection.ts';

const DIRECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export const actionNudge = register<{ readonly key: string; readonly big: boolean } | undefined>({
  name: 'nudge',
  label: 'Nudge selection',
  shortcut: 'Arrow keys',
  keyTest: (k, s) => !k.mod && k.key in DIRECTIONS && s.selectedIds.length > 0,
  fromKey: (k) => ({ key: k.key, big: k.shiftKey }),
  perform(ctx, value) {
    const dir = value && DIRECTIONS[value.key];
    if (!dir) return false;
    const step = ctx.appState.gridSize * (value.big ? 10 : 1);
    return actionMoveSelection.perform(ctx, {
      dx: dir[0] * step,
      dy: dir[1] * step,
      captureUpdate: 'IMMEDIATELY',
    });
  },
});
