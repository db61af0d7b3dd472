// The state of one mounted picker, shared by its parts: lifecycle (seat-picker.ts, load-picker.ts),
// the selection flow (selection-flow.ts, toggle-seat.ts), live statuses (live-status.ts) and the
// panel (panel-view.ts). Plain data plus the lookups every part needs.
import type { LiveEvent } from '../live-event.ts';
import { describeSeat } from './describe.ts';
import type { PickerInput } from './input.ts';
import { canHold, DEFAULT_MAX_SEATS } from './options.ts';
import type { OrphanCheck } from './orphans.ts';
import { colourIndex, DEFAULT_THEME, type Palette } from './palette.ts';
import { PickerPanel } from './panel.ts';
import { RepaintQueue } from './repaint-queue.ts';
import type { PickerScene } from './scene.ts';
import type { SeatModel } from './seat-model.ts';
import { Selection } from './selection.ts';
import type { StandingControl } from './standing-control.ts';
import type {
  PickedSeat,
  PickerTheme,
  SeatHolder,
  SeatPickerEvents,
  SeatPickerOptions,
  StatusSource,
} from './types.ts';

/** Everything one picker knows; the parts before `ready` are undefined. */
export interface PickerCore {
  opts: SeatPickerOptions;
  theme: PickerTheme;
  readonly panel: PickerPanel;
  readonly selection: Selection;
  model: SeatModel | undefined;
  scene: PickerScene | undefined;
  palette: Palette | undefined;
  source: StatusSource | undefined;
  /** The LiveEvent the picker opened itself (closed on destroy). */
  ownLive: LiveEvent | undefined;
  input: PickerInput | undefined;
  orphanCheck: OrphanCheck | undefined;
  ga: StandingControl | undefined;
  /** Seats the current selection would leave alone in their row. */
  orphans: number[];
  /** Seats whose hold is in flight. */
  readonly pending: Set<number>;
  readonly repaints: RepaintQueue;
  destroyed: boolean;
  readonly cleanups: (() => void)[];
  emit<K extends keyof SeatPickerEvents>(name: K, payload: SeatPickerEvents[K]): void;
  /** Selects or deselects seat i as a tap would (toggle-seat.ts; a hook to keep imports acyclic). */
  toggle(i: number): Promise<void>;
}

/** A picker's state before loading: the panel is in `host`, nothing else is built yet. */
export function createCore(
  host: HTMLElement,
  options: SeatPickerOptions,
  hooks: Pick<PickerCore, 'emit' | 'toggle'>,
): PickerCore {
  const core: PickerCore = {
    opts: { ...options },
    theme: { ...DEFAULT_THEME, ...options.theme },
    selection: new Selection(options.maxSeats ?? DEFAULT_MAX_SEATS),
    panel: new PickerPanel(host),
    model: undefined,
    scene: undefined,
    palette: undefined,
    source: undefined,
    ownLive: undefined,
    input: undefined,
    orphanCheck: undefined,
    ga: undefined,
    orphans: [],
    pending: new Set(),
    repaints: new RepaintQueue((seats) => core.scene?.seats.repaint(seats)),
    destroyed: false,
    cleanups: [],
    emit: hooks.emit,
    toggle: hooks.toggle,
  };
  core.panel.setTheme(core.theme);
  core.panel.showSide(options.panel ?? true);
  return core;
}

export function requireModel(core: PickerCore): SeatModel {
  if (!core.model) throw new Error('The seat picker is still loading: await picker.ready first');
  return core.model;
}

/** Who holds picked seats: the `holder` option, else the status source when it can hold. */
export function holder(core: PickerCore): SeatHolder | null {
  if (core.opts.holder !== undefined) return core.opts.holder;
  return canHold(core.source) ? core.source : null;
}

export function statusAt(core: PickerCore, i: number): number {
  return core.source?.status[i] ?? 0;
}

/** Selected seats in the order picked. */
export function selectedSeats(core: PickerCore): PickedSeat[] {
  const model = core.model;
  return model ? core.selection.seats.map((i) => model.seat(i)) : [];
}

/** What the live region says about seat i. */
export function describeAt(core: PickerCore, i: number): string {
  const model = core.model as SeatModel;
  return describeSeat(model.seat(i), statusAt(core, i), core.selection.has(i), {
    locale: core.opts.locale ?? 'en',
    withSection: model.sections.size > 1,
  });
}

/** Updates seat i's colour; returns whether it changed. */
export function recolour(core: PickerCore, i: number): boolean {
  const model = core.model as SeatModel;
  const palette = core.palette as Palette;
  const colour = colourIndex(
    palette,
    statusAt(core, i),
    model.category[i] as number,
    core.selection.has(i),
  );
  return core.scene?.seats.setColour(i, colour) ?? false;
}
