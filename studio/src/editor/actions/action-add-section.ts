// Adds a section drawn as a polygon outline (world coordinates); its origin is the outline's
// first vertex so rows drawn inside get small local coordinates.
import type { Point } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { newSection, putSection, toLocal } from './placement.ts';

export const actionAddSection = register<readonly Point[]>({
  name: 'addSection',
  label: 'Add section',
  perform({ document: doc, appState }, outline) {
    const origin = outline[0];
    if (!origin || outline.length < 3) return false;
    const empty = newSection(doc, appState.activeLevel, origin);
    const section = { ...empty, outline: outline.map((p) => toLocal(empty, p)) };
    return {
      document: putSection(doc, section),
      appState: { selectedIds: [section.id], tool: 'select' },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
