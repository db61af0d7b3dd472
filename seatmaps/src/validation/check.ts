// The contract between validateSeatmap and the checks in checks/: internal to validation, so it
// stays out of the package's public surface.
import type { SeatmapDocument } from '../model/document.ts';
import type { ValidationProblem } from './problem.ts';
import type { SeatEntry } from './seat-entries.ts';

/** What every check receives: the document plus its seats walked once with world positions. */
export interface CheckContext {
  readonly doc: SeatmapDocument;
  readonly seats: readonly SeatEntry[];
}

export type Check = (ctx: CheckContext) => ValidationProblem[];
