import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  it('grows ×3 from 10 s and stops at 6 h', () => {
    const delays = [1, 2, 3, 4, 10, 20].map((a) => retryDelayMs(a, () => 0));
    expect(delays).toEqual([10_000, 30_000, 90_000, 270_000, 21_600_000, 21_600_000]);
  });

  it('adds at most 20% jitter, and keeps growing whatever the jitter', () => {
    expect(retryDelayMs(1, () => 0.999_999)).toBe(12_000);
    for (let a = 1; a < 8; a++) {
      expect(retryDelayMs(a + 1, () => 0)).toBeGreaterThan(retryDelayMs(a, () => 0.999_999));
    }
  });
});
