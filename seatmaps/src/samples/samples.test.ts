import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeatmap } from '../generators/load.ts';
import { findOverlappingSeats } from '../geometry/overlaps.ts';
import { MIN_SEAT_SPACING, SEAT_RADIUS } from '../geometry/seat.ts';
import type { SeatmapDocument } from '../model/document.ts';
import { buildLayout } from '../model/layout.ts';
import { SAMPLES } from './catalog.ts';

const EXPECTED_SEATS: Record<string, number> = {
  'concert-hall': 1290,
  'black-box': 200,
  cabaret: 108,
  'jazz-club': 30,
  stadium: 92240,
};

function readSample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../samples/${name}.json`, import.meta.url), 'utf8'));
}

function load(name: string): SeatmapDocument {
  const result = loadSeatmap(readSample(name));
  if (!result.success) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

describe.each(Object.keys(SAMPLES))('sample %s', (name) => {
  const doc = load(name);
  const layout = buildLayout(doc);

  it('is the committed output of build-samples.ts', () => {
    expect(readSample(name)).toEqual(JSON.parse(JSON.stringify(SAMPLES[name]!())));
  });

  it('loads with the expected number of seats', () => {
    expect(layout.seats).toHaveLength(EXPECTED_SEATS[name]!);
  });

  it('gives every seat and GA area a declared category', () => {
    const keys = new Set<string>(doc.categories.map((c) => c.key));
    const missing = [...layout.seats, ...layout.gaAreas].filter(
      (s) => !s.category || !keys.has(s.category),
    );
    expect(missing).toEqual([]);
  });

  it('keeps every seat circle inside the document size', () => {
    const { width, height } = doc.size;
    const outside = layout.seats.filter(
      (s) =>
        s.x < SEAT_RADIUS ||
        s.y < SEAT_RADIUS ||
        s.x > width - SEAT_RADIUS ||
        s.y > height - SEAT_RADIUS,
    );
    expect(outside).toEqual([]);
  });

  it('has unique seat ids, unique labels per row and no empty section', () => {
    expect(layout.indexById.size).toBe(layout.seats.length);
    const labels = new Set(layout.seats.map((s) => `${s.sectionId}/${s.row}/${s.label}`));
    expect(labels.size).toBe(layout.seats.length);
    const empty = doc.sections.filter(
      (s) => s.rows.length + s.tables.length + s.gaAreas.length === 0,
    );
    expect(empty).toEqual([]);
  });

  it('spaces seats on each level at least MIN_SEAT_SPACING apart', () => {
    const factor = MIN_SEAT_SPACING / (2 * SEAT_RADIUS);
    expect(findOverlappingSeats(layout.seats, { factor: factor - 0.01 })).toEqual([]);
  });
});

describe('stadium sample', () => {
  it('stores block parameters only, not seats', () => {
    const raw = readSample('stadium') as { sections: { rows?: unknown[]; block?: unknown }[] };
    expect(raw.sections.every((s) => s.block && !s.rows)).toBe(true);
    expect(JSON.stringify(raw).length).toBeLessThan(64 * 1024);
  });
});
