// The shapes the seat picker works with: the engine's layout answer (GET /events/:id/layout), the
// two narrow interfaces it needs from a live client (status source, seat holder), and its options.
// LiveEvent satisfies both interfaces; anything else that does (a test double, a box-office feed)
// can drive the picker too.

/** A seat of the event layout, as the engine serves it. */
export interface PickerLayoutSeat {
  /** Position in the status bytes. */
  index: number;
  id: string;
  label: string;
  row: string;
  section: string;
  category: string | null;
  x: number;
  y: number;
  flags: string[];
}

export interface PickerPrice {
  category: string;
  priceType: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
}

export interface PickerCategory {
  key: string;
  label: string;
  color: string;
}

/** The answer of `GET /api/v1/events/:id/layout`. */
export interface PickerLayout {
  event: { id: string; name: string; startsAt: string; salesOpen: boolean; holdTtlSeconds: number };
  size: { width: number; height: number };
  focalPoint: { x: number; y: number };
  categories: PickerCategory[];
  seats: PickerLayoutSeat[];
  gaAreas: {
    id: string;
    label: string;
    section: string;
    capacity: number;
    category: string | null;
    outline: { x: number; y: number }[];
  }[];
  prices: PickerPrice[];
}

/** Where seat statuses come from: one byte per seat (0 free, 1 held, 2 booked, 3 blocked). */
export interface StatusSource {
  readonly status: Uint8Array;
  /**
   * `seats`: indexes whose status changed; `source: 'snapshot'` marks a full reload (no change
   * animation). Returns the unsubscribe function.
   */
  on(name: 'change', listener: (change: { seats: number[]; source?: string }) => void): () => void;
}

/** Holds and releases seats by id (all or nothing; a refusal throws). */
export interface SeatHolder {
  hold(seatIds: string[]): Promise<unknown>;
  release(seatIds: string[]): Promise<unknown>;
}

/** Colours of the picker; categories bring their own colour for free seats. */
export interface PickerTheme {
  background: string;
  held: string;
  booked: string;
  blocked: string;
  selected: string;
  /** Free seats without a category. */
  uncategorised: string;
  focusRing: string;
  gaFill: string;
  text: string;
  font: string;
}

/** A seat as the picker reports it (selection list, events, tooltips). */
export interface PickedSeat {
  index: number;
  id: string;
  label: string;
  row: string;
  section: string;
  category: string | null;
  categoryLabel: string;
  price: PickerPrice | null;
}

/** The options of `mountSeatPicker`; all but the connection ones can change with `setOptions`. */
export interface SeatPickerOptions {
  /** The engine's origin, e.g. `https://tickets.example.org` (default: the page's origin). */
  url?: string;
  /** A public key (`pk_…`): it reads the layout and, without `live`, opens the live client. */
  publicKey?: string;
  eventId?: string;
  /** A layout already at hand (skips the fetch). */
  layout?: PickerLayout;
  /** Status source; default: a LiveEvent the picker opens with `publicKey` and closes itself. */
  live?: StatusSource;
  /** Who holds seats on selection; default: `live` when it can hold, else selection is local. */
  holder?: SeatHolder | null;
  /** Most seats one visitor may select (default 10). */
  maxSeats?: number;
  /** Which price type the legend and totals show (default 'full'). */
  priceType?: string;
  /** Warn when the selection would leave a single empty seat in a row (default true). */
  warnOrphans?: boolean;
  /** Number formatting locale (default 'en'). */
  locale?: string;
  theme?: Partial<PickerTheme>;
  /** Show the HTML legend and selection panel (default true). */
  panel?: boolean;
  fetch?: typeof fetch;
}

/** Events of a SeatPicker. */
export interface SeatPickerEvents {
  /** Layout and first statuses are on screen. */
  ready: { seatCount: number; firstRenderMs: number };
  selectionchange: {
    seats: PickedSeat[];
    total: { amount: number; currency: string }[];
    /** Free seats this selection would leave alone in their row (empty unless warnOrphans). */
    orphans: PickedSeat[];
  };
  /** A selection the engine refused (taken seat, too many, …) or a failed load. */
  error: Error;
  focus: PickedSeat | null;
}
