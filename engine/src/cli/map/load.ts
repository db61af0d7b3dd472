// Reading a Parterre document for a command: parse the file, upgrade it, validate its schema and
// expand block sections (loadSeatmap). A document that does not load is an invalid document.
import { loadSeatmap, validateSeatmapJson } from '@parterre/seatmaps';
import type { SeatmapDocument, ValidationProblem } from '@parterre/seatmaps';
import { invalidDocument } from '../errors.ts';
import { readJsonFile } from '../io.ts';
import { formatDocumentPath } from './problems.ts';

export type LoadOutcome =
  | { readonly document: SeatmapDocument; readonly problems?: undefined }
  | { readonly document: null; readonly problems: ValidationProblem[] };

/**
 * Loads a document, or returns why it cannot be loaded as schema problems (named by the labels
 * along their path, as `validateSeatmapJson` describes them).
 */
export function loadDocument(json: unknown): LoadOutcome {
  const loaded = loadSeatmap(json);
  if (loaded.success) return { document: loaded.data };
  const described = validateSeatmapJson(json).problems.filter((p) => p.severity === 'error');
  if (described.length > 0) return { document: null, problems: described };
  // The schema passed but a block could not be expanded: only loadSeatmap knows why.
  const problems = loaded.error.issues.map((issue): ValidationProblem => ({
    code: 'SCHEMA',
    severity: 'error',
    path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: issue.message,
    elementIds: [],
  }));
  return { document: null, problems };
}

/** Loads parsed JSON read from `file`; throws an invalid-document error naming the first problem. */
export function documentOrThrow(file: string, json: unknown): SeatmapDocument {
  const outcome = loadDocument(json);
  if (outcome.document) return outcome.document;
  const [first] = outcome.problems;
  const more =
    outcome.problems.length > 1
      ? ` (and ${outcome.problems.length - 1} more; run parterre map validate ${file})`
      : '';
  const what = first ? `${formatDocumentPath(first.path)}: ${first.message}` : 'unknown problem';
  throw invalidDocument(`${file} is not a valid Parterre document: ${what}${more}`);
}

/** Reads a file and loads it (see `documentOrThrow`). */
export async function readDocument(file: string): Promise<SeatmapDocument> {
  return documentOrThrow(file, await readJsonFile(file));
}
