// The snapping math: which offset lines a box up with another, and the guides it shows.
import type { Bounds } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { guidesFor, nearestOffset, snapEdge, snapLines, snapMove } from './snapping.ts';

const box = (minX: number, minY: number, maxX: number, maxY: number): Bounds => ({
  minX,
  minY,
  maxX,
  maxY,
});

describe('snapLines', () => {
  it('gives both edges and the centre on each axis', () => {
    expect(snapLines(box(0, 10, 40, 30), 'x')).toEqual([0, 20, 40]);
    expect(snapLines(box(0, 10, 40, 30), 'y')).toEqual([10, 20, 30]);
  });
});

describe('nearestOffset', () => {
  const target = box(100, 0, 200, 50);
  it('picks the smallest offset within the threshold', () => {
    expect(nearestOffset([96, 147], [target], 'x', 5)).toBe(3);
    expect(nearestOffset([104], [target], 'x', 5)).toBe(-4);
  });
  it('is null when nothing is within reach', () => {
    expect(nearestOffset([90, 130], [target], 'x', 5)).toBeNull();
    expect(nearestOffset([96], [], 'x', 5)).toBeNull();
  });
});

describe('snapMove', () => {
  const other = box(400, 105, 600, 305);
  it('snaps each axis on its own and draws a guide for every aligned line', () => {
    const r = snapMove(box(150, 103, 350, 303), [other], 6);
    expect(r.x).toBeNull();
    expect(r.y).toBe(2);
    expect(r.guides).toEqual([
      { axis: 'y', at: 105, from: 150, to: 600 },
      { axis: 'y', at: 205, from: 150, to: 600 },
      { axis: 'y', at: 305, from: 150, to: 600 },
    ]);
  });

  it('lines a centre up with an edge, and a guide spans every object on that line', () => {
    const below = box(0, 500, 100, 600);
    const r = snapMove(box(372, 0, 432, 50), [other, below], 6);
    // The moving box's left edge (372) is 2 short of nothing, its centre (402) 2 past 400.
    expect(r.x).toBe(-2);
    expect(r.guides).toEqual([{ axis: 'x', at: 400, from: 0, to: 305 }]);
  });

  it('leaves a box out of reach alone', () => {
    expect(snapMove(box(0, 0, 50, 50), [other], 6)).toEqual({ x: null, y: null, guides: [] });
  });

  it('scales with the threshold it is given (screen pixels over zoom)', () => {
    expect(snapMove(box(150, 95, 350, 295), [other], 6).y).toBeNull();
    expect(snapMove(box(150, 95, 350, 295), [other], 60 / 5).y).toBe(10);
  });
});

describe('snapEdge and guidesFor', () => {
  const other = box(400, 100, 600, 300);
  it('snaps a dragged edge to the nearest line', () => {
    expect(snapEdge(397, [other], 'x', 6)).toBe(400);
    expect(snapEdge(505, [other], 'x', 6)).toBe(500);
    expect(snapEdge(450, [other], 'x', 6)).toBeNull();
  });
  it('finds guides only where lines coincide', () => {
    expect(guidesFor(box(100, 100, 400, 200), [other], 'x')).toEqual([
      { axis: 'x', at: 400, from: 100, to: 300 },
    ]);
    expect(guidesFor(box(100, 100, 400, 200), [other], 'y')).toEqual([
      { axis: 'y', at: 100, from: 100, to: 600 },
      // Its bottom edge sits on the other's middle.
      { axis: 'y', at: 200, from: 100, to: 600 },
    ]);
    expect(guidesFor(box(0, 0, 10, 10), [other], 'x')).toEqual([]);
  });
});
