// What a pretix conversion could not carry over exactly. Conversions never fail for these; they
// report them so a person can check the result.

export type PretixWarningCode =
  /** A seat kept its place under a new id because its seat_guid was used before. */
  | 'DUPLICATE_SEAT_GUID_REKEYED'
  /** A seat named a category that the plan does not define; the category was created. */
  | 'UNKNOWN_CATEGORY'
  | 'DUPLICATE_CATEGORY'
  | 'EMPTY_CATEGORY_NAME'
  | 'INVALID_COLOR'
  /** A name or label was longer than Parterre allows and was shortened. */
  | 'TRUNCATED'
  | 'MISSING_SIZE'
  | 'AREA_APPROXIMATED'
  | 'AREA_SKIPPED'
  | 'NO_STAGE'
  | 'GA_AREA_AS_DRAWING'
  | 'TABLE_AS_ROW'
  | 'LINE_AS_POLYGON'
  | 'OUTLINE_DROPPED'
  | 'SEAT_FLAGS_DROPPED'
  | 'CATEGORY_LABEL_DROPPED'
  | 'BACKGROUND_DROPPED'
  | 'LEVELS_FLATTENED';

/** One thing a conversion changed or left out, with the JSON path it concerns. */
export interface PretixWarning {
  readonly code: PretixWarningCode;
  /** Path in the source document, e.g. `zones[0].rows[2].seats[5]`. */
  readonly path: string;
  readonly message: string;
}

export type ImportWarning = PretixWarning;
export type ExportWarning = PretixWarning;
