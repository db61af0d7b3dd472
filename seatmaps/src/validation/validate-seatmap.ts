// The public entry point for validating a parsed document (the studio before publishing, the
// engine's publish endpoint). The checks themselves are run by check-document.ts.
import type { SeatmapDocument } from '../model/document.ts';
import { checkDocument } from './check-document.ts';
import type { ValidationOptions } from './check-document.ts';
import type { ValidationProblem } from './problem.ts';

export type { ValidationOptions } from './check-document.ts';

/**
 * Semantic problems of a parsed document: duplicates, overlaps, missing categories, empty
 * sections, things off the canvas… An empty list means the plan can be published. Block sections
 * without rows are checked as generated (`expandBlocks`); paths into those rows refer to the
 * expanded document. Linear in the number of seats.
 * @example
 * const problems = validateSeatmap(doc);
 * const publishable = !problems.some((p) => p.severity === 'error');
 */
export function validateSeatmap(
  doc: SeatmapDocument,
  options: ValidationOptions = {},
): ValidationProblem[] {
  return checkDocument(doc, options).problems;
}
