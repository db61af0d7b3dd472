// Live changes arrive in bursts (a coalesced message every ≤100 ms, a snapshot after a resync):
// collect the seats to repaint and paint them once, in the next animation frame.

/**
 * @example
 * const queue = new RepaintQueue((seats) => seatLayer.repaint(seats));
 * queue.add(12); queue.add(13); // one repaint of both in the next frame
 */
export class RepaintQueue {
  private readonly dirty = new Set<number>();
  private frame = 0;

  constructor(private readonly paint: (seats: number[]) => void) {}

  /** Marks a seat for the next frame's repaint. */
  add(seat: number): void {
    this.dirty.add(seat);
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const seats = [...this.dirty];
      this.dirty.clear();
      this.paint(seats);
    });
  }

  /** Drops what is pending (the picker is going away). */
  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.dirty.clear();
  }
}
