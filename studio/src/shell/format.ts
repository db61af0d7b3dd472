// Plain-words formatting shared by the events, box office and report screens: money in minor
// units, counts, percentages, dates and "2 min ago".

/** Digits after the decimal point of a currency (JPY 0, EUR 2, …), from Intl. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * Minor units as money.
 * @example formatMoney(123450, 'EUR') // '€1,234.50'
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      minor / 10 ** digits,
    );
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** Several currencies as one line ("€120.00 + £40.00"); "—" for none. */
export function formatMoneyList(amounts: readonly { amount: number; currency: string }[]): string {
  if (amounts.length === 0) return '—';
  return amounts.map((a) => formatMoney(a.amount, a.currency)).join(' + ');
}

/**
 * A typed amount ("12.50", "12,50", "12") in minor units; null when it is not a price.
 * @example parseMoney('12.5', 'EUR') // 1250
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const cleaned = text.trim().replace(',', '.');
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as the plain number a price field shows ("12.50"). */
export function minorToInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export const formatCount = (n: number): string => n.toLocaleString('en');

/** 0…1 as a whole percentage ("42%"); below 1% but above 0 shows "<1%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '0%';
  if (ratio < 0.01) return '<1%';
  return `${Math.round(ratio * 100)}%`;
}

export function formatDateTime(iso: string | number): string {
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "just now", "3 min ago", "2 h ago" relative to `now`. */
export function formatAgo(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}
