import { describe, expect, it } from 'vitest';
import { gaFits } from './ga-fence.ts';

describe('gaFits', () => {
  it('keeps a channel within its allocation', () => {
    const figures = [{ channelId: 'ch_p', taken: 8, allocated: 10 }];
    expect(gaFits(figures, 'ch_p', 2, 50)).toBe(true);
    expect(gaFits(figures, 'ch_p', 3, 50)).toBe(false);
  });

  it('refuses a channel without an allocation of the area', () => {
    expect(gaFits([], 'ch_p', 1, 50)).toBe(false);
  });

  it('keeps the general pool within what channels leave', () => {
    const figures = [
      { channelId: 'ch_p', taken: 0, allocated: 20 },
      { channelId: null, taken: 25, allocated: 0 },
    ];
    expect(gaFits(figures, null, 5, 50)).toBe(true);
    expect(gaFits(figures, null, 6, 50)).toBe(false);
  });

  it('never exceeds the capacity, whatever the shares say', () => {
    // Allocations made larger than what was left (a release raced a sale) cannot oversell.
    const figures = [
      { channelId: 'ch_p', taken: 10, allocated: 30 },
      { channelId: null, taken: 35, allocated: 0 },
    ];
    expect(gaFits(figures, 'ch_p', 6, 50)).toBe(false);
    expect(gaFits(figures, 'ch_p', 5, 50)).toBe(true);
  });
});
