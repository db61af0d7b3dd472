// mountSeatPicker: the visitor's seat map. It wires the layout model, the Konva scene, the HTML
// panel, pointer and keyboard input, the live status source and the seat holder; each of those
// lives in its own file and this one only decides what happens when.
import { SEAT_STATUS_NAMES } from '@parterre/seatmaps/client';
import { Emitter } from '../emitter.ts';
import { LiveEvent } from '../live-event.ts';
import { describeSeat, seatName } from './describe.ts';
import { fetchLayout } from './load-layout.ts';
import { PickerInput } from './input.ts';
import { buildPalette, colourIndex, DEFAULT_THEME, type Palette } from './palette.ts';
import { canHold, checkOptionChange, DEFAULT_MAX_SEATS } from './options.ts';
import { OrphanCheck } from './orphans.ts';
import { PickerPanel } from './panel.ts';
import { sumPrices } from './price.ts';
import { RepaintQueue } from './repaint-queue.ts';
import { PickerScene } from './scene.ts';
import { SeatModel } from './seat-model.ts';
import { Selection } from './selection.ts';
import { StandingControl, type StandingHost } from './standing-control.ts';
import type {
  PickedGa,
  PickedSeat,
  PickerLayout,
  PickerLevel,
  PickerTheme,
  SeatHolder,
  SeatPickerEvents,
  SeatPickerOptions,
  StatusChange,
  StatusSource,
} from './types.ts';

/** Seat status as the picker reports it. */
export type PickerSeatStatus = 'free' | 'held' | 'booked' | 'blocked' | 'selected';

/**
 * A mounted seat picker. Create it with `mountSeatPicker`.
 */
export class SeatPicker extends Emitter<SeatPickerEvents> {
  /** Resolves when the map is on screen with live statuses; rejects when loading failed. */
  readonly ready: Promise<void>;
  private opts: SeatPickerOptions;
  private theme: PickerTheme;
  private readonly panel: PickerPanel;
  private readonly selection: Selection;
  private model: SeatModel | undefined;
  private scene: PickerScene | undefined;
  private palette: Palette | undefined;
  private source: StatusSource | undefined;
  private ownLive: LiveEvent | undefined;
  private input: PickerInput | undefined;
  private orphanCheck: OrphanCheck | undefined;
  private ga: StandingControl | undefined;
  /** Seats the current selection would leave alone in their row. */
  private orphans: number[] = [];
  private readonly pending = new Set<number>();
  private readonly repaints = new RepaintQueue((seats) => this.scene?.seats.repaint(seats));
  private destroyed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(host: HTMLElement, options: SeatPickerOptions) {
    super();
    this.opts = { ...options };
    this.theme = { ...DEFAULT_THEME, ...options.theme };
    this.selection = new Selection(options.maxSeats ?? DEFAULT_MAX_SEATS);
    this.panel = new PickerPanel(host);
    this.panel.setTheme(this.theme);
    this.panel.showSide(options.panel ?? true);
    this.ready = this.load();
    this.ready.catch((err: unknown) => {
      if (this.destroyed) return;
      this.panel.showError(`The seat map could not be loaded: ${(err as Error).message}`);
      this.emit('error', err as Error);
    });
  }

  /** Selected seats in the order picked. */
  get selected(): PickedSeat[] {
    const model = this.model;
    return model ? this.selection.seats.map((i) => model.seat(i)) : [];
  }

  /** The event layout on screen (undefined before ready). */
  get layout(): PickerLayout | undefined {
    return this.model?.layout;
  }

  /** Levels of the venue in document order (one level: the picker shows no level tabs). */
  get levels(): PickerLevel[] {
    return this.model ? [...this.model.levels.levels] : [];
  }

  /** Id of the level on screen (undefined before ready). */
  get level(): string | undefined {
    return this.scene && this.model?.levels.levels[this.scene.level]?.id;
  }

  /** Standing places picked, one entry per GA area. */
  get standing(): PickedGa[] {
    return this.ga?.picked() ?? [];
  }

  /**
   * Shows one level (ids as in `levels`): seats of other levels are not drawn, tapped or
   * reached by the arrow keys; the selection keeps them. Throws for an unknown level.
   */
  setLevel(levelId: string): void {
    const model = this.requireModel();
    const k = model.levels.levels.findIndex((l) => l.id === levelId);
    if (k < 0) {
      const known = model.levels.levels.map((l) => l.id).join(', ');
      throw new RangeError(`Unknown level "${levelId}"; levels: ${known}`);
    }
    this.showLevel(k);
  }

