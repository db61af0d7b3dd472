import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from './document.ts';
import { buildLayout } from './layout.ts';
import { smallPlan } from './fixtures.test-helpers.ts';

describe('buildLayout', () => {
  const layout = buildLayout(SeatmapDocument.parse(smallPlan()));

  it('indexes seats densely in document order', () => {
    expect(layout.seats.map((s) => [s.index, s.id])).toEqual([
      [0, 'stalls-A-1'],
      [1, 'stalls-A-2'],
      [2, 'stalls-B-1'],
      [3, 't1-1'],
    ]);
    expect(layout.indexById.get('t1-1')).toBe(3);
  });

  it('places seats in world coordinates through section and table transforms', () => {
    const [a1, a2, b1, t1] = layout.seats;
    // The section is rotated 90° clockwise: local +x points down the screen.
    expect(a1).toMatchObject({ x: 400, y: 300 });
    expect(a2!.x).toBeCloseTo(400);
    expect(a2!.y).toBeCloseTo(330);
    expect(b1!.x).toBeCloseTo(360);
    expect(b1!.y).toBeCloseTo(300);
    // Table at local (200, 0) → world (400, 500); its seat 45 above it locally → rotated left.
    expect(t1!.x).toBeCloseTo(445);
    expect(t1!.y).toBeCloseTo(500);
  });

  it('inherits categories seat → row/table → section', () => {
    expect(layout.seats.map((s) => s.category)).toEqual(['A', 'A', 'B', 'B']);
    expect(layout.seats[1]?.accessible).toBe(true);
  });

  it('lists GA areas with world outlines and inherited category', () => {
    expect(layout.gaAreas).toHaveLength(1);
    expect(layout.gaAreas[0]).toMatchObject({ id: 'floor', capacity: 100, category: 'A' });
    expect(layout.gaAreas[0]?.outline[0]?.x).toBeCloseTo(300);
  });
});
