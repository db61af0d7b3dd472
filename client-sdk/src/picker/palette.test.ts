import { describe, expect, it } from 'vitest';
import { buildPalette, colourIndex, DEFAULT_THEME } from './palette.ts';

const categories = [
  { key: 'A', label: 'Front', color: '#d9480f' },
  { key: 'B', label: 'Back', color: '#1971c2' },
];
const palette = buildPalette(categories, DEFAULT_THEME);

describe('buildPalette', () => {
  it('puts category colours first, then the status slots', () => {
    expect(palette.colors).toEqual([
      '#d9480f',
      '#1971c2',
      DEFAULT_THEME.held,
      DEFAULT_THEME.booked,
      DEFAULT_THEME.blocked,
      DEFAULT_THEME.selected,
      DEFAULT_THEME.uncategorised,
    ]);
    expect([palette.held, palette.booked, palette.blocked, palette.selected]).toEqual([2, 3, 4, 5]);
  });

  it('takes status colours from the theme', () => {
    const themed = buildPalette(categories, { ...DEFAULT_THEME, held: '#123456' });
    expect(themed.colors[themed.held]).toBe('#123456');
  });
});

describe('colourIndex', () => {
  it('colours free seats by category, uncategorised ones apart', () => {
    expect(colourIndex(palette, 0, 1, false)).toBe(1);
    expect(colourIndex(palette, 0, -1, false)).toBe(palette.uncategorised);
  });

  it('colours held, booked and blocked seats by status whatever their category', () => {
    expect(colourIndex(palette, 1, 0, false)).toBe(palette.held);
    expect(colourIndex(palette, 2, 0, false)).toBe(palette.booked);
    expect(colourIndex(palette, 3, 0, false)).toBe(palette.blocked);
  });

  it('shows the visitor’s own (held) seats as selected', () => {
    expect(colourIndex(palette, 1, 0, true)).toBe(palette.selected);
  });

  it('treats an unknown status byte as not for sale', () => {
    expect(colourIndex(palette, 9, 0, false)).toBe(palette.blocked);
  });
});
