// The layout packed for drawing and lookup: positions, category numbers and colour indexes in
// typed arrays (80,000 seats are a few hundred KB, scanned in a millisecond), the flatbush
// spatial index for hit-tests, and per-section seat lists for "zoom to section".
import { SeatIndex } from '@parterre/seatmaps/client';
import { packLevels, type PackedLevels } from './levels.ts';
import { priceTable } from './price.ts';
import type { PickedSeat, PickerLayout, PickerPrice } from './types.ts';
import { boundsOf, type Bounds } from './view.ts';

/**
 * Read-only seat data of one layout.
 * @example
 * const model = SeatModel.from(layout, 'full');
 * model.index.seatAt(x, y) // seat under a world point, or -1
 */
export class SeatModel {
  /** Built on first lookup: only selection by id (best available, restore) needs it. */
  private ids: Map<string, number> | undefined;

  private constructor(
    readonly layout: PickerLayout,
    readonly xs: Float64Array,
    readonly ys: Float64Array,
    /** Category position in `layout.categories`, -1 for none. */
    readonly category: Int16Array,
    readonly index: SeatIndex,
    /** Everything worth showing: seats, standing areas and the stage marker. */
    readonly bounds: Bounds,
    readonly sections: ReadonlyMap<string, number[]>,
    /** Level of every seat and standing area (one byte each). */
    readonly levels: PackedLevels,
    private prices: Map<string, PickerPrice>,
  ) {}

  /** Packs a layout; throws a RangeError when seat indexes are not 0…n−1 in order. */
  static from(layout: PickerLayout, priceType: string): SeatModel {
    const n = layout.seats.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const category = new Int16Array(n);
    const categoryPos = new Map(layout.categories.map((c, i) => [c.key, i]));
    const sections = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const seat = layout.seats[i] as PickerLayout['seats'][number];
      if (seat.index !== i) throw new RangeError(`layout seat ${i} has index ${seat.index}`);
      xs[i] = seat.x;
      ys[i] = seat.y;
      category[i] = seat.category === null ? -1 : (categoryPos.get(seat.category) ?? -1);
      let list = sections.get(seat.section);
      if (!list) sections.set(seat.section, (list = []));
      list.push(i);
    }
    const index = SeatIndex.build(layout.seats);
    const bounds = mapBounds(layout, n > 0 ? boundsOf(xs, ys) : undefined);
    return new SeatModel(
      layout,
      xs,
      ys,
      category,
      index,
      bounds,
      sections,
      packLevels(layout),
      priceTable(layout.prices, priceType),
    );
  }

  get size(): number {
    return this.xs.length;
  }

  /** Switches the price type the seats report (setOptions without rebuilding). */
  setPriceType(priceType: string): void {
    this.prices = priceTable(this.layout.prices, priceType);
  }

  /** Price of a category under the current price type. */
  priceOf(category: string | null): PickerPrice | null {
    return category === null ? null : (this.prices.get(category) ?? null);
  }

  /** The public description of seat `i`. */
  seat(i: number): PickedSeat {
    const s = this.layout.seats[i] as PickerLayout['seats'][number];
    const cat = this.category[i] as number;
    return {
      index: i,
      id: s.id,
      label: s.label,
      row: s.row,
      section: s.section,
      category: s.category,
      categoryLabel: cat >= 0 ? (this.layout.categories[cat]?.label ?? '') : '',
      price: this.priceOf(s.category),
    };
  }

  /** Seat index of an id, or -1. */
  indexOf(id: string): number {
    this.ids ??= new Map(this.layout.seats.map((s) => [s.id, s.index]));
    return this.ids.get(id) ?? -1;
  }

  /** Level position of a section (of its first seat, else its first standing area), or -1. */
  sectionLevel(section: string): number {
    const first = this.sections.get(section)?.[0];
    if (first !== undefined) return this.levels.seatLevel[first] as number;
    const area = this.layout.gaAreas.findIndex((a) => a.section === section);
    return area < 0 ? -1 : (this.levels.areaLevel[area] as number);
  }

  /** Bounds of a section's seats, or undefined for an unknown section. */
  sectionBounds(section: string): Bounds | undefined {
    const seats = this.sections.get(section);
    return seats ? boundsOf(this.xs, this.ys, seats) : undefined;
  }
}

/** Seats, standing areas and the stage marker: what "show the whole map" shows. */
function mapBounds(layout: PickerLayout, seats: Bounds | undefined): Bounds {
  const points = [...layout.gaAreas.flatMap((a) => a.outline), layout.focalPoint];
  let { minX, minY, maxX, maxY } =
    seats ?? boundsOf([0, layout.size.width], [0, layout.size.height]);
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}
