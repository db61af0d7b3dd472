// Camera and view toggles: zoom about a point, zoom to fit, grid, snapping to the grid and to
// other objects. View changes are
// never undoable.
import { documentBounds } from '@parterre/seatmaps';
import { register } from '../action.ts';
import type { Camera } from '../types.ts';

export const MIN_ZOOM = 0.01;
export const MAX_ZOOM = 20;
const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** The camera zoomed by `factor` keeping screen point (sx, sy) over the same world point. */
export function zoomAbout(camera: Camera, factor: number, sx: number, sy: number): Camera {
  const zoom = clampZoom(camera.zoom * factor);
  const k = zoom / camera.zoom;
  return { zoom, x: sx - (sx - camera.x) * k, y: sy - (sy - camera.y) * k };
}

export const actionZoomIn = register<undefined>({
  name: 'zoomIn',
  label: 'Zoom in',
  shortcut: '+',
  keyTest: (k) => !k.mod && (k.key === '+' || k.key === '='),
  perform({ appState: { camera, viewport } }) {
    const next = zoomAbout(camera, 1.25, viewport.width / 2, viewport.height / 2);
    return { appState: { camera: next }, captureUpdate: 'NEVER' };
  },
});

export const actionZoomOut = register<undefined>({
  name: 'zoomOut',
  label: 'Zoom out',
  shortcut: '−',
  keyTest: (k) => !k.mod && (k.key === '-' || k.key === '_'),
  perform({ appState: { camera, viewport } }) {
    const next = zoomAbout(camera, 0.8, viewport.width / 2, viewport.height / 2);
    return { appState: { camera: next }, captureUpdate: 'NEVER' };
  },
});

export const actionZoomToFit = register<undefined>({
  name: 'zoomToFit',
  label: 'Zoom to fit',
  shortcut: 'Shift+1',
  keyTest: (k) => k.shiftKey && (k.key === '!' || k.key === '1'),
  perform({ document: doc, appState: { viewport } }) {
    const b = documentBounds(doc) ?? {
      minX: 0,
      minY: 0,
      maxX: doc.size.width,
      maxY: doc.size.height,
    };
    // Room for the rulers (20 px) and the rotate knob above a frame at the top (28 px).
    const pad = 60;
    const w = Math.max(1, b.maxX - b.minX);
    const h = Math.max(1, b.maxY - b.minY);
    const zoom = clampZoom(
      Math.min((viewport.width - 2 * pad) / w, (viewport.height - 2 * pad) / h),
    );
    const x = (viewport.width - w * zoom) / 2 - b.minX * zoom;
    const y = (viewport.height - h * zoom) / 2 - b.minY * zoom;
    return { appState: { camera: { x, y, zoom } }, captureUpdate: 'NEVER' };
  },
});

export const actionToggleGrid = register<undefined>({
  name: 'toggleGrid',
  label: 'Show grid',
  shortcut: "Ctrl+'",
  keyTest: (k) => k.mod && k.key === "'",
  perform({ appState }) {
    return { appState: { showGrid: !appState.showGrid }, captureUpdate: 'NEVER' };
  },
});

export const actionToggleSnap = register<undefined>({
  name: 'toggleSnap',
  label: 'Snap to grid',
  shortcut: 'Shift+S',
  keyTest: (k) => k.shiftKey && !k.mod && k.key.toLowerCase() === 's',
  perform({ appState }) {
    return { appState: { snapToGrid: !appState.snapToGrid }, captureUpdate: 'NEVER' };
  },
});

export const actionToggleObjectSnap = register<undefined>({
  name: 'toggleObjectSnap',
  label: 'Snap to objects',
  shortcut: 'Shift+O',
  keyTest: (k) => k.shiftKey && !k.mod && k.key.toLowerCase() === 'o',
  perform({ appState }) {
    return { appState: { snapToObjects: !appState.snapToObjects }, captureUpdate: 'NEVER' };
  },
});
