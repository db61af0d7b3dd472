import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { buildLayout } from '../model/layout.ts';
import {
  boundsOfPoints,
  boundsOfSeats,
  documentBounds,
  expandBounds,
  sectionBounds,
  unionBounds,
} from './bounds.ts';
import { SEAT_RADIUS } from './seat.ts';

describe('bounds', () => {
  it('of points, empty is null', () => {
    expect(
      boundsOfPoints([
        { x: 1, y: 5 },
        { x: 3, y: 2 },
      ]),
    ).toEqual({ minX: 1, minY: 2, maxX: 3, maxY: 5 });
    expect(boundsOfPoints([])).toBeNull();
    expect(boundsOfSeats([])).toBeNull();
  });

  it('unions and expands, treating null as empty', () => {
    const a = { minX: 0, minY: 0, maxX: 1, maxY: 1 };
    const b = { minX: -1, minY: 2, maxX: 0, maxY: 3 };
    expect(unionBounds(a, b)).toEqual({ minX: -1, minY: 0, maxX: 1, maxY: 3 });
    expect(unionBounds(null, b)).toBe(b);
    expect(unionBounds(a, null)).toBe(a);
    expect(expandBounds(a, 2)).toEqual({ minX: -2, minY: -2, maxX: 3, maxY: 3 });
    expect(expandBounds(null, 2)).toBeNull();
  });

  it('of a section covers its seat circles and GA areas in world coordinates', () => {
    const doc = SeatmapDocument.parse(smallPlan());
    const layout = buildLayout(doc);
    const seats = boundsOfSeats(layout.seats)!;
    const section = sectionBounds(doc.sections[0]!)!;
    // The rotated GA area reaches x = 200 (local y 200 → world x 400 − 200).
    expect(section.minX).toBeCloseTo(200);
    expect(section.maxX).toBeCloseTo(seats.maxX);
    expect(section.maxY).toBeCloseTo(500 + SEAT_RADIUS);
    expect(section.minY).toBeCloseTo(300 - SEAT_RADIUS);
  });

  it('of a document adds shapes and text anchors', () => {
    const input = smallPlan();
    const doc = SeatmapDocument.parse({
      ...input,
      shapes: [
        {
          type: 'shape',
          id: 'stage',
          level: 'main',
          kind: 'rect',
          points: [
            { x: 300, y: 0 },
            { x: 700, y: 40 },
          ],
        },
      ],
      texts: [{ type: 'text', id: 't', level: 'main', x: 900, y: 20, text: 'Exit' }],
    });
    const b = documentBounds(doc)!;
    expect(b.minY).toBe(0);
    expect(b.maxX).toBe(900);
    expect(documentBounds({ ...doc, sections: [], shapes: [], texts: [] })).toBeNull();
  });
});
