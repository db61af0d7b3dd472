import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('is the prefix and 20 base58 characters', () => {
    for (const prefix of ['org', 'sm', 'ev', 'bk'] as const) {
      expect(newId(prefix)).toMatch(new RegExp(`^${prefix}_[1-9A-HJ-NP-Za-km-z]{20}$`));
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('bk')));
    expect(ids.size).toBe(10_000);
  });
});
