// Branded ids: a SeatId can never be passed where a SectionId is expected, although both are
// strings on the wire. The brand exists only in the type system (zod `.brand()`), so documents
// stay plain JSON.
import { z } from 'zod';

const idString = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');

export const SeatId = idString.brand<'SeatId'>();
export type SeatId = z.infer<typeof SeatId>;
export const RowId = idString.brand<'RowId'>();
export type RowId = z.infer<typeof RowId>;
export const SectionId = idString.brand<'SectionId'>();
export type SectionId = z.infer<typeof SectionId>;
export const TableId = idString.brand<'TableId'>();
export type TableId = z.infer<typeof TableId>;
export const GaAreaId = idString.brand<'GaAreaId'>();
export type GaAreaId = z.infer<typeof GaAreaId>;
export const ShapeId = idString.brand<'ShapeId'>();
export type ShapeId = z.infer<typeof ShapeId>;
export const TextId = idString.brand<'TextId'>();
export type TextId = z.infer<typeof TextId>;
export const LevelId = idString.brand<'LevelId'>();
export type LevelId = z.infer<typeof LevelId>;
export const CategoryKey = idString.brand<'CategoryKey'>();
export type CategoryKey = z.infer<typeof CategoryKey>;

/**
 * Casts a plain string to a branded id. Use only where the string was produced by trusted code
 * (generators, tests); data from outside goes through the zod schemas instead.
 * @example const id = brand<SeatId>('A-12');
 */
export function brand<T extends string>(value: string): T {
  return value as T;
}
