// When the database connection drops during a booking's COMMIT, the engine cannot know whether
// the booking was recorded: the client gets 503, and the store was not confirmed. Postgres may
// nonetheless hold the booking, with the store still showing the seats held (then free once the
// hold expires). The fence would refuse a second sale, but visitors would see those seats as
// available. This job brings the store in line with Postgres as soon as Postgres answers again.
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { liveState } from '../events/repo.ts';
import type { HoldService } from '../holds/service.ts';
import type { SeatStore } from '../store/seat-store.ts';

const RETRY_MS = 500;
/** Keep trying for about a minute of database outage. */
const MAX_ATTEMPTS = 120;

export class StoreReconciler {
  private readonly pending = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly store: SeatStore,
    private readonly holds: HoldService,
    private readonly logger?: Logger,
  ) {}

  /** Confirms in the store, soon, every seat Postgres holds as booked for this event. */
  schedule(event: EventRuntime, orgId: string, attempt = 1): void {
    if (attempt === 1 && this.pending.has(event.id)) return;
    this.pending.add(event.id);
    const timer = setTimeout(() => {
      this.reconcile(event, orgId).then(
        () => this.pending.delete(event.id),
        (err: unknown) => {
          if (attempt < MAX_ATTEMPTS) return this.schedule(event, orgId, attempt + 1);
          this.pending.delete(event.id);
          this.logger?.warn({ err, eventId: event.id }, 'store not reconciled with Postgres');
        },
      );
    }, RETRY_MS);
    timer.unref();
  }

  /** Force-books seats that Postgres holds as booked (in two reads, around the store's) and the store does not. */
  async reconcile(event: EventRuntime, orgId: string): Promise<number[]> {
    const before = await liveState(this.db, orgId, event.id);
    if (!before) return [];
    const snap = await this.holds.command(event, () => this.store.snapshot(event.id));
    const after = await liveState(this.db, orgId, event.id);
    // A seat cancelled between the reads is left alone: re-booking it would strand it.
    const stillBooked = new Set(after?.bookedSeats ?? []);
    const missing = before.bookedSeats.filter((i) => stillBooked.has(i) && snap.status[i] !== 2);
    if (missing.length) {
      await this.holds.command(event, () =>
        this.store.book(event.id, { seats: missing, force: true }),
      );
      this.logger?.info({ eventId: event.id, seats: missing.length }, 'store reconciled');
    }
    return missing;
  }
}
