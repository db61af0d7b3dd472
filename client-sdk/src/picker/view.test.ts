import { describe, expect, it } from 'vitest';
import { boundsOf, fitView, pinchView, toScreen, toWorld, zoomAt } from './view.ts';

const limits = [0.1, 10] as const;

describe('view arithmetic', () => {
  it('converts between screen and world', () => {
    const view = { scale: 2, x: 10, y: -4 };
    expect(toScreen(view, { x: 5, y: 5 })).toEqual({ x: 20, y: 6 });
    expect(toWorld(view, { x: 20, y: 6 })).toEqual({ x: 5, y: 5 });
  });

  it('zooms keeping the world point under the cursor in place', () => {
    const view = { scale: 1.5, x: 30, y: 12 };
    const anchor = { x: 200, y: 120 };
    const zoomed = zoomAt(view, anchor, 2, limits);
    expect(zoomed.scale).toBe(3);
    expect(toWorld(zoomed, anchor)).toEqual(toWorld(view, anchor));
  });

  it('clamps the zoom to its limits', () => {
    expect(zoomAt({ scale: 8, x: 0, y: 0 }, { x: 0, y: 0 }, 4, limits).scale).toBe(10);
    expect(zoomAt({ scale: 0.2, x: 0, y: 0 }, { x: 0, y: 0 }, 0.1, limits).scale).toBe(0.1);
  });

  it('fits bounds centred with padding, capped at the max scale', () => {
    const view = fitView({ minX: 0, minY: 0, maxX: 100, maxY: 50 }, 220, 220, 10, 10);
    expect(view.scale).toBe(2);
    expect(toScreen(view, { x: 50, y: 25 })).toEqual({ x: 110, y: 110 });
    expect(fitView({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 500, 500, 0, 4).scale).toBe(4);
  });

  it('pinches: the finger distance scales, the midpoint carries the map', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const before = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ] as const;
    const after = [
      { x: 60, y: 120 },
      { x: 260, y: 120 },
    ] as const;
    const next = pinchView(view, before, after, limits);
    expect(next.scale).toBe(2);
    expect(toWorld(next, { x: 160, y: 120 })).toEqual(toWorld(view, { x: 150, y: 100 }));
  });

  it('bounds points, all or some', () => {
    expect(boundsOf([3, -1, 7], [2, 5, 0])).toEqual({ minX: -1, minY: 0, maxX: 7, maxY: 5 });
    expect(boundsOf([3, -1, 7], [2, 5, 0], [0, 2])).toEqual({ minX: 3, minY: 0, maxX: 7, maxY: 2 });
  });
});
