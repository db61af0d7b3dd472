// pretix categories are identified by name (the name is what pretix maps to shop products), so
// the name becomes the Parterre category key unchanged and exports back to the same name.
import type { Category } from '../model/elements.ts';
import type { CategoryKey } from '../model/ids.ts';
import { normalizeColor } from './colors.ts';
import type { PretixCategory } from './schema.ts';
import type { ImportWarning } from './warnings.ts';

const MAX_KEY = 128;
const MAX_LABEL = 64;
/** Colours for categories that have none (or an unreadable one), distinct at a glance. */
const PALETTE = [
  '#d9480f',
  '#1971c2',
  '#2f9e44',
  '#9c36b5',
  '#f08c00',
  '#0c8599',
  '#c2255c',
  '#5c940d',
];

/** Builds Parterre categories from pretix ones and resolves seat category names to keys. */
export class CategoryImporter {
  readonly categories: Category[] = [];
  private readonly byName = new Map<string, CategoryKey>();

  constructor(private readonly warnings: ImportWarning[]) {}

  /** Adds the plan's declared categories in file order. */
  declare(list: readonly PretixCategory[]): void {
    for (const [i, c] of list.entries()) {
      const path = `categories[${i}]`;
      if (c.name === '') {
        this.warnings.push({
          code: 'EMPTY_CATEGORY_NAME',
          path,
          message: 'category without a name skipped (seats with category "" have none)',
        });
      } else if (this.byName.has(c.name)) {
        this.warnings.push({
          code: 'DUPLICATE_CATEGORY',
          path,
          message: `category "${c.name}" is defined twice; the first definition is used`,
        });
      } else {
        this.add(c.name, this.colorOf(c.color, path), path);
      }
    }
  }

  /** The key for a seat's category name; creates (and reports) categories the plan forgot. */
  resolve(name: string | undefined, path: string): CategoryKey | undefined {
    if (name === undefined || name === '') return undefined;
    const key = this.byName.get(name);
    if (key !== undefined) return key;
    this.warnings.push({
      code: 'UNKNOWN_CATEGORY',
      path: `${path}.category`,
      message: `category "${name}" is used but not defined in categories; it was added`,
    });
    return this.add(name, this.paletteColor(), path);
  }

  private add(name: string, color: string, path: string): CategoryKey {
    if (name.length > MAX_KEY) {
      this.warnings.push({
        code: 'TRUNCATED',
        path,
        message: `category name shortened to ${MAX_KEY} characters`,
      });
    }
    const key = name.slice(0, MAX_KEY) as CategoryKey;
    this.byName.set(name, key);
    this.categories.push({ key, label: name.slice(0, MAX_LABEL), color });
    return key;
  }

  private colorOf(css: string | undefined, path: string): string {
    if (css === undefined || css === '') return this.paletteColor();
    const hex = normalizeColor(css);
    if (hex !== null) return hex;
    const fallback = this.paletteColor();
    this.warnings.push({
      code: 'INVALID_COLOR',
      path: `${path}.color`,
      message: `colour "${css}" is not a CSS colour Parterre understands; using ${fallback}`,
    });
    return fallback;
  }

  private paletteColor(): string {
    return PALETTE[this.categories.length % PALETTE.length] as string;
  }
}
