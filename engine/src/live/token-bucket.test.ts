import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst, then refuses with the wait until the next token', () => {
    const bucket = new TokenBucket(20, 40, 0);
    const answers = Array.from({ length: 41 }, () => bucket.take(0));
    expect(answers.slice(0, 40).every((w) => w === 0)).toBe(true);
    expect(answers[40]).toBe(50);
  });

  it('refills continuously at the rate, capped at the burst', () => {
    const bucket = new TokenBucket(20, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 50]);
    expect(bucket.take(50)).toBe(0);
    expect(bucket.take(50)).toBe(50);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([0, 0, 50]);
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(/ratePerSecond > 0/);
  });
});
