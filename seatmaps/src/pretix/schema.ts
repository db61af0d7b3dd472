// The pretix seating-plan JSON format, written from its published JSON schema and documentation.
// Real files are looser than the schema: coordinates are often fractional, older files lack
// `size`, `uuid` or `zone_id`, and editors add fields of their own. The schema below therefore
// accepts any finite number, makes everything optional that a renderer can do without, and
// ignores unknown fields (zod strips them) instead of rejecting the file.
import { z } from 'zod';

const Num = z.number().refine(Number.isFinite, 'must be a finite number');
/** Seat numbers and row numbers are strings in the format; some generators write numbers. */
const Str = z.union([z.string(), z.number().transform(String)]);

export const PretixPosition = z.object({ x: Num, y: Num });
export type PretixPosition = z.infer<typeof PretixPosition>;

export const PretixCategory = z.object({ name: Str, color: z.string().optional() });
export type PretixCategory = z.infer<typeof PretixCategory>;

export const PretixSeat = z.object({
  seat_guid: Str,
  seat_number: Str,
  position: PretixPosition,
  /** Name of a category; "" for none. */
  category: Str.optional(),
  uuid: z.string().optional(),
  radius: Num.optional(),
  start_direction: z.string().nullable().optional(),
});
export type PretixSeat = z.infer<typeof PretixSeat>;

export const PretixRow = z.object({
  row_number: Str,
  row_label: z.string().nullable().optional(),
  seat_label: z.string().nullable().optional(),
  uuid: z.string().optional(),
  position: PretixPosition.optional(),
  row_number_position: z.string().nullable().optional(),
  seats: z.array(PretixSeat),
});
export type PretixRow = z.infer<typeof PretixRow>;

export const PretixAreaText = z.object({
  text: z.string(),
  color: z.string().optional(),
  size: Num.optional(),
  /** Relative to the area's position. */
  position: PretixPosition.optional(),
});
export type PretixAreaText = z.infer<typeof PretixAreaText>;

export const PretixArea = z.object({
  shape: z.enum(['polygon', 'rectangle', 'ellipse', 'circle', 'text']).optional(),
  color: z.string().optional(),
  border_color: z.string().optional(),
  /** Degrees clockwise around `position`. */
  rotation: Num.optional(),
  /** Rectangle: top-left corner; ellipse/circle: centre; polygon and text: origin of points. */
  position: PretixPosition,
  uuid: z.string().optional(),
  rectangle: z.object({ width: Num, height: Num }).optional(),
  ellipse: z.object({ radius: PretixPosition }).optional(),
  circle: z.object({ radius: Num }).optional(),
  polygon: z.object({ points: z.array(PretixPosition) }).optional(),
  text: PretixAreaText.optional(),
});
export type PretixArea = z.infer<typeof PretixArea>;

export const PretixZone = z.object({
  name: z.string().optional(),
  zone_id: z.string().optional(),
  uuid: z.string().optional(),
  position: PretixPosition,
  rows: z.array(PretixRow),
  areas: z.array(PretixArea).optional(),
});
export type PretixZone = z.infer<typeof PretixZone>;

/** A pretix seating plan (the `layout` of pretix's seating-plan resource). */
export const PretixPlan = z.object({
  name: z.string(),
  categories: z.array(PretixCategory),
  zones: z.array(PretixZone),
  size: z.object({ width: Num, height: Num }).optional(),
});
export type PretixPlan = z.infer<typeof PretixPlan>;
