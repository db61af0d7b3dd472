// Seats smaller than about a pixel (a stadium seen whole) are written straight into an ImageData
// buffer: one 32-bit store per device pixel instead of a path segment per seat, which turns a
// ~100 ms software-canvas fill of 90,000 seats into a few milliseconds. At that size a seat is a
// 1–2 px dot either way, so nothing visible is lost.

/** CSS colour → RGBA packed in the platform's byte order, for a Uint32Array over ImageData. */
function packColours(colours: readonly string[]): Uint32Array {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const out = new Uint32Array(colours.length);
  if (!probe) return out;
  const bytes = new Uint8Array(out.buffer);
  colours.forEach((colour, c) => {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    bytes.set(probe.getImageData(0, 0, 1, 1).data, c * 4);
  });
  return out;
}

/** Where seats go on the device-pixel canvas: device px = world × scale + offset. */
export interface PixelTransform {
  scale: number;
  x: number;
  y: number;
  /** Dot size in device pixels (1 or more). */
  size: number;
  /** Only seats with `seatLevel[i] === level` are drawn (levels overlap in x/y). */
  seatLevel: Uint8Array;
  level: number;
}

/**
 * A reusable ImageData the size of the canvas.
 * @example pixels.draw(ctx, xs, ys, colour, palette.colors, { scale, x, y, size: 2, seatLevel, level: 0 });
 */
export class PixelSeats {
  private image: ImageData | undefined;
  private pixels: Uint32Array = new Uint32Array(0);
  private packed: Uint32Array = new Uint32Array(0);
  private packedFor: readonly string[] = [];

  /** Replaces the whole canvas with the seats (the layer holds nothing else). */
  draw(
    ctx: CanvasRenderingContext2D,
    xs: Float64Array,
    ys: Float64Array,
    colour: Uint8Array,
    colours: readonly string[],
    t: PixelTransform,
  ): void {
    const { width: w, height: h } = ctx.canvas;
    if (!this.image || this.image.width !== w || this.image.height !== h) {
      this.image = ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    if (this.packedFor !== colours) {
      this.packed = packColours(colours);
      this.packedFor = colours;
    }
    const { pixels, packed } = this;
    pixels.fill(0);
    const size = t.size;
    const half = size / 2;
    for (let i = 0; i < xs.length; i++) {
      if (t.seatLevel[i] !== t.level) continue;
      const px = Math.round((xs[i] as number) * t.scale + t.x - half);
      const py = Math.round((ys[i] as number) * t.scale + t.y - half);
      if (px < 0 || py < 0 || px + size > w || py + size > h) continue;
      const value = packed[colour[i] as number] as number;
      for (let dy = 0; dy < size; dy++) {
        const row = (py + dy) * w + px;
        for (let dx = 0; dx < size; dx++) pixels[row + dx] = value;
      }
    }
    ctx.putImageData(this.image, 0, 0);
  }
}
