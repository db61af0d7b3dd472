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

/** `count` seats in a straight line 22 units apart, numbered from 1, ids `${id}0`, `${id}1`, …. */
const lineOf = (count: number, id: string, row: string) =>
  Array.from({ length: count }, (_, i) => ({
    index: i,
    id: `${id}${i}`,
    label: String(i + 1),
    row,
    section: 'Hall',
    category: 'A',
    x: i * 22,
    y: 0,
    flags: [],
  }));

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

  describe('at a table (seats marked atTable are a ring)', () => {
    /** Row A of four seats, then table T1 with six chairs round it, in the engine's order. */
    const withTable = {
      seats: [
        ...lineOf(4, 'r', 'A'),
        ...Array.from({ length: 6 }, (_, i) => ({
          index: 4 + i,
          id: `t${i}`,
          label: String(i + 1),
          row: 'T1',
          section: 'Hall',
          category: 'A',
          x: 200 + 40 * Math.sin((i * Math.PI) / 3),
          y: 200 - 40 * Math.cos((i * Math.PI) / 3),
          flags: [],
          atTable: true as const,
        })),
      ],
    } as unknown as PickerLayout;
    const first = 4;
    const last = 9;

    it('does not warn about the first or last chair: round a table there is no end', () => {
      const status = new Uint8Array(10);
      // Chairs 2–5 taken by the selection: chairs 1 and 6 sit next to each other, both free.
      const selected = [first + 1, first + 2, first + 3, first + 4];
      for (const i of selected) status[i] = 1;
      expect(new OrphanCheck(withTable).created(status, selected)).toEqual([]);
    });

    it('warns about the last chair left between chair 5 and the sold first chair', () => {
      const status = new Uint8Array(10);
      status[first] = 2; // chair 1 sold
      const selected = [first + 1, first + 2, first + 3, first + 4]; // chairs 2–5
      for (const i of selected) status[i] = 1;
      expect(new OrphanCheck(withTable).created(status, selected)).toEqual([last]);
    });

    it('warns when taking the last chair strands the first (a line would call it stranded already)', () => {
      const status = new Uint8Array(10);
      status[first + 1] = 2; // chair 2 sold: chair 1 still has free chair 6 beside it
      status[last] = 1; // visitor holds chair 6
      expect(new OrphanCheck(withTable).created(status, [last])).toEqual([first]);
    });

    it('keeps the row before the table a line, and the table apart from it', () => {
      const status = new Uint8Array(10);
      status[2] = 1; // row seat 3: seat 4 is left at the row's end
      expect(new OrphanCheck(withTable).created(status, [2])).toEqual([3]);
    });
  });

  it('treats a table as a line when the engine does not send atTable (older engines)', () => {
    const old = { seats: lineOf(4, 't', 'T1') } as unknown as PickerLayout;
    const status = new Uint8Array(4);
    status[1] = 1;
    status[2] = 1;
    // Without the ring, chairs 1 and 4 read as line ends: both stranded.
    expect(new OrphanCheck(old).created(status, [1, 2])).toEqual([0, 3]);
  });

  it('keeps two tables of one label apart when the engine names their records (container)', () => {
    const chair = (table: number, i: number) => ({
      index: table * 4 + i,
      id: `t${table}-${i}`,
      label: String(i + 1),
      row: 'Table 3',
      section: 'Hall',
      category: 'A',
      x: table * 1000 + 40 * Math.sin((i * Math.PI) / 2),
      y: -40 * Math.cos((i * Math.PI) / 2),
      flags: [],
      atTable: true as const,
      container: table,
    });
    const twins = {
      seats: [0, 1, 2, 3].map((i) => chair(0, i)).concat([0, 1, 2, 3].map((i) => chair(1, i))),
    } as unknown as PickerLayout;
    const status = Uint8Array.from([2, 0, 0, 0, 0, 2, 2, 0]);
    const selected = [1, 2, 7];
    for (const i of selected) status[i] = 1;
    // One ring of eight would see chairs 3 and 4 (indexes 3, 4) as a free pair.
    expect(new OrphanCheck(twins).created(status, selected)).toEqual([3, 4]);
  });
});