  /**
   * Sets how many standing places of a GA area the visitor wants (0 removes them), holding
   * or releasing through the holder. Throws a RangeError (changing nothing) for an unknown area
   * or a quantity above what is left or allowed by maxSeats.
   */
  setGaQuantity(areaId: string, quantity: number): Promise<void> {
    this.requireModel();
    return (this.ga as StandingControl).set(areaId, quantity);
  }

  /** Section names, for "zoom to section" controls. */
  get sections(): string[] {
    return this.model ? [...this.model.sections.keys()] : [];
  }

  /** The live status of a seat by id (undefined for an unknown id or before ready). */
  statusOf(seatId: string): PickerSeatStatus | undefined {
    const i = this.model?.indexOf(seatId) ?? -1;
    if (i < 0) return undefined;
    if (this.selection.has(i)) return 'selected';
    return SEAT_STATUS_NAMES[this.statusAt(i)] ?? 'blocked';
  }

  /**
   * Adds seats to the selection. With `hold` (default: when the picker has a holder) they are
   * held first, all or nothing; pass `hold: false` for seats the app already holds (e.g. from a
   * best-available request). Throws on unknown ids or when the selection would exceed maxSeats.
   */
  async select(seatIds: string[], { hold = true } = {}): Promise<void> {
    const model = this.requireModel();
    const indexes = seatIds.map((id) => {
      const i = model.indexOf(id);
      if (i < 0) throw new RangeError(`Unknown seat id "${id}"`);
      return i;
    });
    const fresh = indexes.filter((i) => !this.selection.has(i));
    const places = this.selection.size + (this.ga?.picks.count ?? 0);
    if (places + fresh.length > this.selection.maxSeats) {
      throw new RangeError(
        `Selecting ${fresh.length} more seats would exceed maxSeats (${this.selection.maxSeats})`,
      );
    }
    const holder = this.holder();
    if (hold && holder && fresh.length) await holder.hold(fresh.map((i) => model.seat(i).id));
    if (this.destroyed) return;
    for (const i of fresh) this.selection.add(i);
    this.selectionChanged(fresh);
  }

  /**
   * Removes seats (all seats and standing places when omitted) from the selection, releasing
   * them with `release`.
   */
  async deselect(seatIds?: string[], { release = true } = {}): Promise<void> {
    const model = this.requireModel();
    const indexes = seatIds
      ? seatIds.map((id) => model.indexOf(id)).filter((i) => this.selection.has(i))
      : this.selection.seats;
    const standing = seatIds ? 0 : (this.ga?.picks.count ?? 0);
    for (const i of indexes) this.selection.delete(i);
    if (!seatIds) this.ga?.picks.clear();
    this.selectionChanged(indexes);
    const holder = this.holder();
    if (!release || !holder) return;
    // Standing places leave a hold only with the whole hold.
    if (standing) await holder.release();
    else if (indexes.length) await holder.release(indexes.map((i) => model.seat(i).id));
  }

  /**
   * Where a seat is drawn, in CSS pixels relative to the map element (undefined for an unknown
   * id or before ready): for pointing at a seat from outside, e.g. a "show my seats" tour.
   */
  screenPositionOf(seatId: string): { x: number; y: number } | undefined {
    const i = this.model?.indexOf(seatId) ?? -1;
    return i >= 0 ? this.scene?.seatOnScreen(i) : undefined;
  }

  /** Zooms to a section's seats (names as in `sections`); throws for an unknown section. */
  zoomToSection(section: string): void {
    const model = this.requireModel();
    const bounds = model.sectionBounds(section);
    if (!bounds)
      throw new RangeError(`Unknown section "${section}"; sections: ${this.sections.join(', ')}`);
    this.showLevel(model.sectionLevel(section));
    this.scene?.fit(bounds);
  }

  /** Shows the whole map. */
  zoomToFit(): void {
    this.scene?.fit();
  }

  /** Zooms by `factor` around the centre of the map. */
  zoomBy(factor: number): void {
    this.input?.zoomBy(factor);
  }

  /** Moves the keyboard focus to a seat by id (showing its level) and announces it. */
  focusSeat(seatId: string): void {
    const model = this.requireModel();
    const i = model.indexOf(seatId);
    if (i < 0) throw new RangeError(`Unknown seat id "${seatId}"`);
    this.showLevel(model.levels.seatLevel[i] as number);
    this.input?.focus(i);
  }

