// Seat colours as small integers: the renderer keeps one colour index per seat in a typed array
// and batches drawing by index, so a repaint is a lookup, never a string comparison per seat.
import type { PickerCategory, PickerTheme } from './types.ts';

/** Default colours: greys for unavailable seats so category colours stay the loudest thing. */
export const DEFAULT_THEME: PickerTheme = {
  background: '#ffffff',
  held: '#b8bec6',
  booked: '#8a9099',
  blocked: '#5c636b',
  selected: '#1b7f3b',
  uncategorised: '#7a7f87',
  focusRing: '#0b57d0',
  gaFill: 'rgba(120, 130, 150, 0.18)',
  text: '#1f2328',
  font: 'system-ui, sans-serif',
};

/**
 * Palette layout: one entry per category (free seats), then fixed slots. Keeping the slots after
 * the categories lets the palette grow with the categories without renumbering.
 */
export interface Palette {
  readonly colors: readonly string[];
  readonly held: number;
  readonly booked: number;
  readonly blocked: number;
  readonly selected: number;
  readonly uncategorised: number;
}

/**
 * Builds the palette for a layout's categories under a theme.
 * @example buildPalette([{ key: 'A', label: 'Front', color: '#d9480f' }], DEFAULT_THEME).colors[0] // '#d9480f'
 */
export function buildPalette(categories: readonly PickerCategory[], theme: PickerTheme): Palette {
  const n = categories.length;
  return {
    colors: [
      ...categories.map((c) => c.color),
      theme.held,
      theme.booked,
      theme.blocked,
      theme.selected,
      theme.uncategorised,
    ],
    held: n,
    booked: n + 1,
    blocked: n + 2,
    selected: n + 3,
    uncategorised: n + 4,
  };
}

/**
 * The colour index of one seat. `category` is the category's position (-1 for none); `status`
 * the engine's status byte. A selected seat shows as selected whatever the engine says: the
 * visitor's own hold reads as "held" in the live status.
 * @example colourIndex(palette, 0, 2, false) === palette.booked
 */
export function colourIndex(
  palette: Palette,
  status: number,
  category: number,
  selected: boolean,
): number {
  if (selected) return palette.selected;
  switch (status) {
    case 0:
      return category >= 0 ? category : palette.uncategorised;
    case 1:
      return palette.held;
    case 2:
      return palette.booked;
    default:
      return palette.blocked;
  }
}
