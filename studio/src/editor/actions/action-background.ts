// The traced background image: set it, adjust opacity, position, scale and lock, or remove it.
// Values go through the seatmaps Background schema, so a bad value changes nothing.
import { Background } from '@parterre/seatmaps';
import { register } from '../action.ts';

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
