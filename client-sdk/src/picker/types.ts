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
  /** Level id (see `PickerLayout.levels`); absent from engines before levels were served. */
  level?: string;
  category: string | null;
  x: number;
  y: number;
  flags: string[];
  /** Present on a table's seats only: a ring round the table (absent from older engines). */
  atTable?: true;
  /** The seat's row or table record, sent only where a label repeats in the section. */
  container?: number;
}

/** A floor of the venue (stalls, balcony…): seats of different levels may overlap in x/y. */
export interface PickerLevel {
  id: string;
  name: string;
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
  /** Levels in document order; absent or one level: the picker shows no level tabs. */
  levels?: PickerLevel[];
  seats: PickerLayoutSeat[];
  gaAreas: {
    id: string;
    label: string;
    section: string;
    level?: string;
    capacity: number;
    category: string | null;
    outline: { x: number; y: number }[];
  }[];
  prices: PickerPrice[];
}

/** A status change: `ga` lists standing areas whose counts changed (LiveEvent sends them). */
export interface StatusChange {
  seats: number[];
  ga?: readonly unknown[];
  source?: string;
}

/** Where seat statuses come from: one byte per seat (0 free, 1 held, 2 booked, 3 blocked). */
export interface StatusSource {
  readonly status: Uint8Array;
  /** Live counts of the standing areas (LiveEvent has them); without it all capacity is free. */
  readonly ga?: readonly { areaId: string; capacity: number; held: number; booked: number }[];
  /**
   * `seats`: indexes whose status changed; `source: 'snapshot'` marks a full reload (no change
   * animation). Returns the unsubscribe function.
   */
  on(name: 'change', listener: (change: StatusChange) => void): () => void;
}

/** Holds and releases seats by id (all or nothing; a refusal throws). */
export interface SeatHolder {
  /** `ga`: standing places to add to the hold (LiveEvent and the REST hold accept both). */
  hold(seatIds: string[], ga?: GaQuantity[]): Promise<unknown>;
  /** Without ids: the whole hold (the engine releases standing places only that way). */
  release(seatIds?: string[]): Promise<unknown>;
}

/** A quantity of standing places in one GA area. */
export interface GaQuantity {
  areaId: string;
  quantity: number;
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

/** Standing places picked in one GA area. */
export interface PickedGa {
  areaId: string;
  label: string;
  section: string;
  category: string | null;
  categoryLabel: string;
  quantity: number;
  /** Category price × quantity (null: the category has no price). */
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
    /** Standing places, one entry per area with a quantity. */
    ga: PickedGa[];
    /** Seats and standing places together, per currency. */
    total: { amount: number; currency: string }[];
    /** Free seats this selection would leave alone in their row (empty unless warnOrphans). */
    orphans: PickedSeat[];
  };
  /** A selection the engine refused (taken seat, too many, …) or a failed load. */
  error: Error;
  focus: PickedSeat | null;
}
