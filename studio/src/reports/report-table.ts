// A report's rows as the page shows them: a title per grouping, a plain-words key, totals per
// currency.
import type { ReportRow } from '../api/reports-api.ts';

export const GROUPING_TITLES: Record<string, string> = {
  status: 'By status',
  category: 'By price category',
  priceType: 'By price type',
  price_type: 'By price type',
  channel: 'By channel',
  zone: 'By zone',
};

export const groupingTitle = (by: string) =>
  GROUPING_TITLES[by] ??
  `By ${by
    .replace(/([A-Z])/g, ' $1')
    .replace(/_/g, ' ')
    .toLowerCase()}`;

const STATUS_WORDS: Record<string, string> = {
  booked: 'Sold',
  cancelled: 'Cancelled',
  blocked: 'Blocked',
};

export function keyText(
  by: string,
  key: string | null,
  names: ReadonlyMap<string, string>,
): string {
  if (key === null) {
    if (by === 'category') return 'No category';
    return by === 'channel' ? 'Direct (no channel)' : 'None';
  }
  if (by === 'status') return STATUS_WORDS[key] ?? key;
  return names.get(key) ?? key;
}

export interface Totals {
  readonly bookings: number;
  readonly count: number;
  readonly revenue: { currency: string; amount: number }[];
}

/** Totals of rows; revenue per currency (rows without a currency add no money). */
export function totalsOf(rows: readonly ReportRow[]): Totals {
  const money = new Map<string, number>();
  let bookings = 0;
  let count = 0;
  for (const r of rows) {
    bookings += r.bookings;
    count += r.count;
    if (r.currency) money.set(r.currency, (money.get(r.currency) ?? 0) + r.revenue);
  }
  return {
    bookings,
    count,
    revenue: [...money].map(([currency, amount]) => ({ currency, amount })),
  };
}
