// What the picker does with standing places: validate a wanted quantity against what is left,
// change it through the holder one change at a time (two quick clicks on "+" must hold two
// places, not the same one twice), and tell the visitor what happened.
import { GaPicks, HoldLostError, type GaLimits } from './ga-picks.ts';
import { gaQuantityProblem } from './ga-quantity.ts';
import type { GaStepperView } from './panel.ts';
import type { SeatModel } from './seat-model.ts';
import type { PickedGa, SeatHolder } from './types.ts';

/** What standing places need from the picker. */
export interface StandingHost {
  holder(): SeatHolder | null;
  limits(): GaLimits;
  /** Seats in the same hold (held again when lowering a quantity releases the hold). */
  seatIds(): string[];
  /** Quantities changed: repaint the panel, emit selectionchange. */
  changed(): void;
  /** The hold is gone: forget the whole selection without releasing. */
  holdLost(): Promise<void>;
  announce(text: string): void;
  focusArea(areaId: string): void;
  error(err: Error): void;
}

/**
 * Standing places of one picker.
 * @example await standing.set('pit', 2); standing.picked() // [{ areaId: 'pit', quantity: 2, … }]
 */
export class StandingControl {
  readonly picks: GaPicks;
  /** Changes run one after another; a failed one does not block the next. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly model: SeatModel,
    private readonly host: StandingHost,
  ) {
    this.picks = new GaPicks(model);
  }

  picked(): PickedGa[] {
    return this.picks.picked();
  }

  /** Sets an area's quantity (after changes in flight); throws a RangeError naming the problem. */
  set(areaId: string, quantity: number): Promise<void> {
    return this.enqueue(() => this.apply(areaId, quantity));
  }

  /** The panel's −/+: one place fewer or more than held when the step runs, announced. */
  step(areaId: string, delta: -1 | 1 | 'remove'): Promise<void> {
    const k = this.picks.areaIndex(areaId);
    const label = this.model.layout.gaAreas[k]?.label ?? areaId;
    return this.enqueue(async () => {
      const quantity = delta === 'remove' ? 0 : this.picks.quantityOf(areaId) + delta;
      try {
        await this.apply(areaId, quantity);
        this.host.announce(`${label}: ${quantity} standing places selected`);
      } catch (err) {
        this.host.announce(`${label}: ${(err as Error).message}`);
        this.host.error(err as Error);
      }
    });
  }

  /** An area was tapped on the map: its stepper gets the keyboard, the count is announced. */
  tap(k: number): void {
    const area = this.model.layout.gaAreas[k];
    if (!area) return;
    this.host.focusArea(area.id);
    this.host.announce(`${area.label}: ${this.picks.left(k, this.host.limits())} places left`);
  }

  steppers(level: number, locale: string): GaStepperView[] {
    return this.picks.steppers(level, locale, this.host.limits());
  }

  private async apply(areaId: string, quantity: number): Promise<void> {
    const max = this.picks.max(this.picks.areaIndex(areaId), this.host.limits());
    const problem = gaQuantityProblem(quantity, max);
    if (problem) throw new RangeError(`Standing area "${areaId}": ${problem}`);
    try {
      await this.picks.change(areaId, quantity, this.host.holder(), this.host.seatIds());
    } catch (err) {
      if (err instanceof HoldLostError) await this.host.holdLost();
      throw err;
    }
    this.host.changed();
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
