// Turning wheel and pinch input into camera moves: Ctrl/⌘+wheel and trackpad pinch zoom about
// the cursor, Shift+wheel and two-finger trackpad scroll pan, a plain mouse wheel zooms.
import { zoomAbout } from '../editor/actions/action-view.ts';
import type { Camera } from '../editor/types.ts';

export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  /** WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages. */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** Cursor position in the canvas (px). */
  readonly x: number;
  readonly y: number;
}

const LINE_PX = 16;

/**
 * The camera after a wheel event.
 * @example cameraAfterWheel(camera, { deltaX: 0, deltaY: -100, ctrlKey: true, … })
 */
export function cameraAfterWheel(camera: Camera, e: WheelInput): Camera {
  const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? 400 : 1;
  const dx = e.deltaX * scale;
  const dy = e.deltaY * scale;
  if (e.ctrlKey || e.metaKey) return zoomAbout(camera, Math.exp(-dy * 0.01), e.x, e.y);
  if (e.shiftKey) {
    // Browsers turn Shift+wheel into horizontal scroll on some platforms and not on others.
    const along = dx !== 0 ? dx : dy;
    return { ...camera, x: camera.x - along };
  }
  if (dx !== 0) return { ...camera, x: camera.x - dx, y: camera.y - dy };
  return zoomAbout(camera, Math.exp(-dy * 0.0015), e.x, e.y);
}

/** The camera after a pan by (dx, dy) screen pixels. */
export function cameraAfterPan(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}
