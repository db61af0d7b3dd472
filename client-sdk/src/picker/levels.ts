// Levels (stalls, balcony…) of a layout packed for the picker: one byte per seat naming its
// level, so drawing, hit-tests and keyboard moves filter seats with one array read instead of
// keeping a spatial index per level. Balcony seats may sit at the same x/y as stalls seats, so
// only one level is ever shown.
import type { PickerLayout, PickerLevel } from './types.ts';

/** Levels of one layout and the level position of each seat. */
export interface PackedLevels {
  /** In document order (ground first); at least one. */
  readonly levels: readonly PickerLevel[];
  /** Level position per seat in `levels`. */
  readonly seatLevel: Uint8Array;
  /** Level position per GA area, in `layout.gaAreas` order. */
  readonly areaLevel: Uint8Array;
}

/** Used when the engine did not send levels (one level holds everything). */
const SINGLE_LEVEL: PickerLevel = { id: '', name: 'All seats' };

/**
 * Packs the levels of a layout. Level ids a seat names but `layout.levels` lacks are appended in
 * order of first use, so no seat is ever unreachable; at most 255 levels.
 * @example packLevels(layout).seatLevel[12] // 1: seat 12 is on the second level
 */
export function packLevels(layout: PickerLayout): PackedLevels {
  const levels: PickerLevel[] = [...(layout.levels ?? [])];
  const pos = new Map(levels.map((l, i) => [l.id, i]));
  const positionOf = (id: string | undefined): number => {
    const key = id ?? SINGLE_LEVEL.id;
    let p = pos.get(key);
    if (p === undefined) {
      p = levels.length;
      if (p > 254) throw new RangeError('a layout can have at most 255 levels');
      levels.push(key === '' ? SINGLE_LEVEL : { id: key, name: key });
      pos.set(key, p);
    }
    return p;
  };
  const seatLevel = Uint8Array.from(layout.seats, (s) => positionOf(s.level));
  const areaLevel = Uint8Array.from(layout.gaAreas, (a) => positionOf(a.level));
  if (levels.length === 0) levels.push(SINGLE_LEVEL);
  return { levels, seatLevel, areaLevel };
}

/**
 * Keeps the seats of one level, in order.
 * @example onLevel([4, 9, 2], seatLevel, 1) // those of 4, 9, 2 on level 1
 */
export function onLevel(seats: readonly number[], seatLevel: Uint8Array, level: number): number[] {
  return seats.filter((i) => seatLevel[i] === level);
}
