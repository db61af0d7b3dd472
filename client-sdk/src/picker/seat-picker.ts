// mountSeatPicker: the visitor's seat map. The public API and the lifecycle; the state it
// shares with its parts is in picker-core.ts, and what happens when is in load-picker.ts
// (loading), selection-flow.ts + toggle-seat.ts (selecting), live-status.ts (live changes) and
// panel-view.ts (the panel and levels).
import { SEAT_STATUS_NAMES } from '@parterre/seatmaps/client';
import { Emitter } from '../emitter.ts';
import { loadPicker } from './load-picker.ts';
import { checkOptionChange } from './options.ts';
import { buildPalette } from './palette.ts';
import { renderPanel, setLevel, showLevel } from './panel-view.ts';
import { createCore, requireModel, selectedSeats, statusAt } from './picker-core.ts';
import type { PickerCore } from './picker-core.ts';
import { deselectSeats, selectSeats } from './selection-flow.ts';
import type { StandingControl } from './standing-control.ts';
import { toggleSeat } from './toggle-seat.ts';
import type {
  PickedGa,
  PickedSeat,
  PickerLayout,
  PickerLevel,
  PickerTheme,
  SeatPickerEvents,
  SeatPickerOptions,
} from './types.ts';

/** Seat status as the picker reports it. */
export type PickerSeatStatus = 'free' | 'held' | 'booked' | 'blocked' | 'selected';

/**
 * A mounted seat picker. Create it with `mountSeatPicker`.
 */
export class SeatPicker extends Emitter<SeatPickerEvents> {
  /** Resolves when the map is on screen with live statuses; rejects when loading failed. */
  readonly ready: Promise<void>;
  private readonly core: PickerCore;

  constructor(host: HTMLElement, options: SeatPickerOptions) {
    super();
    const core = createCore(host, options, {
      emit: (name, payload) => this.emit(name, payload),
      toggle: (i) => toggleSeat(core, i),
    });
    this.core = core;
    this.ready = loadPicker(core);
    this.ready.catch((err: unknown) => {
      if (core.destroyed) return;
      core.panel.showError(`The seat map could not be loaded: ${(err as Error).message}`);
      this.emit('error', err as Error);
    });
  }

  /** Selected seats in the order picked. */
  get selected(): PickedSeat[] {
    return selectedSeats(this.core);
  }

  /** The event layout on screen (undefined before ready). */
  get layout(): PickerLayout | undefined {
    return this.core.model?.layout;
  }

  /** Levels of the venue in document order (one level: the picker shows no level tabs). */
  get levels(): PickerLevel[] {
    return this.core.model ? [...this.core.model.levels.levels] : [];
  }

  /** Id of the level on screen (undefined before ready). */
  get level(): string | undefined {
    const { scene, model } = this.core;
    return scene && model?.levels.levels[scene.level]?.id;
  }

  /** Standing places picked, one entry per GA area. */
  get standing(): PickedGa[] {
    return this.core.ga?.picked() ?? [];
  }

  /**
   * Shows one level (ids as in `levels`): seats of other levels are not drawn, tapped or
   * reached by the arrow keys; the selection keeps them. Throws for an unknown level.
   */
  setLevel(levelId: string): void {
    setLevel(this.core, levelId);
  }

  /**
   * Sets how many standing places of a GA area the visitor wants (0 removes them), holding
   * or releasing through the holder. Throws a RangeError (changing nothing) for an unknown area
   * or a quantity above what is left or allowed by maxSeats.
   */
  setGaQuantity(areaId: string, quantity: number): Promise<void> {
    requireModel(this.core);
    return (this.core.ga as StandingControl).set(areaId, quantity);
  }

  /** Section names, for "zoom to section" controls. */
  get sections(): string[] {
    return this.core.model ? [...this.core.model.sections.keys()] : [];
  }

  /** The live status of a seat by id (undefined for an unknown id or before ready). */
  statusOf(seatId: string): PickerSeatStatus | undefined {
    const i = this.core.model?.indexOf(seatId) ?? -1;
    if (i < 0) return undefined;
    if (this.core.selection.has(i)) return 'selected';
    return SEAT_STATUS_NAMES[statusAt(this.core, i)] ?? 'blocked';
  }

