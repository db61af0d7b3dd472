import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { exportPretix } from './export.ts';
import { pretixFixture } from './fixtures.test-helpers.ts';
import { importPretix } from './import.ts';
import { parterreSeats, pretixSeats } from './roundtrip.test-helpers.ts';
import { PretixPlan } from './schema.ts';

/** Same seats in the same order: equal fields, positions within 1e-6. */
function expectSameSeats<T extends { x: number; y: number }>(actual: T[], expected: T[]): void {
  const strip = (seats: T[]) => seats.map(({ x: _x, y: _y, ...rest }) => rest);
  expect(strip(actual)).toEqual(strip(expected));
  actual.forEach((seat, i) => {
    expect(Math.abs(seat.x - expected[i]!.x)).toBeLessThan(1e-6);
    expect(Math.abs(seat.y - expected[i]!.y)).toBeLessThan(1e-6);
  });
}

const pretixToPretix = (json: unknown) => exportPretix(importPretix(json).document).plan;
const parterreToParterre = (doc: SeatmapDocument) => importPretix(exportPretix(doc).plan).document;

describe('pretix round trips', () => {
  it('pretix → Parterre → pretix keeps every seat guid, number, row, category and position', () => {
    const original = PretixPlan.parse(pretixFixture('small-hall'));
    const back = pretixToPretix(original);
    expectSameSeats(pretixSeats(back), pretixSeats(original));
    expect(back.zones.map((z) => [z.name, z.position])).toEqual(
      original.zones.map((z) => [z.name, z.position]),
    );
    expect(back.categories).toEqual([
      { name: 'Parkett', color: '#c0392b' },
      { name: 'Rang', color: '#4682b4' },
    ]);
  });

  it('Parterre → pretix → Parterre keeps seats, labels, categories and world positions', () => {
    const doc = SeatmapDocument.parse(smallPlan());
    const back = parterreToParterre(doc);
    expectSameSeats(parterreSeats(back), parterreSeats(doc));
    expect(back.categories.map((c) => [c.key, c.color])).toEqual(
      doc.categories.map((c) => [c.key, c.color]),
    );
  });

  const coord = fc.double({ min: -5000, max: 5000, noNaN: true, noDefaultInfinity: true });
  const position = fc.record({ x: coord, y: coord });
  const label = fc.string({ maxLength: 12 });
  const categoryNames = ['Stalls', 'Circle', 'VIP'];

  const randomPretixPlan = fc
    .record({
      prefix: fc.string({ maxLength: 6 }),
      zones: fc.array(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 20 }),
          position,
          rows: fc.array(
            fc.record({
              row_number: label,
              position,
              seats: fc.array(
                fc.record({
                  seat_number: label,
                  position,
                  category: fc.constantFrom('', ...categoryNames),
                }),
                { maxLength: 6 },
              ),
            }),
            { maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ prefix, zones }) => {
      let n = 0;
      return {
        name: 'Random hall',
        categories: categoryNames.map((name) => ({ name, color: '#123456' })),
        size: { width: 10000, height: 10000 },
        zones: zones.map((z) => ({
          ...z,
          rows: z.rows.map((r) => ({
            ...r,
            seats: r.seats.map((s) => ({ ...s, seat_guid: `${prefix}${n++}` })),
          })),
        })),
      };
    });

  it('pretix → Parterre → pretix keeps every seat of random plans', () => {
    fc.assert(
      fc.property(randomPretixPlan, (plan) => {
        expectSameSeats(pretixSeats(pretixToPretix(plan)), pretixSeats(PretixPlan.parse(plan)));
      }),
      { numRuns: 150 },
    );
  });

  const randomDocument = fc
    .array(
      fc.record({
        transform: fc.record({
          x: coord,
          y: coord,
          rotation: fc.double({ min: -360, max: 360, noNaN: true }),
        }),
        category: fc.constantFrom(undefined, 'A', 'B'),
        rows: fc.array(
          fc.record({
            label,
            category: fc.constantFrom(undefined, 'A', 'B'),
            seats: fc.array(
              fc.record({
                label,
                x: coord,
                y: coord,
                category: fc.constantFrom(undefined, 'A', 'B'),
              }),
              {
                maxLength: 5,
              },
            ),
          }),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    )
    .map((sections) => {
      let n = 0;
      const strip = <T extends object>(o: T) => JSON.parse(JSON.stringify(o)) as T;
      return SeatmapDocument.parse({
        schemaVersion: 2,
        name: 'Random',
        size: { width: 5000, height: 5000 },
        focalPoint: { x: 0, y: 0 },
        categories: [
          { key: 'A', label: 'A', color: '#aa0000' },
          { key: 'B', label: 'B', color: '#0000aa' },
        ],
        levels: [{ id: 'main', name: 'Main' }],
        sections: sections.map((s, i) =>
          strip({
            type: 'section',
            id: `s${i}`,
            label: `Section ${i}`,
            level: 'main',
            transform: s.transform,
            category: s.category,
            rows: s.rows.map((r, j) => ({
              type: 'row',
              id: `s${i}r${j}`,
              label: r.label,
              category: r.category,
              generator: { kind: 'manual' },
              seats: r.seats.map((seat) => ({ type: 'seat', id: `seat-${n++}`, ...seat })),
            })),
          }),
        ),
      });
    });

  it('Parterre → pretix → Parterre keeps every seat of random documents', () => {
    fc.assert(
      fc.property(randomDocument, (doc) => {
        expectSameSeats(parterreSeats(parterreToParterre(doc)), parterreSeats(doc));
      }),
      { numRuns: 150 },
    );
  });
});
