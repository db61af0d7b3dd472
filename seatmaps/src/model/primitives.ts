// Geometry primitives shared by every record. Numbers must be finite: NaN or Infinity in a saved
// plan would poison bounds, hit-testing and rendering far from where it was introduced.
import { z } from 'zod';

export const Finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const Point = z.object({ x: Finite, y: Finite }).readonly();
export type Point = z.infer<typeof Point>;

/** Placement of a container (section, table, GA area) in its parent's coordinates. */
export const Transform = z
  .object({
    x: Finite,
    y: Finite,
    /** Degrees, clockwise (screen coordinates: y grows downwards). */
    rotation: Finite.default(0),
  })
  .readonly();
export type Transform = z.infer<typeof Transform>;

export const Size = z
  .object({ width: Finite.pipe(z.number().positive()), height: Finite.pipe(z.number().positive()) })
  .readonly();
export type Size = z.infer<typeof Size>;

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c');

/** Bookkeeping every top-level record carries so concurrent edits can be reconciled. */
export const RecordMeta = {
  /** Bumped on every edit of the record. */
  version: z.number().int().nonnegative().default(1),
  /** Milliseconds since epoch of the last edit. */
  updated: z.number().int().nonnegative().default(0),
};
