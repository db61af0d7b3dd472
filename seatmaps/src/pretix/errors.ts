// The one error a pretix import throws: the file cannot become a Parterre plan without losing or
// inventing something, and the person must decide.

/** One problem in the pretix file, with the JSON path where it is. */
export interface PretixImportIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown by `importPretix` for a file it cannot import; `message` says how to fix it. */
export class PretixImportError extends Error {
  override readonly name = 'PretixImportError';

  constructor(
    message: string,
    readonly issues: readonly PretixImportIssue[],
  ) {
    super(message);
  }
}

/** Formats a zod / JSON path like `zones[0].rows[2].seats[5]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
