// All seats in one Konva layer drawn by a single custom shape over typed arrays: 80,000 seats as
// 80,000 Konva nodes would cost seconds to build and megabytes of objects, while one sceneFunc
// that batches seats into one path per colour draws them in a few milliseconds. Status changes
// do not redraw the world: each changed seat's square is cleared and redrawn in place.
import Konva from 'konva/lib/Core';
import type { Context } from 'konva/lib/Context';
import type { Palette } from './palette.ts';
import { PixelSeats } from './pixel-seats.ts';
import type { SeatModel } from './seat-model.ts';
import { toWorld, type View } from './view.ts';

/** Below this many device pixels of radius a seat is drawn as a square: same look, far cheaper. */
const SQUARE_BELOW_PX = 2;
/** Below this, seats are dots written straight into pixels (see pixel-seats.ts). */
const PIXELS_BELOW_PX = 1;
/** When more than this share of the visible seats changed, one full redraw is cheaper. */
const FULL_REDRAW_SHARE = 0.25;

export interface Viewport {
  view: View;
  width: number;
  height: number;
}

/**
 * The seat layer: owns the colour index of every seat and draws them.
 * @example
 * const seats = new SeatLayer(model, palette, 9, () => viewport);
 * stage.add(seats.layer);
 * if (seats.setColour(12, palette.held)) seats.repaint([12]);
 */
export class SeatLayer {
  readonly layer = new Konva.Layer({ listening: false });
  /** Palette index per seat. */
  readonly colour: Uint8Array;
  private readonly order: Int32Array;
  private readonly pixels = new PixelSeats();
  private palette: Palette;
  /** Level position shown: seats of other levels are skipped by every draw. */
  private shownLevel = 0;

