// Seats refer to categories by key; with two categories under one key, prices and colours would
// silently come from whichever one a reader happens to find first.
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';

/** DUPLICATE_CATEGORY_KEY: a category key defined more than once. */
export const duplicateCategoryKeys: Check = ({ doc }) => {
  const first = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  doc.categories.forEach((category, i) => {
    const earlier = first.get(category.key);
    if (earlier === undefined) {
      first.set(category.key, category.label);
      return;
    }
    problems.push({
      code: 'DUPLICATE_CATEGORY_KEY',
      severity: 'error',
      path: ['categories', i],
      message: `Category '${category.label}' uses the key '${category.key}', already used by category '${earlier}'.`,
      elementIds: [],
    });
  });
  return problems;
};
