// Marks the selected seats (or every seat of selected rows and tables) accessible, restricted
// view or companion, or clears the mark.
import type { Seat } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { selectedSeatIds } from '../selection.ts';
import { updateRecords } from '../update-records.ts';

export interface SeatFlagPatch {
  readonly flag: 'accessible' | 'restrictedView' | 'companion';
  readonly value: boolean;
}

export const actionSetSeatFlags = register<SeatFlagPatch>({
  name: 'setSeatFlags',
  label: 'Set seat flags',
  perform({ document: doc, appState }, { flag, value }) {
    const ids = selectedSeatIds(doc, appState.selectedIds);
    const next = updateRecords(doc, ids, {
      seat: (s): Seat => {
        if ((s[flag] ?? false) === value) return s;
        if (value) return { ...s, [flag]: true };
        const copy: Record<string, unknown> = { ...s };
        delete copy[flag];
        return copy as Seat;
      },
    });
    if (next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
