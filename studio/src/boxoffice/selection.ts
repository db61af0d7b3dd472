// The counter's seat selection and what can be done with it: the seats by status, and which
// actions fit (sell or hold free seats, cancel sold ones, block free ones, unblock blocked ones).
// Pure: the screen keeps a sorted array of seat indexes.
import { SeatStatus } from '@parterre/seatmaps';

/** Adds the seats not yet selected, or removes them all when every one already is. */
export function toggleSeats(selection: readonly number[], seats: readonly number[]): number[] {
  const set = new Set(selection);
  const allIn = seats.length > 0 && seats.every((s) => set.has(s));
  for (const s of seats) {
    if (allIn) set.delete(s);
    else set.add(s);
  }
  return [...set].sort((a, b) => a - b);
}

export interface SelectionSummary {
  readonly free: number[];
  readonly held: number[];
  readonly booked: number[];
  readonly blocked: number[];
}

export function summarize(selection: readonly number[], status: Uint8Array): SelectionSummary {
  const out: SelectionSummary = { free: [], held: [], booked: [], blocked: [] };
  for (const i of selection) {
    switch (status[i]) {
      case SeatStatus.Held:
        out.held.push(i);
        break;
      case SeatStatus.Booked:
        out.booked.push(i);
        break;
      case SeatStatus.Blocked:
        out.blocked.push(i);
        break;
      default:
        out.free.push(i);
    }
  }
  return out;
}

/** What the selection is, for choosing the panel to show. */
export type SelectionKind = 'empty' | 'free' | 'held' | 'booked' | 'blocked' | 'mixed';

export function kindOf(summary: SelectionSummary): SelectionKind {
  const kinds = (['free', 'held', 'booked', 'blocked'] as const).filter(
    (k) => summary[k].length > 0,
  );
  if (kinds.length === 0) return 'empty';
  return kinds.length === 1 ? kinds[0]! : 'mixed';
}

/**
 * The total of selling seats of these categories at one price type; categories without that
 * price are listed in `missing` (the engine would refuse the sale).
 */
export function priceOf(
  categories: readonly (string | null)[],
  priceType: string,
  prices: readonly { category: string; priceType: string; amount: number; currency: string }[],
): { total: number; currency: string | null; missing: string[] } {
  let total = 0;
  let currency: string | null = null;
  const missing = new Set<string>();
  for (const category of categories) {
    const price = prices.find((p) => p.category === category && p.priceType === priceType);
    if (!price) {
      missing.add(category ?? 'uncategorised');
      continue;
    }
    total += price.amount;
    currency = price.currency;
  }
  return { total, currency, missing: [...missing] };
}