  /**
   * Adds seats to the selection. With `hold` (default: when the picker has a holder) they are
   * held first, all or nothing; pass `hold: false` for seats the app already holds (e.g. from a
   * best-available request). Throws on unknown ids or when the selection would exceed maxSeats.
   */
  select(seatIds: string[], options: { hold?: boolean } = {}): Promise<void> {
    return selectSeats(this.core, seatIds, options);
  }

  /**
   * Removes seats (all seats and standing places when omitted) from the selection, releasing
   * them with `release`.
   */
  deselect(seatIds?: string[], options: { release?: boolean } = {}): Promise<void> {
    return deselectSeats(this.core, seatIds, options);
  }

  /**
   * Where a seat is drawn, in CSS pixels relative to the map element (undefined for an unknown
   * id or before ready): for pointing at a seat from outside, e.g. a "show my seats" tour.
   */
  screenPositionOf(seatId: string): { x: number; y: number } | undefined {
    const i = this.core.model?.indexOf(seatId) ?? -1;
    return i >= 0 ? this.core.scene?.seatOnScreen(i) : undefined;
  }

  /** Zooms to a section's seats (names as in `sections`); throws for an unknown section. */
  zoomToSection(section: string): void {
    const model = requireModel(this.core);
    const bounds = model.sectionBounds(section);
    if (!bounds)
      throw new RangeError(`Unknown section "${section}"; sections: ${this.sections.join(', ')}`);
    showLevel(this.core, model.sectionLevel(section));
    this.core.scene?.fit(bounds);
  }

  /** Shows the whole map. */
  zoomToFit(): void {
    this.core.scene?.fit();
  }

  /** Zooms by `factor` around the centre of the map. */
  zoomBy(factor: number): void {
    this.core.input?.zoomBy(factor);
  }

  /** Moves the keyboard focus to a seat by id (showing its level) and announces it. */
  focusSeat(seatId: string): void {
    const model = requireModel(this.core);
    const i = model.indexOf(seatId);
    if (i < 0) throw new RangeError(`Unknown seat id "${seatId}"`);
    showLevel(this.core, model.levels.seatLevel[i] as number);
    this.core.input?.focus(i);
  }

  /**
   * Changes options without remounting. The connection (url, publicKey, eventId, layout, live)
   * is fixed at mount: changing it throws and changes nothing.
   */
  setOptions(options: Partial<SeatPickerOptions>): void {
    const core = this.core;
    checkOptionChange(core.opts, options);
    core.opts = { ...core.opts, ...options };
    if (options.maxSeats !== undefined) core.selection.maxSeats = options.maxSeats;
    if (options.priceType !== undefined) core.model?.setPriceType(options.priceType);
    if (options.panel !== undefined) core.panel.showSide(options.panel);
    if (options.theme) this.setTheme(options.theme);
    else renderPanel(core);
  }

  /** Changes colours (merged over the current theme) without remounting. */
  setTheme(theme: Partial<PickerTheme>): void {
    const core = this.core;
    core.theme = { ...core.theme, ...theme };
    core.panel.setTheme(core.theme);
    if (core.model && core.scene) {
      core.palette = buildPalette(core.model.layout.categories, core.theme);
      core.scene.seats.setPalette(core.palette);
      core.scene.setTheme(core.theme);
      core.scene.seats.redraw();
    }
    renderPanel(core);
  }

  /** Removes the picker, its listeners and (if it opened one) its live connection. */
  destroy(): void {
    const core = this.core;
    if (core.destroyed) return;
    core.destroyed = true;
    core.repaints.cancel();
    for (const cleanup of core.cleanups.splice(0)) cleanup();
    core.ownLive?.close();
    core.scene?.destroy();
    core.panel.destroy();
  }
}

/**
 * Mounts a seat picker into `element` (which it fills; give the element a height).
 * @example
 * const picker = mountSeatPicker(document.getElementById('seats')!, {
 *   url: 'https://tickets.example.org', publicKey: 'pk_…', eventId: 'ev_…', maxSeats: 6,
 * });
 * picker.on('selectionchange', ({ seats, total }) => renderBasket(seats, total));
 * await picker.ready;
 */
export function mountSeatPicker(element: HTMLElement, options: SeatPickerOptions): SeatPicker {
  return new SeatPicker(element, options);
}
