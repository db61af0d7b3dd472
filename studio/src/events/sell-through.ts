// Sell-through of an event from its availability: seats plus standing places sold over the
// capacity, as the engine's own sales summary and the box office gauge count it.
export interface AvailabilityCounts {
  readonly counts: { free: number; held: number; booked: number; blocked: number };
  readonly ga: readonly { capacity: number; held: number; booked: number }[];
}

export interface SellThrough {
  readonly capacity: number;
  readonly sold: number;
  readonly held: number;
  readonly blocked: number;
  readonly free: number;
  /** sold / capacity, 0…1. */
  readonly ratio: number;
}

export function sellThrough(a: AvailabilityCounts): SellThrough {
  const { free, held, booked, blocked } = a.counts;
  const gaCapacity = a.ga.reduce((n, g) => n + g.capacity, 0);
  const gaHeld = a.ga.reduce((n, g) => n + g.held, 0);
  const gaBooked = a.ga.reduce((n, g) => n + g.booked, 0);
  const capacity = free + held + booked + blocked + gaCapacity;
  const sold = booked + gaBooked;
  return {
    capacity,
    sold,
    held: held + gaHeld,
    blocked,
    free: free + gaCapacity - gaHeld - gaBooked,
    ratio: capacity > 0 ? sold / capacity : 0,
  };
}
