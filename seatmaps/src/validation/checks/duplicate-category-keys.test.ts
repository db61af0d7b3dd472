import { describe, expect, it } from 'vitest';
import { plan, runCheck, section, straightRow } from '../plan.test-helpers.ts';
import { duplicateCategoryKeys } from './duplicate-category-keys.ts';

describe('duplicateCategoryKeys', () => {
  const sections = [section('s', 'Stalls', { rows: [straightRow('A', 'A', 1)] })];

  it('passes distinct keys', () => {
    expect(runCheck(duplicateCategoryKeys, plan(sections))).toEqual([]);
  });

  it('reports a key defined twice', () => {
    const categories = [
      { key: 'std', label: 'Standard', color: '#1971c2' },
      { key: 'vip', label: 'VIP', color: '#d9480f' },
      { key: 'std', label: 'Stalls standard', color: '#2f9e44' },
    ];
    expect(runCheck(duplicateCategoryKeys, plan(sections, { categories }))).toMatchInlineSnapshot(`
      [
        {
          "code": "DUPLICATE_CATEGORY_KEY",
          "elementIds": [],
          "message": "Category 'Stalls standard' uses the key 'std', already used by category 'Standard'.",
          "path": [
            "categories",
            2,
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
