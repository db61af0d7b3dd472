// The standing places a visitor picked, per GA area, and how a quantity change goes through the
// seat holder. Adding places adds them to the hold; the engine releases standing places only
// with the whole hold (its release names seats, never quantities), so fewer places means:
// release the hold, then hold the seats and the remaining places again.
import { gaMaxQuantity, gaPrice, gaRemaining } from './ga-quantity.ts';
import type { GaStepperView } from './panel.ts';
import { formatPrice } from './price.ts';
import type { SeatModel } from './seat-model.ts';
import type { GaQuantity, PickedGa, SeatHolder, StatusSource } from './types.ts';

/** What bounds a quantity besides the area itself. */
export interface GaLimits {
  /** Live counts (undefined before the first snapshot: the whole capacity is free). */
  live: StatusSource['ga'];
  /** Seats selected or being held. */
  seats: number;
  maxSeats: number;
}

/** Thrown when the hold was released to lower a quantity but could not be taken again. */
export class HoldLostError extends Error {
  constructor(override readonly cause: unknown) {
    super(`Your hold was released and could not be renewed: ${(cause as Error).message}`);
    this.name = 'HoldLostError';
  }
}

/**
 * Quantities per GA area of one picker.
 * @example await picks.change('pit', 2, holder, ['A-1']); picks.quantityOf('pit') // 2
 */
export class GaPicks {
  /** areaId → quantity (> 0), in the order first picked. */
  private readonly quantities = new Map<string, number>();

  constructor(private readonly model: SeatModel) {}

  /** Standing places picked, over all areas. */
  get count(): number {
    let n = 0;
    for (const q of this.quantities.values()) n += q;
    return n;
  }

  get list(): GaQuantity[] {
    return [...this.quantities].map(([areaId, quantity]) => ({ areaId, quantity }));
  }

  quantityOf(areaId: string): number {
    return this.quantities.get(areaId) ?? 0;
  }

  /** Position of an area in `layout.gaAreas`; throws a RangeError naming the known ones. */
  areaIndex(areaId: string): number {
    const areas = this.model.layout.gaAreas;
    const k = areas.findIndex((a) => a.id === areaId);
    if (k < 0) {
      const known = areas.map((a) => a.id).join(', ') || 'none';
      throw new RangeError(`Unknown standing area "${areaId}"; areas: ${known}`);
    }
    return k;
  }

  /** Free standing places in area `k` (position in `layout.gaAreas`) by the live counts. */
  left(k: number, limits: GaLimits): number {
    const area = this.model.layout.gaAreas[k] as PickerGaArea;
    return gaRemaining(
      limits.live?.find((c) => c.areaId === area.id),
      area.capacity,
    );
  }

  /** Most places the visitor may have in area `k`: what they hold there plus what is left. */
  max(k: number, limits: GaLimits): number {
    const mine = this.quantityOf((this.model.layout.gaAreas[k] as PickerGaArea).id);
    return gaMaxQuantity({
      mine,
      remaining: this.left(k, limits),
      otherPicks: limits.seats + this.count - mine,
      maxSeats: limits.maxSeats,
    });
  }

  /** Steppers of the standing areas on level position `level`. */
  steppers(level: number, locale: string, limits: GaLimits): GaStepperView[] {
    const { layout, levels } = this.model;
    return layout.gaAreas.flatMap((area, k) => {
      if (levels.areaLevel[k] !== level) return [];
      const price = this.model.priceOf(area.category);
      return {
        areaId: area.id,
        label: area.label,
        priceText: price ? `${formatPrice(price.amount, price.currency, locale)} each` : '',
        remaining: this.left(k, limits),
        quantity: this.quantityOf(area.id),
        max: this.max(k, limits),
      };
    });
  }

  /** The public description of the picks (price = category price × quantity). */
  picked(): PickedGa[] {
    const { layout } = this.model;
    return this.list.map(({ areaId, quantity }) => {
      const area = layout.gaAreas[this.areaIndex(areaId)] as PickerGaArea;
      const categoryLabel = layout.categories.find((c) => c.key === area.category)?.label ?? '';
      const price = gaPrice(this.model.priceOf(area.category), quantity);
      const { label, section, category } = area;
      return { areaId, label, section, category, categoryLabel, quantity, price };
    });
  }

  /**
   * Sets an area's quantity through `holder` (null: local only). `seatIds` are the seats in the
   * same hold, held again when lowering a quantity releases the hold. Throws what the holder
   * throws (nothing changed), or HoldLostError after a release whose renewal failed (then
   * nothing is held any more and every quantity is 0).
   */
  async change(
    areaId: string,
    quantity: number,
    holder: SeatHolder | null,
    seatIds: readonly string[],
  ): Promise<void> {
    const delta = quantity - this.quantityOf(areaId);
    if (delta === 0) return;
    if (holder && delta > 0) await holder.hold([], [{ areaId, quantity: delta }]);
    if (holder && delta < 0) {
      const rest = this.list
        .map((g) => (g.areaId === areaId ? { areaId, quantity } : g))
        .filter((g) => g.quantity > 0);
      await holder.release();
      try {
        if (seatIds.length || rest.length) await holder.hold([...seatIds], rest);
      } catch (err) {
        this.quantities.clear();
        throw new HoldLostError(err);
      }
    }
    if (quantity > 0) this.quantities.set(areaId, quantity);
    else this.quantities.delete(areaId);
  }

  /** Forgets every quantity (the hold was released as a whole, or checked out). */
  clear(): void {
    this.quantities.clear();
  }
}

type PickerGaArea = SeatModel['layout']['gaAreas'][number];
