// Prices as visitors read them: minor units turned into "45.00 EUR", with the currency's own
// number of decimals (JPY has none), and the price table the legend and totals use.
import type { PickerPrice } from './types.ts';

const fractionDigits = (currency: string): number => {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2; // an unknown code still gets a readable amount
  }
};

/**
 * Formats minor units as amount plus ISO code, the form screen readers say unambiguously.
 * @example formatPrice(4500, 'EUR') // '45.00 EUR'
 * @example formatPrice(1200, 'JPY') // '1,200 JPY'
 */
export function formatPrice(amount: number, currency: string, locale = 'en'): string {
  const digits = fractionDigits(currency);
  const value = amount / 10 ** digits;
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${currency}`;
}

/**
 * Category key → its price of `priceType`, falling back to the category's first price so a map
 * priced only with other types still shows something.
 * @example priceTable(prices, 'full').get('A') // { category: 'A', amount: 5000, … }
 */
export function priceTable(
  prices: readonly PickerPrice[],
  priceType: string,
): Map<string, PickerPrice> {
  const table = new Map<string, PickerPrice>();
  for (const p of prices) if (p.priceType === priceType) table.set(p.category, p);
  for (const p of prices) if (!table.has(p.category)) table.set(p.category, p);
  return table;
}

/**
 * Sums prices per currency (an event may be priced in several), in first-seen order.
 * @example sumPrices([eur45, eur30]) // [{ amount: 7500, currency: 'EUR' }]
 */
export function sumPrices(
  prices: readonly (PickerPrice | null)[],
): { amount: number; currency: string }[] {
  const totals = new Map<string, number>();
  for (const p of prices) if (p) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}
