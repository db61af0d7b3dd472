// Reading and writing documents. Reading goes through seatmaps `loadSeatmap` (migrate, validate,
// expand blocks); writing folds untouched block sections back to their compact parameters, so
// an 80,000-seat stadium saves as ~25 KB instead of megabytes.
import { loadSeatmap, type Row, type SeatmapDocument } from '@parterre/seatmaps';

/** Rows arrays that loadSeatmap generated from block parameters (identity = untouched). */
const generatedRows = new WeakSet<readonly Row[]>();

export type OpenResult =
  | { readonly ok: true; readonly document: SeatmapDocument }
  | { readonly ok: false; readonly message: string };

function compactSections(json: unknown): Set<number> {
  const sections = (json as { sections?: unknown })?.sections;
  const out = new Set<number>();
  if (!Array.isArray(sections)) return out;
  sections.forEach((s: { block?: unknown; rows?: unknown[] }, i) => {
    if (s && s.block && (!Array.isArray(s.rows) || s.rows.length === 0)) out.add(i);
  });
  return out;
}

/**
 * Parses a document of any schema version; never throws.
 * @example const r = openDocument(JSON.parse(text)); if (!r.ok) alert(r.message);
 */
export function openDocument(json: unknown): OpenResult {
  const loaded = loadSeatmap(json);
  if (!loaded.success) {
    const issue = loaded.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    const more =
      loaded.error.issues.length > 1
        ? ` and ${loaded.error.issues.length - 1} more problem(s)`
        : '';
    return {
      ok: false,
      message: `This is not a valid seat map: ${issue?.message ?? 'unknown problem'}${where}${more}`,
    };
  }
  const compact = compactSections(json);
  loaded.data.sections.forEach((s, i) => {
    if (compact.has(i)) generatedRows.add(s.rows);
  });
  return { ok: true, document: loaded.data };
}

/** The document as saved: sections still exactly as generated from their block go back compact. */
export function serializeDocument(doc: SeatmapDocument): SeatmapDocument {
  if (!doc.sections.some((s) => generatedRows.has(s.rows))) return doc;
  return {
    ...doc,
    sections: doc.sections.map((s) => (generatedRows.has(s.rows) ? { ...s, rows: [] } : s)),
  };
}
