// Price categories: add one, rename or recolour one. Keys are made from the label once and never
// change, because events price seats by category key.
import { brand, Color, type Category, type CategoryKey } from '@parterre/seatmaps';
import { register } from '../action.ts';

/** A distinct default colour for the n-th category. */
const PALETTE = [
  '#e8590c',
  '#1971c2',
  '#2f9e44',
  '#9c36b5',
  '#c92a2a',
  '#f08c00',
  '#0c8599',
  '#5c940d',
];

function keyFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .trim()
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'CAT';
  let key = base.slice(0, 32);
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 28)}-${n}`;
  return key;
}

export const actionAddCategory = register<{ readonly label: string; readonly color?: string }>({
  name: 'addCategory',
  label: 'Add category',
  perform({ document: doc }, { label, color }) {
    const name = label.trim();
    if (!name || name.length > 64) return false;
    const used = new Set(doc.categories.map((c) => c.color.toLowerCase()));
    const colour = color ?? PALETTE.find((c) => !used.has(c)) ?? '#868e96';
    if (!Color.safeParse(colour).success) return false;
    const key = keyFor(name, new Set(doc.categories.map((c) => c.key)));
    const category: Category = { key: brand<CategoryKey>(key), label: name, color: colour };
    return {
      document: { ...doc, categories: [...doc.categories, category] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});

export const actionUpdateCategory = register<{
  readonly key: string;
  readonly label?: string;
  readonly color?: string;
}>({
  name: 'updateCategory',
  label: 'Edit category',
  perform({ document: doc }, { key, label, color }) {
    const name = label?.trim();
    if (name !== undefined && (!name || name.length > 64)) return false;
    if (color !== undefined && !Color.safeParse(color).success) return false;
    let changed = false;
    const categories = doc.categories.map((c) => {
      if (c.key !== key) return c;
      changed = true;
      return { ...c, ...(name ? { label: name } : {}), ...(color ? { color } : {}) };
    });
    if (!changed) return false;
    return { document: { ...doc, categories }, captureUpdate: 'IMMEDIATELY' };
  },
});
