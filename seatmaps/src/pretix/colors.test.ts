import { describe, expect, it } from 'vitest';
import { normalizeColor } from './colors.ts';

describe('normalizeColor', () => {
  it.each([
    ['#C0392B', '#c0392b'],
    ['#333', '#333333'],
    ['#333a', '#333333'],
    ['#11223344', '#112233'],
    ['red', '#ff0000'],
    [' SteelBlue ', '#4682b4'],
    ['rgb(255, 230, 200)', '#ffe6c8'],
    ['rgba(0,0,0,0.5)', '#000000'],
    ['rgb(100% 0% 50%)', '#ff0080'],
    ['rgb(300, -5, 0)', '#ff0000'],
  ])('reads %s as %s', (css, hex) => {
    expect(normalizeColor(css)).toBe(hex);
  });

  it.each(['', 'transparent', 'hsl(0, 50%, 50%)', '#12345', '#ggg', 'rgb(1,2)', 'blurple'])(
    'rejects %j',
    (css) => {
      expect(normalizeColor(css)).toBeNull();
    },
  );
});
