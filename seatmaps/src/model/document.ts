// A seating plan document: plain JSON, validated by zod, versioned by `schemaVersion`. Older
// documents are upgraded by `migrate()` (migrations.ts) before they are parsed with this schema.
import { z } from 'zod';
import { Category, Level, Section, Shape, Text } from './elements.ts';
import { Finite, Point, Size } from './primitives.ts';

/** The schema version this code reads and writes. Bump it only together with a migration. */
export const CURRENT_SCHEMA_VERSION = 2;

export const Background = z
  .object({
    /** http(s) URL or a data: URL of the traced image. */
    url: z
      .string()
      .min(1)
      .refine((u) => /^(https?:|data:image\/)/.test(u), 'must be an http(s) or data:image URL'),
    opacity: z.number().min(0).max(1).default(0.5),
    x: Finite.default(0),
    y: Finite.default(0),
    scale: Finite.pipe(z.number().positive()).default(1),
    locked: z.boolean().default(true),
  })
  .readonly();
export type Background = z.infer<typeof Background>;

export const SeatmapDocument = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    size: Size,
    background: Background.optional(),
    /** Where the audience looks (centre of the stage); best-available scores distance to it. */
    focalPoint: Point,
    categories: z.array(Category).readonly(),
    levels: z.array(Level).min(1).readonly(),
    sections: z.array(Section).readonly(),
    shapes: z.array(Shape).readonly().default([]),
    texts: z.array(Text).readonly().default([]),
  })
  .readonly();

/** A parsed, current-version seating plan. */
export type SeatmapDocument = z.infer<typeof SeatmapDocument>;
/** What a caller may hand in before defaults are applied (e.g. a hand-written JSON file). */
export type SeatmapDocumentInput = z.input<typeof SeatmapDocument>;
