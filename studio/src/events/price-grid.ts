// The event form's price grid: one text cell per category × price type, in the event's currency.
// Turned into the engine's price list (minor units) with a plain-words problem per bad cell.
import { parseMoney, minorToInput } from '../shell/format.ts';

export interface Price {
  readonly category: string;
  readonly priceType: string;
  readonly amount: number;
  readonly currency: string;
}

/** Cell text by `${category}/${priceType}`. */
export type PriceCells = Readonly<Record<string, string>>;

export const cellKey = (category: string, priceType: string) => `${category}/${priceType}`;

export interface GridResult {
  readonly prices: Price[];
  /** Problems by cell key (or 'currency' / 'priceTypes'). */
  readonly problems: Record<string, string>;
}

/** Price-type names as typed ("full, reduced , child") without blanks or repeats. */
export function parsePriceTypes(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const name = part.trim().toLowerCase();
    if (name) seen.add(name);
  }
  return [...seen];
}

/**
 * The prices the grid describes. An empty cell means "not sold at this price type"; every
 * category needs at least one price, or its seats could not be sold.
 * @example pricesFromGrid(['A'], ['full'], { 'A/full': '45' }, 'EUR').prices
 * // [{ category: 'A', priceType: 'full', amount: 4500, currency: 'EUR' }]
 */
export function pricesFromGrid(
  categories: readonly string[],
  priceTypes: readonly string[],
  cells: PriceCells,
  currency: string,
): GridResult {
  const problems: Record<string, string> = {};
  const prices: Price[] = [];
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'Use a three-letter code such as EUR.';
  if (priceTypes.length === 0) problems.priceTypes = 'Name at least one price type, e.g. full.';
  for (const category of categories) {
    let any = false;
    for (const priceType of priceTypes) {
      const key = cellKey(category, priceType);
      const text = (cells[key] ?? '').trim();
      if (!text) continue;
      const amount = parseMoney(text, problems.currency ? 'EUR' : currency);
      if (amount === null) {
        problems[key] = `“${text}” is not a price; type it like 12.50.`;
        continue;
      }
      any = true;
      prices.push({ category, priceType, amount, currency });
    }
    if (!any && priceTypes.length > 0) {
      const first = cellKey(category, priceTypes[0]!);
      problems[first] ??= 'Give this category at least one price.';
    }
  }
  return { prices, problems };
}

/** The grid cells, price types and currency of an existing price list (to duplicate an event). */
export function gridFromPrices(prices: readonly Price[]): {
  cells: Record<string, string>;
  priceTypes: string[];
  currency: string | null;
} {
  const cells: Record<string, string> = {};
  const types: string[] = [];
  for (const p of prices) {
    cells[cellKey(p.category, p.priceType)] = minorToInput(p.amount, p.currency);
    if (!types.includes(p.priceType)) types.push(p.priceType);
  }
  return { cells, priceTypes: types, currency: prices[0]?.currency ?? null };
}
