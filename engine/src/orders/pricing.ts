// Prices a booking from the event's price table: one price per category and price type, in minor
// units of one currency. A seat whose category has no price for the requested type is refused by
// name rather than sold for nothing.
import { DomainError } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import type { BookingGaInput, BookingSeatInput } from './repo.ts';

export interface PricedBooking {
  seats: BookingSeatInput[];
  ga: BookingGaInput[];
  amount: number;
  currency: string;
}

/** Default currency of an event without prices (complimentary or not-yet-priced events). */
const FALLBACK_CURRENCY = 'EUR';

export function priceBooking(
  event: EventRuntime,
  seats: readonly number[],
  ga: readonly { areaId: string; quantity: number }[],
  priceType = 'full',
): PricedBooking {
  const table = new Map(event.prices.map((p) => [`${p.category}\u0000${p.priceType}`, p]));
  const currency = event.prices[0]?.currency ?? FALLBACK_CURRENCY;
  const missing = new Set<string>();
  const priceOf = (category: string | null): number => {
    if (event.prices.length === 0) return 0;
    const price = table.get(`${category ?? ''}\u0000${priceType}`);
    if (!price) missing.add(category ?? '(no category)');
    return price?.amount ?? 0;
  };
  const pricedSeats = seats.map((index) => {
    const category = event.layout.seats[index]?.category ?? null;
    return { index, category, priceType, amount: priceOf(category) };
  });
  const pricedGa = ga.map(({ areaId, quantity }) => {
    const area = event.layout.gaAreas.find((a) => a.id === areaId);
    const category = area?.category ?? null;
    const amount = priceOf(category) * quantity;
    // The capacity travels with the line so Postgres can fence standing places (orders/repo.ts).
    return { areaId, quantity, category, priceType, amount, capacity: area?.capacity ?? 0 };
  });
  if (missing.size) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `No "${priceType}" price set for categories: ${[...missing].join(', ')}`,
      { fields: { priceType: `not priced for ${[...missing].join(', ')}` } },
    );
  }
  const amount = [...pricedSeats, ...pricedGa].reduce((sum, line) => sum + line.amount, 0);
  return { seats: pricedSeats, ga: pricedGa, amount, currency };
}
