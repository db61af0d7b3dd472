// Runs every semantic check over a parsed document. Each check lives in checks/ with its tests;
// this file only fixes their order, which is the order problems are listed in.
import type { OverlapOptions } from '../geometry/overlaps.ts';
import type { SeatmapDocument } from '../model/document.ts';
import { duplicateCategoryKeys } from './checks/duplicate-category-keys.ts';
import { duplicateElementIds } from './checks/duplicate-element-ids.ts';
import { duplicateSeatIds } from './checks/duplicate-seat-ids.ts';
import { duplicateSeatLabels } from './checks/duplicate-seat-labels.ts';
import { emptySections } from './checks/empty-sections.ts';
import { gaAreas } from './checks/ga-areas.ts';
import { outsideCanvas } from './checks/outside-canvas.ts';
import { overlappingSeats } from './checks/overlapping-seats.ts';
import { seatCategories } from './checks/seat-categories.ts';
import { tableSeatCount } from './checks/table-seat-count.ts';
import { unknownLevels } from './checks/unknown-levels.ts';
import type { Check } from './check.ts';
import type { ValidationProblem } from './problem.ts';
import { seatEntries } from './seat-entries.ts';

export interface ValidationOptions {
  /** Seat radius and tolerance for OVERLAPPING_SEATS (default: circles of SEAT_RADIUS may not overlap). */
  readonly overlap?: OverlapOptions;
}

const checks: readonly Check[] = [
  duplicateSeatIds,
  duplicateElementIds,
  duplicateCategoryKeys,
  duplicateSeatLabels,
  seatCategories,
  unknownLevels,
  emptySections,
  gaAreas,
  outsideCanvas,
  tableSeatCount,
];

/**
 * Semantic problems of a parsed document: duplicates, overlaps, missing categories, empty
 * sections, things off the canvas… An empty list means the plan can be published.
 * Linear in the number of seats (100,000 seats validate in well under a second).
 * @example
 * const problems = validateSeatmap(doc);
 * const publishable = !problems.some((p) => p.severity === 'error');
 */
export function validateSeatmap(
  doc: SeatmapDocument,
  options: ValidationOptions = {},
): ValidationProblem[] {
  const seats = seatEntries(doc);
  const ctx = { doc, seats };
  const problems = checks.flatMap((check) => check(ctx));
  return [...problems, ...overlappingSeats(seats, options.overlap)];
}
