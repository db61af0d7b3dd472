// Assigns a price category to the selection at the level it was picked: a selected section,
// row, table or standing area gets the category itself (its seats inherit it), a selected seat
// gets its own. `null` clears the assignment.
import type { CategoryKey } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { updateRecords } from '../update-records.ts';

/** `r` priced in `key` (`null`: inheriting), or `r` itself when it already is. */
export function withCategory<T extends { readonly category?: CategoryKey }>(
  r: T,
  key: CategoryKey | null,
): T {
  if ((r.category ?? null) === key) return r;
  if (key) return { ...r, category: key };
  const { category: _dropped, ...rest } = r;
  return rest as T;
}

export const actionAssignCategory = register<string | null>({
  name: 'assignCategory',
  label: 'Assign category',
  perform({ document: doc, appState }, key) {
    if (key !== null && !doc.categories.some((c) => c.key === key)) return false;
    const k = key as CategoryKey | null;
    const next = updateRecords(doc, appState.selectedIds, {
      section: (s) => withCategory(s, k),
      row: (r) => withCategory(r, k),
      seat: (s) => withCategory(s, k),
      table: (t) => withCategory(t, k),
      ga: (g) => withCategory(g, k),
    });
    if (next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
