// The one way to read a seat-map document from outside: upgrade, validate, expand blocks.
import { z } from 'zod';
import type { SeatmapDocument } from '../model/document.ts';
import type { Section } from '../model/elements.ts';
import { migrate } from '../model/migrations.ts';
import { expandSection } from './blocks.ts';

/** safeParse-style result: every problem is a zod issue with its path, whatever its origin. */
export type LoadResult =
  | { readonly success: true; readonly data: SeatmapDocument; readonly error?: undefined }
  | { readonly success: false; readonly error: z.ZodError; readonly data?: undefined };

function failure(message: string, path: PropertyKey[], input: unknown): LoadResult {
  return { success: false, error: new z.ZodError([{ code: 'custom', message, path, input }]) };
}

/**
 * Reads a document of any schema version: migrate() to the current version, validate, then
 * expand block sections into rows (`expandBlocks`). Never throws on bad input.
 * @example
 * const result = loadSeatmap(JSON.parse(text));
 * if (!result.success) console.error(z.prettifyError(result.error));
 */
export function loadSeatmap(json: unknown): LoadResult {
  let parsed: ReturnType<typeof migrate>;
  try {
    parsed = migrate(json);
  } catch (err) {
    // MigrationError: not an object, or a schemaVersion this code cannot read.
    const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
    return failure((err as Error).message, isObject ? ['schemaVersion'] : [], json);
  }
  if (!parsed.success) return { success: false, error: parsed.error };
  const doc = parsed.data;
  const sections: Section[] = [];
  for (const [i, section] of doc.sections.entries()) {
    try {
      sections.push(expandSection(section));
    } catch (err) {
      return failure((err as Error).message, ['sections', i, 'block'], section.block);
    }
  }
  return { success: true, data: { ...doc, sections } };
}
