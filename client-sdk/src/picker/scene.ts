// The Konva stage of a picker: standing areas and the stage marker underneath, the seat layer,
// and an overlay with the focus ring and selection marks (a handful of nodes at most). The view
// (pan/zoom) is the stage's scale and position.
import Konva from 'konva/lib/Core';
import { Circle } from 'konva/lib/shapes/Circle';
import { Line } from 'konva/lib/shapes/Line';
import { SEAT_RADIUS } from '@parterre/seatmaps/client';
import { onLevel } from './levels.ts';
import type { Palette } from './palette.ts';
import type { SeatModel } from './seat-model.ts';
import { SeatLayer } from './seat-layer.ts';
import type { PickerTheme } from './types.ts';
import { fitView, toScreen, type Bounds, type Point, type View } from './view.ts';

/** Seats are drawn a little smaller than their hit circle so neighbours keep a visible gap. */
const DRAWN_RADIUS = SEAT_RADIUS * 0.85;
/** Closest zoom: a seat about 40 px across. */
const MAX_SEAT_PX = 20;
const FIT_PADDING = 16;
/** Status-change pulses: at most this many at once, on seats at least this big, this long. */
const PULSE_MAX = 40;
const PULSE_MIN_SEAT_PX = 5;
const PULSE_SECONDS = 0.45;

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Stage, layers and view of one picker.
 * @example const scene = new PickerScene(mapDiv, model, palette, theme); scene.fit();
 */
export class PickerScene {
  readonly stage: Konva.Stage;
  readonly seats: SeatLayer;
  private readonly under = new Konva.Layer({ listening: false });
  private readonly overlay = new Konva.Layer({ listening: false });
  private readonly focusRing: Circle;
  private readonly marks = new Konva.Group();
  private view: View = { scale: 1, x: 0, y: 0 };
  private minScale = 0.01;
  private markedSeats: number[] = [];
  /** What the view was last fitted to; null once the visitor panned or zoomed. */
  private fitted: Bounds | null = null;

  constructor(
    container: HTMLDivElement,
    private readonly model: SeatModel,
    palette: Palette,
    private theme: PickerTheme,
  ) {
    this.stage = new Konva.Stage({
      container,
      width: Math.max(1, container.clientWidth),
      height: Math.max(1, container.clientHeight),
    });
    this.seats = new SeatLayer(model, palette, DRAWN_RADIUS, () => ({
      view: this.view,
      width: this.stage.width(),
      height: this.stage.height(),
    }));
    this.focusRing = new Circle({ visible: false, strokeScaleEnabled: false, strokeWidth: 3 });
    this.overlay.add(this.marks, this.focusRing);
    this.drawUnderlay();
    this.stage.add(this.under, this.seats.layer, this.overlay);
    this.showLevel(0);
    this.setTheme(theme);
  }

  get currentView(): View {
    return this.view;
  }

  get width(): number {
    return this.stage.width();
  }

  get height(): number {
    return this.stage.height();
  }

  /** [min, max] scale: from half the fitted view to seats 40 px across. */
  zoomLimits(): readonly [number, number] {
    return [this.minScale, MAX_SEAT_PX / SEAT_RADIUS];
  }

  /** Screen radius of a seat at the current zoom. */
  seatPixels(): number {
    return DRAWN_RADIUS * this.view.scale;
  }

  /** Sets the view (the visitor moved it: resizes no longer refit). */
  setView(view: View): void {
    this.fitted = null;
    this.applyView(view);
  }

  private applyView(view: View): void {
    const [lo, hi] = this.zoomLimits();
    this.view = { ...view, scale: Math.min(hi, Math.max(lo, view.scale)) };
    this.stage.scale({ x: this.view.scale, y: this.view.scale });
    this.stage.position({ x: this.view.x, y: this.view.y });
    this.sizeMarks();
    this.stage.batchDraw();
  }

  /** Shows `bounds` (default: every seat and standing area) and resets the zoom-out limit. */
  fit(bounds: Bounds = this.model.bounds): void {
    const r = SEAT_RADIUS;
    const padded = {
      minX: bounds.minX - r,
      minY: bounds.minY - r,
      maxX: bounds.maxX + r,
      maxY: bounds.maxY + r,
    };
    const view = fitView(padded, this.width, this.height, FIT_PADDING, this.zoomLimits()[1]);
    if (bounds === this.model.bounds) this.minScale = view.scale / 2;
    this.applyView(view);
    this.fitted = bounds;
  }

  resize(width: number, height: number): void {
    this.stage.size({ width: Math.max(1, width), height: Math.max(1, height) });
    if (this.fitted) this.fit(this.fitted);
    else this.stage.batchDraw();
  }

