// Whether an event is on sale to the public right now: the manual switch (open/close sales) and
// the on-sale window together. Only public keys are bound by it; the box office and secret keys
// sell outside it (counter sales before the public opening, guest lists after the close).

export interface SalesWindow {
  salesOpen: boolean;
  salesOpensAt: Date | null;
  salesClosesAt: Date | null;
}

export type SalesState = 'open' | 'closed' | 'not-yet-open' | 'ended';

/**
 * Where `now` lies for the event's sales.
 * @example salesState({ salesOpen: true, salesOpensAt: null, salesClosesAt: null }, Date.now()) // 'open'
 */
export function salesState(w: SalesWindow, now: number): SalesState {
  if (!w.salesOpen) return 'closed';
  if (w.salesOpensAt && now < w.salesOpensAt.getTime()) return 'not-yet-open';
  if (w.salesClosesAt && now >= w.salesClosesAt.getTime()) return 'ended';
  return 'open';
}

/** A sentence for a SALES_CLOSED refusal, naming when sales open or why they do not. */
export function salesClosedMessage(name: string, w: SalesWindow, now: number): string {
  switch (salesState(w, now)) {
    case 'not-yet-open':
      return `Sales for ${name} open at ${w.salesOpensAt!.toISOString()}`;
    case 'ended':
      return `Sales for ${name} ended at ${w.salesClosesAt!.toISOString()}`;
    default:
      return `Sales for ${name} are closed`;
  }
}

/**
 * The window after "open sales now": the switch on, an opening in the future moved to now, a
 * close already passed removed.
 */
export function openedNow(w: SalesWindow, now: Date): SalesWindow {
  return {
    salesOpen: true,
    salesOpensAt: w.salesOpensAt && w.salesOpensAt > now ? now : w.salesOpensAt,
    salesClosesAt: w.salesClosesAt && w.salesClosesAt <= now ? null : w.salesClosesAt,
  };
}
