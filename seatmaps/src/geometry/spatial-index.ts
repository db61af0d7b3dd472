// A static spatial index over world-space seats: a packed Hilbert R-tree (flatbush) built once
// per published layout or per edit of the studio's scene. Seats never move between edits, so a
// static tree beats a dynamic one in both build time and query time.
import Flatbush from 'flatbush';
import { SEAT_RADIUS } from './seat.ts';

export interface NeighborQuery {
  /** At most this many seats (default: all within `maxDistance`). */
  readonly k?: number;
  /** Only seats whose centre is at most this far (default: no limit). */
  readonly maxDistance?: number;
}

/**
 * Answers "which seat is under the pointer", "which seats are in this viewport or lasso box" and
 * "which seats are nearest" in well under a millisecond for 100,000 seats. Results are indexes
 * into the array the index was built from.
 * @example
 * const index = SeatIndex.build(layout.seats);
 * const hit = index.seatAt(pointer.x, pointer.y); // -1 when no seat is there
 */
export class SeatIndex {
  private constructor(
    /** `null` when there are no seats: flatbush cannot hold zero items. */
    private readonly tree: Flatbush | null,
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
  ) {}

  /**
   * Indexes seat centres; throws a RangeError naming the first seat with a non-finite position.
   * @example SeatIndex.build(buildLayout(doc).seats)
   */
  static build(seats: readonly { readonly x: number; readonly y: number }[]): SeatIndex {
    const n = seats.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const { x, y } = seats[i] as { x: number; y: number };
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new RangeError(`seat ${i} has a non-finite position (${x}, ${y})`);
      }
      xs[i] = x;
      ys[i] = y;
    }
    if (n === 0) return new SeatIndex(null, xs, ys);
    const tree = new Flatbush(n);
    for (let i = 0; i < n; i++) tree.add(xs[i] as number, ys[i] as number);
    tree.finish();
    return new SeatIndex(tree, xs, ys);
  }

  /** Number of seats indexed. */
  get size(): number {
    return this.xs.length;
  }

  /**
   * The seat whose centre is nearest to (x, y) and at most `radius` away, or -1.
   * @example index.seatAt(pointer.x, pointer.y, SEAT_RADIUS / zoom)
   */
  seatAt(x: number, y: number, radius = SEAT_RADIUS): number {
    if (!this.tree) return -1;
    return this.tree.neighbors(x, y, 1, radius)[0] ?? -1;
  }

  /**
   * Seats whose centre lies in the rectangle (edges included), in no particular order.
   * @example index.inRect(view.minX, view.minY, view.maxX, view.maxY) // seats to draw
   */
  inRect(minX: number, minY: number, maxX: number, maxY: number): number[] {
    if (!this.tree || minX > maxX || minY > maxY) return [];
    return this.tree.search(minX, minY, maxX, maxY);
  }

  /**
   * Seats nearest to (x, y), closest first.
   * @example index.neighbors(seat.x, seat.y, { k: 7, maxDistance: 60 }) // the seat and its neighbours
   */
  neighbors(x: number, y: number, query: NeighborQuery = {}): number[] {
    if (!this.tree) return [];
    return this.tree.neighbors(x, y, query.k ?? Infinity, query.maxDistance ?? Infinity);
  }

  /**
   * Calls `visit(j)` for every seat j > i whose centre is closer than `distance` to seat i:
   * each close pair is seen exactly once when called for every i.
   * @example index.forEachCloserThan(i, 20, (j) => pairs.push([i, j]))
   */
  forEachCloserThan(i: number, distance: number, visit: (j: number) => void): void {
    if (!this.tree) return;
    const x = this.xs[i] as number;
    const y = this.ys[i] as number;
    const limit = distance * distance;
    this.tree.search(x - distance, y - distance, x + distance, y + distance, (j) => {
      if (j > i) {
        const dx = (this.xs[j] as number) - x;
        const dy = (this.ys[j] as number) - y;
        if (dx * dx + dy * dy < limit) visit(j);
      }
      return false;
    });
  }
}
