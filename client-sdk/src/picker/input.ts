// Pointer and keyboard input of a mounted picker: taps select, the mouse shows tooltips, arrow
// keys move a focus ring seat to seat (announced in the live region), Enter/Space select, +/−/0
// zoom. Hit-testing goes through the spatial index, never through Konva's per-node hit canvas.
import { pointInPolygon, SEAT_RADIUS } from '@parterre/seatmaps/client';
import { attachGestures } from './gestures.ts';
import { onLevel } from './levels.ts';
import { directionOfKey, nextSeat, type Direction, type NavigableSeats } from './navigation.ts';
import type { PickerPanel } from './panel.ts';
import type { PickerScene } from './scene.ts';
import type { SeatModel } from './seat-model.ts';
import { toWorld, zoomAt, type Point } from './view.ts';

/** Seats smaller than this on screen are too small to aim at: a tap zooms in instead. */
const MIN_TAP_SEAT_PX = 4;
const TAP_ZOOM = 3;
const KEY_ZOOM = 1.5;

/** What input needs from the picker. */
export interface InputHost {
  describe(i: number): string;
  toggle(i: number): void;
  focusChanged(i: number): void;
  /** A standing area (position in `layout.gaAreas`) was tapped. */
  tapArea(area: number): void;
}

/**
 * Attaches input handlers to the picker's map element until `detach()`.
 * @example const input = new PickerInput(model, scene, panel, host); input.focus(12);
 */
export class PickerInput {
  /** The keyboard-focused seat, -1 for none. */
  focused = -1;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly model: SeatModel,
    private readonly scene: PickerScene,
    private readonly panel: PickerPanel,
    private readonly host: InputHost,
  ) {
    const map = panel.map;
    this.cleanups.push(
      attachGestures(map, {
        getView: () => scene.currentView,
        setView: (view) => {
          scene.setView(view);
          panel.hideTooltip();
        },
        zoomLimits: () => scene.zoomLimits(),
        tap: (p) => this.onTap(p),
        hover: (p) => this.onHover(p),
      }),
    );
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    const onFocus = () => {
      if (this.focused < 0) this.focusNearCentre();
      else this.focus(this.focused);
    };
    const onBlur = () => {
      scene.focus(-1);
      panel.hideTooltip();
    };
    map.addEventListener('keydown', onKey);
    map.addEventListener('focus', onFocus);
    map.addEventListener('blur', onBlur);
    const resize = new ResizeObserver(() => scene.resize(map.clientWidth, map.clientHeight));
    resize.observe(map);
    this.cleanups.push(() => {
      map.removeEventListener('keydown', onKey);
      map.removeEventListener('focus', onFocus);
      map.removeEventListener('blur', onBlur);
      resize.disconnect();
    });
  }

  /** Moves the focus ring to seat `i`, bringing it on screen, and announces it. */
  focus(i: number, announce = true): void {
    const { scene } = this;
    this.focused = i;
    if (!scene.isOnScreen(i)) scene.centreOn(i);
    scene.focus(i);
    const text = this.host.describe(i);
    const p = scene.seatOnScreen(i);
    this.panel.showTooltip(text, p.x, p.y - scene.seatPixels());
    if (announce) this.panel.announce(text);
    this.host.focusChanged(i);
  }

  /** Forgets the focused seat (the level changed: it may no longer be on screen). */
  clearFocus(): void {
    this.focused = -1;
    this.scene.focus(-1);
    this.panel.hideTooltip();
  }

  zoomBy(factor: number): void {
    const { scene } = this;
    const centre = { x: scene.width / 2, y: scene.height / 2 };
    scene.setView(zoomAt(scene.currentView, centre, factor, scene.zoomLimits()));
  }

  detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The shown level's seat under a screen point, or -1 (other levels' seats are not there). */
  private seatUnder(p: Point): number {
    const w = toWorld(this.scene.currentView, p);
    const near = this.model.index.neighbors(w.x, w.y, { maxDistance: SEAT_RADIUS * 1.1 });
    return this.shown(near)[0] ?? -1;
  }

  /** The shown level's standing area under a screen point, or -1. */
  private areaUnder(p: Point): number {
    const w = toWorld(this.scene.currentView, p);
    const { areaLevel } = this.model.levels;
    return this.model.layout.gaAreas.findIndex(
      (a, k) => areaLevel[k] === this.scene.level && pointInPolygon(w, a.outline),
    );
  }

  private shown(seats: readonly number[]): number[] {
    return onLevel(seats, this.model.levels.seatLevel, this.scene.level);
  }

  /** The seats keyboard moves may reach: those of the shown level. */
  private navigable(): NavigableSeats {
    const { xs, ys, index } = this.model;
    return { xs, ys, index: { neighbors: (x, y, q) => this.shown(index.neighbors(x, y, q)) } };
  }

  private onTap(p: Point): void {
    const { scene } = this;
    if (scene.seatPixels() < MIN_TAP_SEAT_PX) {
      scene.setView(zoomAt(scene.currentView, p, TAP_ZOOM, scene.zoomLimits()));
      return;
    }
    const i = this.seatUnder(p);
    if (i < 0) {
      const area = this.areaUnder(p);
      if (area >= 0) this.host.tapArea(area);
      return;
    }
    this.focus(i, false);
    this.host.toggle(i);
  }

  private onHover(p: Point | null): void {
    const i = p ? this.seatUnder(p) : -1;
    if (i < 0 || !p) return this.panel.hideTooltip();
    this.panel.showTooltip(this.host.describe(i), p.x, p.y);
  }

  private onKey(e: KeyboardEvent): void {
    const dir = directionOfKey(e.key);
    if (dir) {
      e.preventDefault();
      return this.move(dir);
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.focused >= 0) {
      e.preventDefault();
      this.host.toggle(this.focused);
    } else if (e.key === '+' || e.key === '=') this.zoomBy(KEY_ZOOM);
    else if (e.key === '-') this.zoomBy(1 / KEY_ZOOM);
    else if (e.key === '0') this.scene.fit();
  }

  private move(dir: Direction): void {
    if (this.focused < 0) return this.focusNearCentre();
    const next = nextSeat(this.navigable(), this.focused, dir);
    if (next >= 0) return this.focus(next);
    const where = dir === 'left' || dir === 'right' ? `to the ${dir}` : dir;
    this.panel.announce(`No more seats ${where}`);
  }

  private focusNearCentre(): void {
    const { scene } = this;
    const c = toWorld(scene.currentView, { x: scene.width / 2, y: scene.height / 2 });
    // Widen the search step by step: the nearest seats may all be on another level.
    for (const k of [64, 4096, Infinity]) {
      const [nearest] = this.shown(this.model.index.neighbors(c.x, c.y, { k }));
      if (nearest !== undefined) return this.focus(nearest);
    }
  }
}
