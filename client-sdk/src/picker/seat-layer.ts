// All seats in one Konva layer drawn by a single custom shape over typed arrays: 80,000 seats as
// 80,000 Konva nodes would cost seconds to build and megabytes of objects, while one sceneFunc
// that batches seats into one path per colour draws them in a few milliseconds. Status changes
// do not redraw the world: each changed seat's square is cleared and redrawn in place.
import Konva from 'konva/lib/Core';
import type { Context } from 'konva/lib/Context';
import type { Palette } from './palette.ts';
import type { SeatModel } from './seat-model.ts';
import { toWorld, type View } from './view.ts';

/** Below this many screen pixels of radius a seat is drawn as a square: same look, far cheaper. */
const SQUARE_BELOW_PX = 2;
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
  private palette: Palette;

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

  /** Repaints just these seats now (or everything when most of the screen changed). */
  repaint(seats: readonly number[]): void {
    const visible = this.visibleSeats();
    const share = seats.length / Math.max(1, visible ? visible.length : this.model.size);
    if (share > FULL_REDRAW_SHARE) return this.layer.draw() as unknown as void;
    const canvas = this.layer.getCanvas();
    const ctx = canvas._canvas.getContext('2d');
    if (!ctx) return;
    const { view, width, height } = this.viewport();
    const ratio = canvas.getPixelRatio();
    const r = this.radius;
    const pad = r + 1 / view.scale; // one screen pixel of antialiasing fringe
    const { xs, ys } = this.model;
    ctx.save();
    ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
    const min = toWorld(view, { x: 0, y: 0 });
    const max = toWorld(view, { x: width, y: height });
    for (const i of seats) {
      const x = xs[i] as number;
      const y = ys[i] as number;
      if (x + pad < min.x || x - pad > max.x || y + pad < min.y || y - pad > max.y) continue;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x - pad, y - pad, 2 * pad, 2 * pad);
      ctx.clip();
      ctx.clearRect(x - pad, y - pad, 2 * pad, 2 * pad);
      // Neighbours may reach into the cleared square: redraw them, clipped to it.
      const near = this.model.index.inRect(x - pad - r, y - pad - r, x + pad + r, y + pad + r);
      this.fillSeats(ctx, near, view.scale * ratio);
      ctx.restore();
    }
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

  private drawAll(ctx: CanvasRenderingContext2D): void {
    const visible = this.visibleSeats();
    const ratio = this.layer.getCanvas().getPixelRatio();
    this.fillSeats(ctx, visible, this.viewport().view.scale * ratio);
  }

  /** Fills seats (all when `seats` is null) in one path per colour: a bucket sort by colour. */
  private fillSeats(
    ctx: CanvasRenderingContext2D,
    seats: readonly number[] | null,
    pxPerUnit: number,
  ): void {
    const colours = this.palette.colors;
    const start = new Int32Array(colours.length + 1);
    const n = seats ? seats.length : this.model.size;
    const at = (k: number) => (seats ? (seats[k] as number) : k);
    for (let k = 0; k < n; k++) {
      const c = (this.colour[at(k)] as number) + 1;
      start[c] = (start[c] as number) + 1;
    }
    for (let c = 0; c < colours.length; c++)
      start[c + 1] = (start[c + 1] as number) + (start[c] as number);
    const fill = start.slice();
    for (let k = 0; k < n; k++) {
      const i = at(k);
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
