// Option rules of the picker: defaults, what may change after mount, and how to tell a source
// that can also hold seats. Kept apart so the picker class stays about behaviour.
import type { SeatHolder, SeatPickerOptions } from './types.ts';

export const DEFAULT_MAX_SEATS = 10;

/** Fixed at mount: they decide which event and connection the picker shows. */
const CONNECTION_OPTIONS = ['url', 'publicKey', 'eventId', 'layout', 'live'] as const;

/**
 * Throws (changing nothing) when `next` changes a connection option or has an invalid value.
 * @example checkOptionChange(current, { maxSeats: 0 }) // RangeError: maxSeats must be …
 */
export function checkOptionChange(
  current: SeatPickerOptions,
  next: Partial<SeatPickerOptions>,
): void {
  for (const key of CONNECTION_OPTIONS) {
    if (key in next && next[key] !== current[key]) {
      throw new TypeError(
        `Option "${key}" is fixed at mount; destroy() and mount again to change it`,
      );
    }
  }
  const { maxSeats } = next;
  if (maxSeats !== undefined && !(Number.isInteger(maxSeats) && maxSeats >= 1)) {
    throw new RangeError(`maxSeats must be a positive integer, got ${maxSeats}`);
  }
}

/** Whether a status source can also hold seats (LiveEvent can). */
export const canHold = (x: unknown): x is SeatHolder =>
  typeof (x as SeatHolder | undefined)?.hold === 'function' &&
  typeof (x as SeatHolder | undefined)?.release === 'function';
