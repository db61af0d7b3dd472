// Draws a decoration shape (walls, bars, aisles, pillars): a rectangle or an ellipse given by two
// opposite corners.
import { brand, type Point, type ShapeId } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';

export interface DrawnShape {
  readonly kind: 'rect' | 'ellipse';
  readonly from: Point;
  readonly to: Point;
}

export const actionAddShape = register<DrawnShape>({
  name: 'addShape',
  label: 'Add shape',
  perform({ document: doc, appState }, { kind, from, to }) {
    if (Math.abs(to.x - from.x) < 1 || Math.abs(to.y - from.y) < 1) return false;
    const shape = {
      type: 'shape' as const,
      id: brand<ShapeId>(freshId(doc, `shape-${doc.shapes.length + 1}`)),
      level: appState.activeLevel,
      kind,
      points: [from, to],
      fill: '#dee2e6',
      stroke: '#868e96',
      role: 'decoration' as const,
      version: 1,
      updated: Date.now(),
    };
    return {
      document: { ...doc, shapes: [...doc.shapes, shape] },
      appState: { selectedIds: [shape.id] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
