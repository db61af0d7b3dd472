// Rules for buying standing (GA) places: how many are left, how far a visitor's stepper may go,
// and what a quantity costs. Pure, so the picker and its tests share one definition.
import type { PickerPrice } from './types.ts';

/** One GA area's live counts (LiveEvent's `ga` entries). */
export interface GaCounts {
  areaId: string;
  capacity: number;
  held: number;
  booked: number;
}

/**
 * Places still free in an area: capacity − held − booked, never below 0. Without live counts
 * (not synced yet) the whole capacity.
 * @example gaRemaining({ areaId: 'pit', capacity: 100, held: 5, booked: 20 }, 100) // 75
 */
export function gaRemaining(counts: GaCounts | undefined, capacity: number): number {
  if (!counts) return capacity;
  return Math.max(0, counts.capacity - counts.held - counts.booked);
}

/**
 * Most places this visitor may have in one area: what they hold there plus what is free,
 * capped by `maxSeats` minus the seats and other standing places they already picked.
 * @example gaMaxQuantity({ mine: 2, remaining: 10, otherPicks: 7, maxSeats: 10 }) // 3
 */
export function gaMaxQuantity(p: {
  mine: number;
  remaining: number;
  otherPicks: number;
  maxSeats: number;
}): number {
  return Math.max(0, Math.min(p.mine + p.remaining, p.maxSeats - p.otherPicks));
}

/**
 * Why `quantity` cannot be chosen ('' when it can): not a whole number ≥ 0, or above `max`.
 * @example gaQuantityProblem(4, 3) // 'only 3 places can be held here'
 */
export function gaQuantityProblem(quantity: number, max: number): string {
  if (!Number.isInteger(quantity) || quantity < 0) {
    return `quantity must be a whole number of places, got ${quantity}`;
  }
  if (quantity > max) return `only ${max} places can be held here`;
  return '';
}

/**
 * The price of `quantity` places of one category price (null stays null: no price set).
 * @example gaPrice(eur20, 3) // { …eur20, amount: 6000 }
 */
export function gaPrice(price: PickerPrice | null, quantity: number): PickerPrice | null {
  return price && { ...price, amount: price.amount * quantity };
}
