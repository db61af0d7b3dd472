// pretix stores colours as whatever CSS the plan's author typed ("red", "#f00", "rgb(…)"); the
// Parterre model only accepts "#rrggbb", so every colour is normalised on the way in.
import { CSS_NAMED_COLORS } from './css-colors.ts';

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0');

function fromHex(digits: string): string | null {
  if (!/^[0-9a-f]+$/.test(digits)) return null;
  // #rgb and #rgba double each digit; #rrggbbaa drops the alpha (Parterre colours are opaque).
  if (digits.length === 3 || digits.length === 4) {
    return `#${[...digits.slice(0, 3)].map((d) => d + d).join('')}`;
  }
  if (digits.length === 6 || digits.length === 8) return `#${digits.slice(0, 6)}`;
  return null;
}

function channel(part: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(part);
  if (!m) return null;
  const value = Number(m[1]);
  return m[2] ? (value * 255) / 100 : value;
}

function fromRgb(args: string): string | null {
  const parts = args.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3 || parts.length > 4) return null;
  const rgb = parts.slice(0, 3).map(channel);
  if (rgb.some((c) => c === null)) return null;
  return `#${(rgb as number[]).map(hex2).join('')}`;
}

/**
 * Turns a CSS colour (hex with 3, 4, 6 or 8 digits, `rgb()`/`rgba()`, or a CSS colour name) into
 * lower-case "#rrggbb". Returns null for anything else (e.g. `hsl()`, `transparent`, garbage).
 * @example normalizeColor('Red') // '#ff0000'
 * @example normalizeColor('#1Ab') // '#11aabb'
 */
export function normalizeColor(input: string): string | null {
  const css = input.trim().toLowerCase();
  if (css.startsWith('#')) return fromHex(css.slice(1));
  const rgb = /^rgba?\((.*)\)$/.exec(css);
  if (rgb) return fromRgb(rgb[1] ?? '');
  return CSS_NAMED_COLORS.get(css) ?? null;
}
