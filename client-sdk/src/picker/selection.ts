// Selection rules, apart from rendering and network: which seat a visitor may add or remove, and
// what happens to the selection when live statuses change under it.

/** Why a seat cannot be selected (or 'ok'). */
export type SelectVerdict = 'ok' | 'unavailable' | 'limit';

/**
 * The visitor's selected seats (indexes), in the order picked.
 * @example
 * const sel = new Selection(4);
 * sel.verdict(12, 0) // 'ok'
 * sel.add(12);
 */
export class Selection {
  private readonly picked = new Set<number>();

  constructor(public maxSeats: number) {}

  get size(): number {
    return this.picked.size;
  }

  /** Selected seat indexes in the order picked. */
  get seats(): number[] {
    return [...this.picked];
  }

  has(index: number): boolean {
    return this.picked.has(index);
  }

  /**
   * Whether `index`, whose live status is `status`, may be added now, with `pending` other seats
   * already on their way in (holds in flight count against the limit).
   */
  verdict(index: number, status: number, pending = 0): SelectVerdict {
    if (this.picked.has(index)) return 'ok';
    if (status !== 0) return 'unavailable';
    if (this.picked.size + pending >= this.maxSeats) return 'limit';
    return 'ok';
  }

  add(index: number): void {
    this.picked.add(index);
  }

  delete(index: number): boolean {
    return this.picked.delete(index);
  }

  clear(): number[] {
    const was = this.seats;
    this.picked.clear();
    return was;
  }

  /**
   * Drops selected seats whose live status changed to anything but held: free means the
   * visitor's hold ended (expired, released elsewhere), booked or blocked that the seat was sold
   * (at the counter, or by this visitor's own checkout). Returns the dropped indexes.
   */
  dropLost(changed: Iterable<number>, status: ArrayLike<number>): number[] {
    const lost: number[] = [];
    for (const i of changed) {
      if (this.picked.has(i) && status[i] !== 1) {
        this.picked.delete(i);
        lost.push(i);
      }
    }
    return lost;
  }
}
