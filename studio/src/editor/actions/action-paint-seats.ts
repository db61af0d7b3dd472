// The category brush: gives seats their own category as the brush passes over them. A stroke is
// EVENTUALLY updates closed by one IMMEDIATELY, so it undoes in one step.
import type { CategoryKey } from '@parterre/seatmaps';
import { register } from '../action.ts';
import type { CaptureUpdate } from '../types.ts';
import { updateRecords } from '../update-records.ts';
import { withCategory } from './action-assign-category.ts';

export interface PaintSeats {
  readonly seatIds: readonly string[];
  readonly captureUpdate: CaptureUpdate;
}

export const actionPaintSeats = register<PaintSeats>({
  name: 'paintSeats',
  label: 'Paint seats',
  perform({ document: doc, appState }, { seatIds, captureUpdate }) {
    const key = appState.brushCategory;
    if (!key || !doc.categories.some((c) => c.key === key)) return false;
    const next = updateRecords(doc, seatIds, { seat: (s) => withCategory(s, key as CategoryKey) });
    return next === doc ? { captureUpdate } : { document: next, captureUpdate };
  },
});

export const actionSetBrushCategory = register<string>({
  name: 'setBrushCategory',
  label: 'Choose brush category',
  perform({ document: doc }, key) {
    if (!doc.categories.some((c) => c.key === key)) return false;
    return { appState: { brushCategory: key, tool: 'brush' }, captureUpdate: 'NEVER' };
  },
});