  /**
   * Changes options without remounting. The connection (url, publicKey, eventId, layout, live)
   * is fixed at mount: changing it throws and changes nothing.
   */
  setOptions(options: Partial<SeatPickerOptions>): void {
    checkOptionChange(this.opts, options);
    this.opts = { ...this.opts, ...options };
    if (options.maxSeats !== undefined) this.selection.maxSeats = options.maxSeats;
    if (options.priceType !== undefined) this.model?.setPriceType(options.priceType);
    if (options.panel !== undefined) this.panel.showSide(options.panel);
    if (options.theme) this.setTheme(options.theme);
    else this.renderPanel();
  }

  /** Changes colours (merged over the current theme) without remounting. */
  setTheme(theme: Partial<PickerTheme>): void {
    this.theme = { ...this.theme, ...theme };
    this.panel.setTheme(this.theme);
    if (this.model && this.scene) {
      this.palette = buildPalette(this.model.layout.categories, this.theme);
      this.scene.seats.setPalette(this.palette);
      this.scene.setTheme(this.theme);
      this.scene.seats.redraw();
    }
    this.renderPanel();
  }

  /** Removes the picker, its listeners and (if it opened one) its live connection. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.repaints.cancel();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.ownLive?.close();
    this.scene?.destroy();
    this.panel.destroy();
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const o = this.opts;
    const layout =
      o.layout ??
      (await fetchLayout({
        url: o.url ?? location.origin,
        publicKey: this.requireOption('publicKey'),
        eventId: this.requireOption('eventId'),
        ...(o.fetch ? { fetch: o.fetch } : {}),
      }));
    if (this.destroyed) return;
    this.source = o.live ?? this.openLive();
    const firstSync = this.ownLive?.connect();
    const model = SeatModel.from(layout, o.priceType ?? 'full');
    this.model = model;
    this.orphanCheck = new OrphanCheck(layout);
    this.ga = new StandingControl(model, this.standingHost());
    this.palette = buildPalette(layout.categories, this.theme);
    const scene = new PickerScene(this.panel.map, model, this.palette, this.theme);
    this.scene = scene;
    this.input = new PickerInput(model, scene, this.panel, {
      describe: (i) => this.describe(i),
      toggle: (i) => void this.toggle(i),
      focusChanged: (i) => this.emit('focus', model.seat(i)),
      tapArea: (k) => this.ga?.tap(k),
    });
    this.cleanups.push(() => this.input?.detach());
    this.cleanups.push(this.source.on('change', (change) => this.onStatus(change)));
    try {
      await firstSync;
    } catch (err) {
      if (this.destroyed) return; // destroyed while connecting (e.g. React StrictMode remount)
      throw err;
    }
    if (this.destroyed) return;
    for (let i = 0; i < model.size; i++) this.recolour(i);
    scene.fit();
    scene.stage.draw();
    this.renderPanel();
    this.emit('ready', { seatCount: model.size, firstRenderMs: performance.now() - started });
  }

  /** What standing places need of the picker (holder, limits, selection, panel). */
  private standingHost(): StandingHost {
    return {
      holder: () => this.holder(),
      limits: () => ({
        live: this.source?.ga,
        seats: this.selection.size + this.pending.size,
        maxSeats: this.selection.maxSeats,
      }),
      seatIds: () => this.selected.map((s) => s.id),
      changed: () => this.selectionChanged([]),
      holdLost: () => this.deselect(undefined, { release: false }),
      announce: (text) => this.panel.announce(text),
      focusArea: (id) => this.panel.focusGa(id),
      error: (err) => this.emit('error', err),
    };
  }

  private openLive(): LiveEvent {
    this.ownLive = new LiveEvent({
      url: this.opts.url ?? location.origin,
      key: this.requireOption('publicKey'),
      eventId: this.requireOption('eventId'),
    });
    return this.ownLive;
  }

  private requireOption(name: 'publicKey' | 'eventId'): string {
    const value = this.opts[name];
    if (!value)
      throw new TypeError(`mountSeatPicker needs "${name}" unless "layout" and "live" are given`);
    return value;
  }

  private requireModel(): SeatModel {
    if (!this.model) throw new Error('The seat picker is still loading: await picker.ready first');
    return this.model;
  }

  private holder(): SeatHolder | null {
    if (this.opts.holder !== undefined) return this.opts.holder;
    return canHold(this.source) ? this.source : null;
  }

  private statusAt(i: number): number {
    return this.source?.status[i] ?? 0;
  }

  private describe(i: number): string {
    const model = this.model as SeatModel;
    return describeSeat(model.seat(i), this.statusAt(i), this.selection.has(i), {
      locale: this.opts.locale ?? 'en',
      withSection: model.sections.size > 1,
    });
  }