  setTheme(theme: PickerTheme): void {
    this.theme = theme;
    this.focusRing.stroke(theme.focusRing);
    for (const node of this.under.find('.ga')) (node as Line).fill(theme.gaFill);
    for (const node of this.marks.getChildren()) (node as Circle).stroke(theme.background);
    this.stage.batchDraw();
  }

  /** Level position on screen. */
  get level(): number {
    return this.seats.level;
  }

  /** Shows one level: its seats, standing areas and selection marks; hides the focus ring. */
  showLevel(level: number): void {
    this.seats.setLevel(level);
    const { areaLevel } = this.model.levels;
    this.under.find('.ga').forEach((node, k) => node.visible(areaLevel[k] === level));
    this.focusRing.visible(false);
    this.mark(this.markedSeats);
    this.stage.batchDraw();
  }

  /** Puts the focus ring on seat `i` (-1 hides it). */
  focus(i: number): void {
    if (i < 0) {
      this.focusRing.visible(false);
    } else {
      this.focusRing.position({ x: this.model.xs[i] as number, y: this.model.ys[i] as number });
      this.focusRing.visible(true);
    }
    this.sizeMarks();
    this.overlay.batchDraw();
  }

  /** Marks the selected seats with an inner ring, so selection never relies on colour alone. */
  mark(seats: readonly number[]): void {
    this.markedSeats = [...seats];
    this.marks.destroyChildren();
    for (const i of onLevel(seats, this.model.levels.seatLevel, this.level)) {
      this.marks.add(
        new Circle({
          x: this.model.xs[i] as number,
          y: this.model.ys[i] as number,
          stroke: this.theme.background,
          strokeWidth: 2,
          strokeScaleEnabled: false,
        }),
      );
    }
    this.sizeMarks();
    this.overlay.batchDraw();
  }

  /**
   * Draws a short expanding ring on seats whose status just changed, so a visitor watching the
   * map sees seats go rather than silently swap colour. Only a handful of visible seats big
   * enough to notice get one, and none when the visitor asked for reduced motion.
   */
  pulse(seats: readonly number[], colourOf: (i: number) => string): void {
    if (this.seatPixels() < PULSE_MIN_SEAT_PX || prefersReducedMotion()) return;
    let shown = 0;
    for (const i of onLevel(seats, this.model.levels.seatLevel, this.level)) {
      if (shown >= PULSE_MAX) break;
      if (!this.isOnScreen(i)) continue;
      shown++;
      const ring = new Circle({
        x: this.model.xs[i] as number,
        y: this.model.ys[i] as number,
        radius: DRAWN_RADIUS,
        stroke: colourOf(i),
        strokeWidth: 2,
        strokeScaleEnabled: false,
        listening: false,
      });
      this.overlay.add(ring);
      ring.to({
        radius: DRAWN_RADIUS * 2.2,
        opacity: 0,
        duration: PULSE_SECONDS,
        onFinish: () => ring.destroy(),
      });
    }
  }

  /** Screen position of seat `i`. */
  seatOnScreen(i: number): Point {
    return toScreen(this.view, { x: this.model.xs[i] as number, y: this.model.ys[i] as number });
  }

  /** Whether seat `i` is inside the visible area. */
  isOnScreen(i: number): boolean {
    const p = this.seatOnScreen(i);
    return p.x >= 0 && p.y >= 0 && p.x <= this.width && p.y <= this.height;
  }

  /** Pans so seat `i` is in the middle (keyboard focus that left the screen). */
  centreOn(i: number): void {
    const p = this.seatOnScreen(i);
    this.setView({
      ...this.view,
      x: this.view.x + this.width / 2 - p.x,
      y: this.view.y + this.height / 2 - p.y,
    });
  }

  destroy(): void {
    this.stage.destroy();
  }

  /** Rings keep a constant on-screen size whatever the zoom. */
  private sizeMarks(): void {
    const s = this.view.scale;
    this.focusRing.radius(Math.max(DRAWN_RADIUS * 1.5, 9 / s));
    const inner = Math.max(DRAWN_RADIUS * 0.45, 2 / s);
    for (const node of this.marks.getChildren()) (node as Circle).radius(inner);
    this.marks.visible(this.markedSeats.length > 0 && DRAWN_RADIUS * s >= 4);
  }

  private drawUnderlay(): void {
    const { layout } = this.model;
    for (const area of layout.gaAreas) {
      this.under.add(
        new Line({
          name: 'ga',
          points: area.outline.flatMap((p) => [p.x, p.y]),
          closed: true,
          fill: this.theme.gaFill,
          stroke: '#9aa1ab',
          strokeWidth: 1,
          strokeScaleEnabled: false,
        }),
      );
    }
    const { x, y } = layout.focalPoint;
    this.under.add(
      new Circle({
        name: 'focal',
        x,
        y,
        radius: SEAT_RADIUS * 1.5,
        fill: '#c3c8cf',
      }),
    );
  }
}
