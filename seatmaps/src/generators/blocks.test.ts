import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { buildLayout } from '../model/layout.ts';
import { findOverlappingSeats } from '../geometry/overlaps.ts';
import { distance } from '../geometry/points.ts';
import { blockRowSeatCounts, expandBlocks, generateBlock } from './blocks.ts';

const common = { seatSpacing: 25, rowSpacing: 40 };

describe('generateBlock', () => {
  it('makes a rect block of centred straight rows going back in +y', () => {
    const rows = generateBlock(
      { kind: 'rect', rows: 3, seatsPerRow: 4, ...common },
      { idPrefix: 'L' },
    );
    expect(rows.map((r) => r.id)).toEqual(['L-A', 'L-B', 'L-C']);
    expect(rows[0]?.seats.map((s) => [s.id, s.x, s.y])).toEqual([
      ['L-A-1', -37.5, 0],
      ['L-A-2', -12.5, 0],
      ['L-A-3', 12.5, 0],
      ['L-A-4', 37.5, 0],
    ]);
    expect(rows[2]?.seats[0]?.y).toBe(80);
    expect(rows[1]?.generator).toMatchObject({ kind: 'straight', count: 4, spacing: 25 });
  });

  it('grows a trapezoid by seatsIncrement per row; rect ignores the increment', () => {
    expect(
      blockRowSeatCounts({
        kind: 'trapezoid',
        rows: 3,
        seatsPerRow: 10,
        seatsIncrement: 2,
        ...common,
      }),
    ).toEqual([10, 12, 14]);
    expect(
      blockRowSeatCounts({ kind: 'rect', rows: 2, seatsPerRow: 10, seatsIncrement: 2, ...common }),
    ).toEqual([10, 10]);
  });

  it('makes an arc block of concentric rows around the origin', () => {
    const rows = generateBlock(
      { kind: 'arc', rows: 3, seatsPerRow: 12, seatsIncrement: 2, radius: 300, ...common },
      { idPrefix: 'S' },
    );
    rows.forEach((row, r) => {
      expect(row.seats).toHaveLength(12 + 2 * r);
      for (const s of row.seats) expect(distance(s, { x: 0, y: 0 })).toBeCloseTo(300 + 40 * r, 1);
    });
    expect(rows[0]?.generator).toMatchObject({ kind: 'arc', radius: 300, midAngle: 90 });
  });

  it('labels rows and numbers seats by the block schemes, continuously if asked', () => {
    const rows = generateBlock(
      {
        kind: 'rect',
        rows: 2,
        seatsPerRow: 3,
        ...common,
        labeling: { style: 'numbers', start: 1, continuousSeats: true },
        numbering: { direction: 'rtl' },
      },
      { idPrefix: 'B' },
    );
    expect(rows.map((r) => `${r.label}:${r.seats.map((s) => s.label).join(',')}`)).toEqual([
      '1:3,2,1',
      '2:6,5,4',
    ]);
    expect(rows[1]?.numbering.direction).toBe('rtl');
  });

  it('produces no overlapping seats for sensible spacing', () => {
    const rows = generateBlock(
      { kind: 'arc', rows: 20, seatsPerRow: 20, seatsIncrement: 3, radius: 200, ...common },
      { idPrefix: 'X' },
    );
    expect(findOverlappingSeats(rows.flatMap((r) => r.seats))).toEqual([]);
  });

  it('explains parameters that cannot work', () => {
    expect(() =>
      generateBlock({ kind: 'arc', rows: 2, seatsPerRow: 5, ...common }, { idPrefix: 'a' }),
    ).toThrow('an arc block needs a radius');
    expect(() =>
      blockRowSeatCounts({
        kind: 'trapezoid',
        rows: 4,
        seatsPerRow: 5,
        seatsIncrement: -2,
        ...common,
      }),
    ).toThrow(
      'block row 4 would have -1 seats (seatsPerRow 5, seatsIncrement -2); rows hold 1 to 1000 seats',
    );
    expect(() =>
      generateBlock({ kind: 'rect', rows: 0, seatsPerRow: 5, ...common }, { idPrefix: 'a' }),
    ).toThrow(/rows/);
  });
});

describe('expandBlocks', () => {
  const base = smallPlan();
  const doc = SeatmapDocument.parse({
    ...base,
    sections: [
      ...base.sections!,
      {
        type: 'section',
        id: 'upper',
        label: 'Upper',
        level: 'main',
        transform: { x: 100, y: 600 },
        category: 'B',
        block: { kind: 'rect', rows: 2, seatsPerRow: 5, ...common },
      },
    ],
  });

  it('generates rows for block sections without rows and leaves others alone', () => {
    const expanded = expandBlocks(doc);
    expect(expanded.sections[0]).toBe(doc.sections[0]);
    expect(expanded.sections[1]?.rows).toHaveLength(2);
    expect(buildLayout(expanded).seats).toHaveLength(4 + 10);
    expect(expandBlocks(expanded)).toBe(expanded);
  });

  it('keeps rows already stored next to a block (they may have been edited by hand)', () => {
    const expanded = expandBlocks(doc);
    const edited = {
      ...expanded,
      sections: [
        expanded.sections[0]!,
        { ...expanded.sections[1]!, rows: expanded.sections[1]!.rows.slice(0, 1) },
      ],
    };
    expect(expandBlocks(edited)).toBe(edited);
  });
});
