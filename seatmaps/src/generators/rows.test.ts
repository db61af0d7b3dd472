import { describe, expect, it } from 'vitest';
import type { Row } from '../model/elements.ts';
import { brand, type CategoryKey } from '../model/ids.ts';
import { Row as RowSchema } from '../model/elements.ts';
import { distance } from '../geometry/points.ts';
import {
  arcRow,
  arcRowPositions,
  createRow,
  regenerateRow,
  straightRow,
  straightRowPositions,
} from './rows.ts';

describe('straightRow', () => {
  it('places seats along the row angle with ids from the prefix and labels', () => {
    const seats = straightRow({ start: { x: 10, y: 20 }, count: 3, spacing: 25, idPrefix: 'A' });
    expect(seats).toEqual([
      { type: 'seat', id: 'A-1', label: '1', x: 10, y: 20 },
      { type: 'seat', id: 'A-2', label: '2', x: 35, y: 20 },
      { type: 'seat', id: 'A-3', label: '3', x: 60, y: 20 },
    ]);
  });

  it('turns with the angle and offsets each seat by the skew', () => {
    const down = straightRowPositions({
      kind: 'straight',
      start: { x: 0, y: 0 },
      count: 2,
      spacing: 10,
      angle: 90,
    });
    expect(down[1]?.x).toBeCloseTo(0);
    expect(down[1]?.y).toBeCloseTo(10);
    const skewed = straightRow({
      start: { x: 0, y: 0 },
      count: 3,
      spacing: 30,
      skew: 4,
      idPrefix: 'r',
    });
    expect(skewed.map((s) => [s.x, s.y])).toEqual([
      [0, 0],
      [30, 4],
      [60, 8],
    ]);
  });

  it('labels by the numbering, ids follow the labels', () => {
    const seats = straightRow({
      start: { x: 0, y: 0 },
      count: 3,
      spacing: 25,
      idPrefix: 'L-A',
      numbering: { direction: 'rtl', pattern: 'odd' },
    });
    expect(seats.map((s) => `${s.id}:${s.label}`)).toEqual(['L-A-5:5', 'L-A-3:3', 'L-A-1:1']);
  });

  it('rejects bad parameters naming the field', () => {
    expect(() =>
      straightRow({ start: { x: 0, y: 0 }, count: 0, spacing: 25, idPrefix: 'r' }),
    ).toThrow(/count/);
    expect(() =>
      straightRow({ start: { x: 0, y: 0 }, count: 2, spacing: Number.NaN, idPrefix: 'r' }),
    ).toThrow(/spacing/);
  });
});

describe('arcRow', () => {
  const center = { x: 500, y: 0 };

  it('keeps seats on the circle, spacing apart along the arc, centred on midAngle', () => {
    const p = arcRowPositions({ kind: 'arc', center, radius: 300, count: 5, spacing: 30 });
    for (const q of p) expect(distance(q, center)).toBeCloseTo(300);
    const chord = 2 * 300 * Math.sin(30 / 300 / 2);
    expect(distance(p[0]!, p[1]!)).toBeCloseTo(chord);
    expect(p[2]!.x).toBeCloseTo(500);
    expect(p[2]!.y).toBeCloseTo(300);
  });

  it('runs left to right for the audience facing the centre', () => {
    // Centre above the row (stage at the top): seat 1 is leftmost on screen.
    const below = arcRow({ center, radius: 300, count: 4, spacing: 30, idPrefix: 'r' });
    expect(below.map((s) => s.x)).toEqual([...below.map((s) => s.x)].sort((a, b) => a - b));
    // Centre below the row: the audience faces down the screen, so seat 1 is rightmost.
    const above = arcRowPositions({
      kind: 'arc',
      center,
      radius: 300,
      count: 4,
      spacing: 30,
      midAngle: 270,
    });
    expect(above[0]!.x).toBeGreaterThan(above[3]!.x);
  });

  it('refuses rows that would wrap around the circle', () => {
    expect(() => arcRow({ center, radius: 10, count: 10, spacing: 25, idPrefix: 'r' })).toThrow(
      'arc row of 10 seats at spacing 25 does not fit on a circle of radius 10',
    );
  });
});

describe('createRow', () => {
  it('builds a schema-valid row with defaults filled', () => {
    const row = createRow({
      id: 'stalls-A',
      label: 'A',
      category: brand<CategoryKey>('A'),
      generator: { kind: 'arc', center: { x: 0, y: 0 }, radius: 200, count: 8, spacing: 26 },
    });
    expect(RowSchema.parse(row)).toEqual(row);
    expect(row.seats.map((s) => s.id)[0]).toBe('stalls-A-1');
    expect(row.generator).toMatchObject({ kind: 'arc', midAngle: 90 });
  });
});

describe('regenerateRow', () => {
  const base: Row = createRow({
    id: 'r',
    label: 'A',
    generator: { kind: 'straight', start: { x: 0, y: 0 }, count: 4, spacing: 25 },
  });
  const flagged: Row = {
    ...base,
    seats: base.seats.map((s, i) =>
      i === 1 ? { ...s, id: s.id, accessible: true, category: brand<CategoryKey>('VIP') } : s,
    ),
  };

  it('keeps ids, categories and flags of the first seats and adds new ids', () => {
    const grown = regenerateRow({
      ...flagged,
      generator: { ...base.generator, count: 6, spacing: 30 } as Row['generator'],
    });
    expect(grown.seats.map((s) => s.id)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6']);
    expect(grown.seats[1]).toMatchObject({ accessible: true, category: 'VIP', x: 30 });
    expect(grown.seats[5]?.x).toBe(150);
    expect(grown.version).toBe(base.version + 1);
  });

  it('drops seats past the new count and keeps positions-by-index ids when renumbered', () => {
    const shrunk = regenerateRow(
      {
        ...flagged,
        generator: { ...base.generator, count: 2 } as Row['generator'],
        numbering: { ...base.numbering, direction: 'rtl' },
      },
      { now: 1234 },
    );
    expect(shrunk.seats.map((s) => `${s.id}:${s.label}`)).toEqual(['r-1:2', 'r-2:1']);
    expect(shrunk.updated).toBe(1234);
  });

  it('never reuses a kept id for an added seat', () => {
    const renamed: Row = {
      ...base,
      seats: base.seats.map((s, i) => ({ ...s, id: brand(`r-${i + 3}`) })),
    };
    const grown = regenerateRow({
      ...renamed,
      generator: { ...base.generator, count: 6 } as Row['generator'],
    });
    const ids = grown.seats.map((s) => s.id);
    expect(ids).toEqual(['r-3', 'r-4', 'r-5', 'r-6', 'r-5_2', 'r-6_2']);
  });

  it('renumbers a manual row in place', () => {
    const manual: Row = {
      ...base,
      generator: { kind: 'manual' },
      numbering: { ...base.numbering, start: 101 },
    };
    const out = regenerateRow(manual);
    expect(out.seats.map((s) => [s.id, s.label, s.x])).toEqual([
      ['r-1', '101', 0],
      ['r-2', '102', 25],
      ['r-3', '103', 50],
      ['r-4', '104', 75],
    ]);
  });

  it('continues numbering from an offset', () => {
    expect(regenerateRow(base, { numberOffset: 10 }).seats.map((s) => s.label)).toEqual([
      '11',
      '12',
      '13',
      '14',
    ]);
  });
});
