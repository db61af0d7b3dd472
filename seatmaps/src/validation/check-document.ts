// Runs every semantic check over a parsed document, blocks expanded. Each check lives in checks/
// with its tests; this file only fixes their order, which is the order problems are listed in.
// Internal to validation: the public entry points are validateSeatmap and validateSeatmapJson.
import type { OverlapOptions } from '../geometry/overlaps.ts';
import type { SeatmapDocument } from '../model/document.ts';
import { duplicateCategoryKeys } from './checks/duplicate-category-keys.ts';
import { duplicateContainerLabels } from './checks/duplicate-container-labels.ts';
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
import { expandForValidation } from './expand-blocks.ts';
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
  duplicateContainerLabels,
  seatCategories,
  unknownLevels,
  emptySections,
  gaAreas,
  outsideCanvas,
  tableSeatCount,
];

/**
 * Expands blocks and runs every check; the document is returned so paths into generated rows can
 * be resolved against it.
 */
export function checkDocument(
  doc: SeatmapDocument,
  options: ValidationOptions = {},
): { document: SeatmapDocument; problems: ValidationProblem[] } {
  const expanded = expandForValidation(doc);
  const document = expanded.doc;
  const seats = seatEntries(document);
  const ctx = { doc: document, seats };
  const problems = [
    ...expanded.problems,
    ...checks.flatMap((check) => check(ctx)),
    ...overlappingSeats(seats, options.overlap),
  ];
  return { document, problems };
}
