// The traced background image: set it, adjust opacity, position, scale and lock, or remove it,
// and drag it on the canvas while unlocked. Values go through the seatmaps Background schema, so
// a bad value changes nothing.
import { Background } from '@parterre/seatmaps';
import { register } from '../action.ts';
import type { CaptureUpdate } from '../types.ts';

export interface BackgroundPatch {
  readonly url?: string;
  readonly opacity?: number;
  readonly x?: number;
  readonly y?: number;
  readonly scale?: number;
  readonly locked?: boolean;
}

export const actionSetBackground = register<BackgroundPatch | null>({
  name: 'setBackground',
  label: 'Background image',
  perform({ document: doc }, patch) {
    if (patch === null) {
      if (!doc.background) return false;
      const { background: _removed, ...rest } = doc;
      return { document: rest, captureUpdate: 'IMMEDIATELY' };
    }
    const parsed = Background.safeParse({ ...doc.background, ...patch });
    if (!parsed.success) return false;
    return { document: { ...doc, background: parsed.data }, captureUpdate: 'IMMEDIATELY' };
  },
});

export interface MoveBackgroundBy {
  readonly dx: number;
  readonly dy: number;
  readonly captureUpdate: CaptureUpdate;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Moves an unlocked background image by a world offset. A drag on the canvas sends EVENTUALLY
 * frames closed by one IMMEDIATELY (`{ dx: 0, dy: 0 }`), so the drag undoes in one step.
 * @example editor.run(actionMoveBackground, { dx: 20, dy: 0, captureUpdate: 'IMMEDIATELY' })
 */
export const actionMoveBackground = register<MoveBackgroundBy>({
  name: 'moveBackground',
  label: 'Move background image',
  perform({ document: doc }, { dx, dy, captureUpdate }) {
    const bg = doc.background;
    if (!bg || bg.locked || !Number.isFinite(dx) || !Number.isFinite(dy)) return false;
    if (dx === 0 && dy === 0) return { captureUpdate };
    const background = { ...bg, x: round(bg.x + dx), y: round(bg.y + dy) };
    return { document: { ...doc, background }, captureUpdate };
  },
});
