// The one shape every validation finding takes, whether it comes from the zod schema or from a
// semantic check, so the studio, the REST API and the CLI can show them the same way.

/** A path into the document JSON, e.g. `['sections', 0, 'rows', 2, 'seats', 5]`. */
export type DocumentPath = readonly (string | number)[];

export interface ValidationProblem {
  /** Stable machine code, e.g. `DUPLICATE_SEAT_ID` or `SCHEMA`. */
  readonly code: string;
  /** Errors block publishing; warnings are shown but allowed. */
  readonly severity: 'error' | 'warning';
  readonly path: DocumentPath;
  /** Plain English, naming the culprits by label. */
  readonly message: string;
  /** Ids of the records involved, so an editor can select them. */
  readonly elementIds: readonly string[];
}
