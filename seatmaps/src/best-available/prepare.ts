// The per-layout half of best-available: rows, categories and positions packed into typed arrays
// once per published map version, so each request is a tight scan over numbers. The engine caches
// the result per event (a map version never changes once published).
import type { LayoutSeat } from '../model/layout.ts';

/** Seat flag bits in `PreparedBestAvailable.flags`. */
export const ACCESSIBLE = 1;
export const RESTRICTED_VIEW = 2;

/**
 * The fields of a layout seat best-available reads. `container` is optional for callers that only
 * have labels (the picker gets it from the engine only where labels are ambiguous): without it,
 * seats group by section, label and `atTable` alone.
 */
export type BestAvailableSeat = Pick<
  LayoutSeat,
  | 'index'
  | 'row'
  | 'sectionId'
  | 'category'
  | 'x'
  | 'y'
  | 'accessible'
  | 'restrictedView'
  | 'atTable'
> &
  Partial<Pick<LayoutSeat, 'container'>>;

/**
 * Rows and seat attributes in typed arrays. A "row" is a run of consecutive seat indexes of one
 * row or table record (layout `container`; also split where section, label or `atTable` change):
 * the layout emits each row's or table's seats together in generation order, so neighbouring
 * indexes in a run are neighbours on the floor. Two rows or tables sharing a label in one section
 * (two "Table 3"s, far apart) are two runs: a label is not an identity.
 * A table's run is a ring (`rowRing`): the generators number chairs round the table, round or
 * rectangular, so its last seat sits next to its first.
 */
export interface PreparedBestAvailable {
  readonly seatCount: number;
  /** Row r holds seat indexes `rowStart[r]` … `rowStart[r + 1] - 1`, in order along the row. */
  readonly rowStart: Int32Array;
  readonly rowCount: number;
  /** Section number (see `sectionIds`) of each row. */
  readonly rowSection: Int32Array;
  /** 1 when row r is a table's seats (a ring: its last seat is next to its first), else 0. */
  readonly rowRing: Uint8Array;
  readonly longestRow: number;
  /** Per seat index. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Category number (see `categoryIds`) per seat index, -1 for none. */
  readonly category: Int32Array;
  readonly flags: Uint8Array;
  readonly categoryIds: ReadonlyMap<string, number>;
  readonly sectionIds: ReadonlyMap<string, number>;
  /** Bounding box of all seats, to normalise distances. */
  readonly bounds: {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  };
}

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/**
 * Builds the row structure of a layout for `findBestAvailable` and `findOrphans`.
 * Throws a RangeError when seats are not in index order (seat i must have `index === i`).
 * @example
 * const prepared = prepareBestAvailable(buildLayout(doc)); // once per published version
 * findBestAvailable(prepared, status, { quantity: 4, focalPoint: doc.focalPoint });
 */
export function prepareBestAvailable(layout: {
  readonly seats: readonly BestAvailableSeat[];
}): PreparedBestAvailable {
  const seats = layout.seats;
  const n = seats.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const category = new Int32Array(n);
  const flags = new Uint8Array(n);
  const categoryIds = new Map<string, number>();
  const sectionIds = new Map<string, number>();
  const starts: number[] = [];
  const sections: number[] = [];
  const rings: number[] = [];
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = seats[i] as BestAvailableSeat;
    if (s.index !== i)
      throw new RangeError(
        `layout seat at position ${i} has index ${s.index}; seats must be in index order`,
      );
    const prev = seats[i - 1];
    if (
      !prev ||
      prev.sectionId !== s.sectionId ||
      prev.container !== s.container ||
      prev.row !== s.row ||
      prev.atTable !== s.atTable
    ) {
      starts.push(i);
      sections.push(intern(sectionIds, s.sectionId));
      rings.push(s.atTable ? 1 : 0);
    }
    x[i] = s.x;
    y[i] = s.y;
    category[i] = s.category === null ? -1 : intern(categoryIds, s.category);
    flags[i] = (s.accessible ? ACCESSIBLE : 0) | (s.restrictedView ? RESTRICTED_VIEW : 0);
    minX = Math.min(minX, s.x);
    minY = Math.min(minY, s.y);
    maxX = Math.max(maxX, s.x);
    maxY = Math.max(maxY, s.y);
  }
  const rowStart = Int32Array.from([...starts, n]);
  let longestRow = 0;
  for (let r = 0; r < starts.length; r++) {
    longestRow = Math.max(longestRow, (rowStart[r + 1] as number) - (rowStart[r] as number));
  }
  return {
    seatCount: n,
    rowStart,
    rowCount: starts.length,
    rowSection: Int32Array.from(sections),
    rowRing: Uint8Array.from(rings),
    longestRow,
    x,
    y,
    category,
    flags,
    categoryIds,
    sectionIds,
    bounds: { minX, minY, maxX, maxY },
  };
}
