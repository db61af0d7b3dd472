// Draws the stage as a rectangle shape (role "stage") and puts the focal point, which
// best-available scores distance to, at its centre.
import { brand, type Point, type ShapeId } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';

export const actionAddStage = register<{ readonly from: Point; readonly to: Point }>({
  name: 'addStage',
  label: 'Add stage',
  perform({ document: doc, appState }, { from, to }) {
    if (Math.abs(to.x - from.x) < 1 || Math.abs(to.y - from.y) < 1) return false;
    const stage = {
      type: 'shape' as const,
      id: brand<ShapeId>(freshId(doc, 'stage')),
      level: appState.activeLevel,
      kind: 'rect' as const,
      points: [from, to],
      fill: '#343a40',
      label: 'Stage',
      role: 'stage' as const,
      version: 1,
      updated: Date.now(),
    };
    const focalPoint = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    return {
      document: { ...doc, shapes: [...doc.shapes, stage], focalPoint },
      appState: { selectedIds: [stage.id], tool: 'select' },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