  private async toggle(i: number): Promise<void> {
    const model = this.model;
    if (!model || this.pending.has(i)) return;
    const seat = model.seat(i);
    const name = seatName(seat, model.sections.size > 1);
    if (this.selection.has(i)) {
      await this.deselect([seat.id]).catch((err: unknown) => this.emit('error', err as Error));
      this.panel.announce(`${name} removed from your selection`);
      return;
    }
    const inFlight = this.pending.size + (this.ga?.picks.count ?? 0);
    const verdict = this.selection.verdict(i, this.statusAt(i), inFlight);
    if (verdict === 'unavailable') return this.panel.announce(`${name} is not available`);
    if (verdict === 'limit') {
      return this.panel.announce(`You can select at most ${this.selection.maxSeats} seats`);
    }
    this.pending.add(i);
    try {
      await this.select([seat.id]);
      this.panel.announce(`${name} selected`);
    } catch (err) {
      const taken = (err as { code?: string }).code === 'SEATS_UNAVAILABLE';
      this.panel.announce(
        `${name} ${taken ? 'was just taken by someone else' : 'could not be held'}`,
      );
      this.emit('error', err as Error);
    } finally {
      this.pending.delete(i);
    }
  }

  private onStatus({ seats, ga, source }: StatusChange): void {
    if (!this.model || this.destroyed) return;
    if (ga?.length) this.renderPanel();
    const lost = this.selection.dropLost(seats, this.source?.status ?? []);
    for (const i of seats) if (this.recolour(i)) this.repaints.add(i);
    if (source !== 'snapshot') {
      const palette = this.palette as Palette;
      this.scene?.pulse(seats, (i) => palette.colors[this.scene?.seats.colour[i] ?? 0] ?? '');
    }
    if (lost.length) {
      const names = lost.map((i) => seatName(this.requireModel().seat(i), false));
      this.panel.announce(`No longer held for you: ${names.join('; ')}`);
      this.selectionChanged(lost);
    }
  }

  /** Updates seat i's colour; returns whether it changed. */
  private recolour(i: number): boolean {
    const model = this.model as SeatModel;
    const palette = this.palette as Palette;
    const colour = colourIndex(
      palette,
      this.statusAt(i),
      model.category[i] as number,
      this.selection.has(i),
    );
    return this.scene?.seats.setColour(i, colour) ?? false;
  }

  private selectionChanged(changed: readonly number[]): void {
    const model = this.model;
    if (!this.scene || !model) return;
    for (const i of changed) if (this.recolour(i)) this.repaints.add(i);
    this.scene.mark(this.selection.seats);
    const check = this.opts.warnOrphans === false ? undefined : this.orphanCheck;
    this.orphans =
      check?.created(this.source?.status ?? new Uint8Array(0), this.selection.seats) ?? [];
    this.renderPanel();
    const seats = this.selected;
    const ga = this.standing;
    this.emit('selectionchange', {
      seats,
      ga,
      total: sumPrices([...seats, ...ga].map((s) => s.price)),
      orphans: this.orphans.map((i) => model.seat(i)),
    });
  }

  private showLevel(level: number): void {
    if (!this.scene || this.scene.level === level) return;
    this.input?.clearFocus();
    this.scene.showLevel(level);
    this.renderPanel();
  }

  private renderPanel(): void {
    const model = this.model;
    if (!model) return;
    const locale = this.opts.locale ?? 'en';
    this.panel.renderLegend(model.layout.categories, (k) => model.priceOf(k), this.theme, locale);
    const level = this.scene?.level ?? 0;
    const levels = model.levels.levels;
    this.panel.renderLevels(levels, levels[level]?.id ?? '', (id) => this.setLevel(id));
    const steppers = this.ga?.steppers(level, locale) ?? [];
    this.panel.renderGa(steppers, (id, delta) => void this.ga?.step(id, delta));
    const seats = this.selected;
    const name = (seat: PickedSeat) => seatName(seat, model.sections.size > 1);
    const orphans = this.orphans.map((i) => name(model.seat(i)));
    this.panel.renderSelection({
      seats: seats.map((seat) => ({ seat, name: name(seat) })),
      ga: this.standing,
      total: sumPrices([...seats, ...this.standing].map((s) => s.price)),
      locale,
      maxSeats: this.selection.maxSeats,
      warning: orphans.length
        ? `Your selection leaves a single empty seat (${orphans.join('; ')}). Please pick seats that do not.`
        : '',
      onRemove: (i) => void this.toggle(i),
      onRemoveGa: (id) => void this.ga?.step(id, 'remove'),
    });
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
