// Pure pieces of the box-office statistics: counters from a store snapshot, the per-minute sales
// velocity window, the order in which seats first sold, and the hold/release tally between two
// snapshots. The hub feeds them; they know nothing of Redis, Postgres or sockets.
import type { BoxOfficeCounters, MoneyAmount, SalesVelocity } from '@parterre/seatmaps';
import { SeatStatus, VELOCITY_MINUTES } from '@parterre/seatmaps';
import type { GaState } from '../store/seat-store.ts';

const MINUTE = 60_000;

/** What a store snapshot says, as counters (standing places count one each). */
export function countersOf(
  counts: { free: number; held: number; booked: number; blocked: number },
  ga: readonly GaState[],
  revenue: MoneyAmount[],
): BoxOfficeCounters {
  let capacity = counts.free + counts.held + counts.booked + counts.blocked;
  let { free, held, booked: sold } = counts;
  for (const area of ga) {
    capacity += area.capacity;
    held += area.held;
    sold += area.booked;
    free += Math.max(0, area.capacity - area.held - area.booked);
  }
  return {
    capacity,
    sold,
    held,
    free,
    blocked: counts.blocked,
    revenue,
    sellThrough: capacity > 0 ? sold / capacity : 0,
  };
}

/** Tickets per minute over the last VELOCITY_MINUTES minutes, fed booking by booking. */
export class VelocityWindow {
  private readonly buckets = new Map<number, number>();

  /** Counts `tickets` sold at `at` (ms). Sales older than the window are ignored. */
  add(at: number, tickets: number, now: number): void {
    const minute = Math.floor(at / MINUTE) * MINUTE;
    if (minute < this.from(now)) return;
    this.buckets.set(minute, (this.buckets.get(minute) ?? 0) + tickets);
  }

  /** The window ending in the current minute of `now`; forgets older minutes. */
  series(now: number): SalesVelocity {
    const from = this.from(now);
    for (const minute of this.buckets.keys()) if (minute < from) this.buckets.delete(minute);
    const perMinute = Array.from(
      { length: VELOCITY_MINUTES },
      (_, i) => this.buckets.get(from + i * MINUTE) ?? 0,
    );
    return { from, perMinute };
  }

  private from(now: number): number {
    return Math.floor(now / MINUTE) * MINUTE - (VELOCITY_MINUTES - 1) * MINUTE;
  }
}

/** Seat indexes in the order they first sold; a seat sold again after a cancellation keeps its rank. */
export class SoldOrder {
  readonly seats: number[] = [];
  private readonly seen = new Set<number>();

  /** Appends the seats not seen before; returns them. */
  add(seats: Iterable<number>): number[] {
    const added: number[] = [];
    for (const seat of seats) {
      if (this.seen.has(seat)) continue;
      this.seen.add(seat);
      this.seats.push(seat);
      added.push(seat);
    }
    return added;
  }
}

/**
 * Holds taken and released between two snapshots: seats that became held, held seats that became
 * free (a hold that turned into a booking is not a release), and the same for standing places.
 * A seat held and released between the two counts for neither: the tally is net.
 */
export function holdTally(
  before: { status: Uint8Array; ga: readonly GaState[] },
  after: { status: Uint8Array; ga: readonly GaState[] },
): { held: number; released: number } {
  let held = 0;
  let released = 0;
  const n = Math.min(before.status.length, after.status.length);
  for (let i = 0; i < n; i++) {
    const was = before.status[i];
    const now = after.status[i];
    if (was === now) continue;
    if (now === SeatStatus.Held) held++;
    else if (was === SeatStatus.Held && now === SeatStatus.Free) released++;
  }
  const previous = new Map(before.ga.map((a) => [a.areaId, a]));
  for (const area of after.ga) {
    const was = previous.get(area.areaId);
    if (!was) continue;
    const dHeld = area.held - was.held;
    const dBooked = Math.max(0, area.booked - was.booked);
    if (dHeld > 0) held += dHeld;
    else released += Math.max(0, -dHeld - dBooked);
  }
  return { held, released };
}
