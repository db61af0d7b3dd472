import { describe, expect, it } from 'vitest';
import { distance, distanceSquared } from './points.ts';
import { pointInPolygon, polygonArea } from './polygon.ts';
import { hitSeat, MIN_SEAT_SPACING, SEAT_RADIUS } from './seat.ts';

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

describe('polygonArea', () => {
  it('measures whatever the winding', () => {
    expect(polygonArea(square)).toBe(100);
    expect(polygonArea([...square].reverse())).toBe(100);
    expect(polygonArea(square.slice(0, 3))).toBe(50);
  });

  it('is 0 below three vertices', () => {
    expect(polygonArea(square.slice(0, 2))).toBe(0);
  });
});

describe('pointInPolygon', () => {
  it('tells inside from outside, also for concave outlines', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false);
    const ell = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(pointInPolygon({ x: 2, y: 8 }, ell)).toBe(true);
    expect(pointInPolygon({ x: 8, y: 8 }, ell)).toBe(false);
  });

  it('is false for an empty polygon', () => {
    expect(pointInPolygon({ x: 0, y: 0 }, [])).toBe(false);
  });
});

describe('points and seats', () => {
  it('measures distances', () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(distanceSquared({ x: 1, y: 1 }, { x: 4, y: 5 })).toBe(25);
  });

  it('hit-tests a seat circle, boundary included', () => {
    expect(hitSeat({ x: 0, y: 0 }, { x: SEAT_RADIUS, y: 0 })).toBe(true);
    expect(hitSeat({ x: 0, y: 0 }, { x: SEAT_RADIUS + 0.01, y: 0 })).toBe(false);
    expect(hitSeat({ x: 0, y: 0 }, { x: 15, y: 0 }, 20)).toBe(true);
    expect(MIN_SEAT_SPACING).toBeGreaterThan(2 * SEAT_RADIUS);
  });
});
