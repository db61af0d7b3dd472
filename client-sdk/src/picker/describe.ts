// What a seat says to people: the tooltip text and the screen-reader announcement.
import { formatPrice } from './price.ts';
import type { PickedSeat } from './types.ts';

const STATUS_WORDS = ['available', 'held', 'sold', 'not for sale'] as const;

/** Words for a status byte, "selected" taking precedence. */
export function statusWord(status: number, selected: boolean): string {
  if (selected) return 'selected';
  return STATUS_WORDS[status] ?? 'not for sale';
}

/**
 * The seat's name: "Row F, seat 12", prefixed with the section when there is more than one.
 * @example seatName({ row: 'F', label: '12', section: 'Stalls' }, false) // 'Row F, seat 12'
 */
export function seatName(
  seat: Pick<PickedSeat, 'row' | 'label' | 'section'>,
  withSection: boolean,
): string {
  const parts = [
    ...(withSection && seat.section ? [seat.section] : []),
    ...(seat.row ? [`Row ${seat.row}`] : []),
    `seat ${seat.label}`,
  ];
  return parts.join(', ');
}

/**
 * The full announcement for a focused seat.
 * @example describeSeat(seat, 0, false, { locale: 'en', withSection: false })
 * // 'Row F, seat 12, Category A, 45.00 EUR, available'
 */
export function describeSeat(
  seat: PickedSeat,
  status: number,
  selected: boolean,
  opts: { locale: string; withSection: boolean },
): string {
  const parts = [seatName(seat, opts.withSection)];
  if (seat.categoryLabel) parts.push(seat.categoryLabel);
  if (seat.price) parts.push(formatPrice(seat.price.amount, seat.price.currency, opts.locale));
  parts.push(statusWord(status, selected));
  return parts.join(', ');
}
