import { describe, expect, it } from 'vitest';
import { Selection } from './selection.ts';

describe('Selection', () => {
  it('accepts free seats up to the limit, in the order picked', () => {
    const sel = new Selection(2);
    expect(sel.verdict(5, 0)).toBe('ok');
    sel.add(5);
    sel.add(3);
    expect(sel.seats).toEqual([5, 3]);
    expect(sel.verdict(7, 0)).toBe('limit');
  });

  it('refuses held, booked and blocked seats', () => {
    const sel = new Selection(4);
    expect([1, 2, 3].map((status) => sel.verdict(0, status))).toEqual([
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });

  it('counts holds in flight against the limit', () => {
    const sel = new Selection(2);
    sel.add(1);
    expect(sel.verdict(2, 0, 1)).toBe('limit');
    expect(sel.verdict(2, 0, 0)).toBe('ok');
  });

  it('keeps an already selected seat acceptable whatever its live status (the visitor’s hold)', () => {
    const sel = new Selection(1);
    sel.add(4);
    expect(sel.verdict(4, 1)).toBe('ok');
  });

  it('drops selected seats that were freed, booked or blocked, keeping held ones', () => {
    const sel = new Selection(5);
    for (const i of [0, 1, 2, 3]) sel.add(i);
    const status = new Uint8Array([1, 2, 3, 0, 2]);
    expect(sel.dropLost([0, 1, 2, 3, 4], status)).toEqual([1, 2, 3]);
    expect(sel.seats).toEqual([0]);
  });

  it('only looks at the seats that changed', () => {
    const sel = new Selection(5);
    sel.add(3);
    expect(sel.dropLost([1], new Uint8Array(5))).toEqual([]);
    expect(sel.seats).toEqual([3]);
  });

  it('clears and reports what was selected', () => {
    const sel = new Selection(3);
    sel.add(9);
    expect(sel.clear()).toEqual([9]);
    expect(sel.size).toBe(0);
  });
});
