import { describe, expect, it } from 'vitest';
import { OrphanCheck } from './orphans.ts';
import type { PickerLayout } from './types.ts';

/** Two rows of five seats in one section. */
const layout = {
  seats: Array.from({ length: 10 }, (_, i) => ({
    index: i,
    id: `s${i}`,
    label: String((i % 5) + 1),
    row: i < 5 ? 'A' : 'B',
    section: 'Stalls',
    category: 'A',
    x: (i % 5) * 22,
    y: i < 5 ? 0 : 40,
    flags: [],
  })),
} as unknown as PickerLayout;

describe('OrphanCheck', () => {
  it('warns when the selection leaves one free seat next to a taken one', () => {
    const status = new Uint8Array(10);
    status[0] = 2; // sold
    // Visitor holds seat 2 (index 2): index 1 sits alone between sold 0 and held 2.
    status[2] = 1;
    expect(new OrphanCheck(layout).created(status, [2])).toEqual([1]);
  });

  it('warns about a single seat left at the row’s end', () => {
    const status = new Uint8Array(10);
    status[8] = 1;
    expect(new OrphanCheck(layout).created(status, [8])).toEqual([9]);
  });

  it('ignores orphans the selection did not create', () => {
    const status = new Uint8Array(10);
    status[0] = 2;
    status[2] = 2; // index 1 is already an orphan
    status[7] = 1;
    status[8] = 1;
    expect(new OrphanCheck(layout).created(status, [7, 8])).toEqual([9]);
  });

  it('says nothing for a good selection, no selection, or before statuses arrive', () => {
    const check = new OrphanCheck(layout);
    const status = new Uint8Array(10);
    status[0] = 1;
    status[1] = 1;
    expect(check.created(status, [0, 1])).toEqual([]);
    expect(check.created(status, [])).toEqual([]);
    expect(check.created(new Uint8Array(0), [3])).toEqual([]);
  });
});