  constructor(
    private readonly model: SeatModel,
    palette: Palette,
    /** Drawn radius in world units. */
    private readonly radius: number,
    private readonly viewport: () => Viewport,
  ) {
    this.palette = palette;
    this.colour = new Uint8Array(model.size);
    this.order = new Int32Array(model.size);
    const shape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx: Context) => this.drawAll(ctx._context),
    });
    this.layer.add(shape);
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
  }

  get level(): number {
    return this.shownLevel;
  }

  /** Shows one level's seats (call `redraw` after). */
  setLevel(level: number): void {
    this.shownLevel = level;
  }

  /** Sets seat `i`'s colour index; returns whether it changed. */
  setColour(i: number, colour: number): boolean {
    if (this.colour[i] === colour) return false;
    this.colour[i] = colour;
    return true;
  }

  /** Redraws everything on the next frame (view or palette changed). */
  redraw(): void {
    this.layer.batchDraw();
  }

  /**
   * Repaints just these seats now: one clip made of their squares, cleared, and every seat
   * reaching into it redrawn (neighbours included) in one path per colour. When most of the
   * screen changed, or seats are pixel dots anyway, one full redraw is cheaper.
   */
  repaint(seats: readonly number[]): void {
    const visible = this.visibleSeats();
    const share = seats.length / Math.max(1, visible ? visible.length : this.model.size);
    const canvas = this.layer.getCanvas();
    const ctx = canvas._canvas.getContext('2d');
    const ratio = canvas.getPixelRatio();
    const { view, width, height } = this.viewport();
    if (!ctx || share > FULL_REDRAW_SHARE || this.pixelMode(view.scale * ratio)) {
      this.layer.draw();
      return;
    }
    const r = this.radius;
    const pad = r + 1 / view.scale; // one screen pixel of antialiasing fringe
    const { xs, ys, index } = this.model;
    const min = toWorld(view, { x: -pad, y: -pad });
    const max = toWorld(view, { x: width + pad, y: height + pad });
    const touched = new Set<number>();
    ctx.save();
    ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
    ctx.beginPath();
    const { seatLevel } = this.model.levels;
    for (const i of seats) {
      if (seatLevel[i] !== this.shownLevel) continue;
      const x = xs[i] as number;
      const y = ys[i] as number;
      if (x < min.x || x > max.x || y < min.y || y > max.y) continue;
      ctx.rect(x - pad, y - pad, 2 * pad, 2 * pad);
      for (const j of index.inRect(x - pad - r, y - pad - r, x + pad + r, y + pad + r)) {
        touched.add(j);
      }
    }
    ctx.clip();
    ctx.clearRect(min.x, min.y, max.x - min.x, max.y - min.y);
    this.fillSeats(ctx, [...touched], view.scale * ratio);
    ctx.restore();
  }

  /** Seats whose circles may be on screen; null when that is all of them. */
  private visibleSeats(): number[] | null {
    const { view, width, height } = this.viewport();
    const r = this.radius;
    const min = toWorld(view, { x: 0, y: 0 });
    const max = toWorld(view, { x: width, y: height });
    const b = this.model.bounds;
    if (min.x <= b.minX - r && min.y <= b.minY - r && max.x >= b.maxX + r && max.y >= b.maxY + r) {
      return null;
    }
    return this.model.index.inRect(min.x - r, min.y - r, max.x + r, max.y + r);
  }

  /** Whether seats are small enough on screen to be drawn as pixel dots. */
  private pixelMode(pxPerUnit: number): boolean {
    return this.radius * pxPerUnit < PIXELS_BELOW_PX;
  }

  private drawAll(ctx: CanvasRenderingContext2D): void {
    const ratio = this.layer.getCanvas().getPixelRatio();
    const { view } = this.viewport();
    const k = view.scale * ratio;
    if (this.pixelMode(k)) {
      const size = Math.max(1, Math.round(2 * this.radius * k));
      const { xs, ys, levels } = this.model;
      const { seatLevel } = levels;
      const level = this.shownLevel;
      const t = { scale: k, x: view.x * ratio, y: view.y * ratio, size, seatLevel, level };
      return this.pixels.draw(ctx, xs, ys, this.colour, this.palette.colors, t);
    }
    this.fillSeats(ctx, this.visibleSeats(), k);
  }

  /**
   * Fills the shown level's seats among `seats` (all when null) in one path per colour: a
   * bucket sort by colour.
   */
  private fillSeats(
    ctx: CanvasRenderingContext2D,
    seats: readonly number[] | null,
    pxPerUnit: number,
  ): void {
    const colours = this.palette.colors;
    const start = new Int32Array(colours.length + 1);
    const n = seats ? seats.length : this.model.size;
    const at = (k: number) => (seats ? (seats[k] as number) : k);
    const { seatLevel } = this.model.levels;
    const level = this.shownLevel;
    for (let k = 0; k < n; k++) {
      const i = at(k);
      if (seatLevel[i] !== level) continue;
      const c = (this.colour[i] as number) + 1;
      start[c] = (start[c] as number) + 1;
    }
    for (let c = 0; c < colours.length; c++)
      start[c + 1] = (start[c + 1] as number) + (start[c] as number);
    const fill = start.slice();
    for (let k = 0; k < n; k++) {
      const i = at(k);
      if (seatLevel[i] !== level) continue;
      const c = this.colour[i] as number;
      const slot = fill[c] as number;
      fill[c] = slot + 1;
      this.order[slot] = i;
    }
    const { xs, ys } = this.model;
    const r = this.radius;
    const square = r * pxPerUnit < SQUARE_BELOW_PX;
    for (let c = 0; c < colours.length; c++) {
      const from = start[c] as number;
      const to = start[c + 1] as number;
      if (from === to) continue;
      ctx.fillStyle = colours[c] as string;
      ctx.beginPath();
      for (let k = from; k < to; k++) {
        const i = this.order[k] as number;
        const x = xs[i] as number;
        const y = ys[i] as number;
        if (square) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        }
      }
      ctx.fill();
    }
  }
}
