// How validation problems and conversion warnings are printed: one per line as
// `<severity>  <path>  <message>`, so they can be grepped and read side by side.
import type { ValidationProblem } from '@parterre/seatmaps';

/** `['sections', 0, 'rows', 2]` → `sections[0].rows[2]`; the empty path is the document. */
export function formatDocumentPath(path: readonly (string | number)[]): string {
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  return text || '(document)';
}

/** One line per problem. */
export function problemLine(severity: string, path: string, message: string): string {
  return `${severity}  ${path}  ${message}`;
}

export function formatProblems(problems: readonly ValidationProblem[]): string[] {
  return problems.map((p) => problemLine(p.severity, formatDocumentPath(p.path), p.message));
}

/** `1 seat`, `2 seats` */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning` */
export function countLine(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
