import { readFileSync, readdirSync } from 'node:fs';
import { SeatmapDocument, loadSeatmap, migrate } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { mapStats } from './stats.ts';

const samples = new URL('../../../../seatmaps/samples/', import.meta.url);
const sampleNames = readdirSync(samples).filter((f) => f.endsWith('.json'));

describe('mapStats', () => {
  it.each(sampleNames)('counts compact blocks exactly as their expansion (%s)', (name) => {
    const json = JSON.parse(readFileSync(new URL(name, samples), 'utf8')) as unknown;
    const compact = migrate(json);
    const expanded = loadSeatmap(json);
    if (!compact.success || !expanded.success) throw new Error(`${name} does not load`);
    expect(mapStats(compact.data)).toEqual(mapStats(expanded.data));
  });

  it('counts seats by resolved category, section and level, GA capacity and tables', () => {
    const doc = SeatmapDocument.parse({
      schemaVersion: 2,
      name: 'Club',
      size: { width: 500, height: 500 },
      focalPoint: { x: 0, y: 0 },
      categories: [
        { key: 'A', label: 'Front', color: '#aa0000' },
        { key: 'B', label: 'Back', color: '#0000aa' },
      ],
      levels: [
        { id: 'floor', name: 'Floor' },
        { id: 'gallery', name: 'Gallery' },
      ],
      sections: [
        {
          type: 'section',
          id: 'main',
          label: 'Main',
          level: 'floor',
          transform: { x: 0, y: 0 },
          category: 'A',
          rows: [
            {
              type: 'row',
              id: 'r1',
              label: '1',
              generator: { kind: 'manual' },
              seats: [
                { type: 'seat', id: 's1', label: '1', x: 0, y: 0 },
                { type: 'seat', id: 's2', label: '2', x: 30, y: 0, category: 'B' },
              ],
            },
          ],
          tables: [
            {
              type: 'table',
              id: 't1',
              label: 'T1',
              shape: 'round',
              transform: { x: 100, y: 100 },
              width: 60,
              height: 60,
              seatCount: 2,
              category: 'B',
              seats: [
                { type: 'seat', id: 't1-1', label: '1', x: 0, y: -40 },
                { type: 'seat', id: 't1-2', label: '2', x: 0, y: 40 },
              ],
            },
          ],
          gaAreas: [
            {
              type: 'ga',
              id: 'pit',
              label: 'Pit',
              capacity: 250,
              outline: [
                { x: 0, y: 200 },
                { x: 100, y: 200 },
                { x: 100, y: 300 },
              ],
            },
          ],
        },
        {
          type: 'section',
          id: 'gallery',
          label: 'Gallery',
          level: 'gallery',
          transform: { x: 0, y: 400 },
          rows: [
            {
              type: 'row',
              id: 'g1',
              label: 'G',
              generator: { kind: 'manual' },
              seats: [{ type: 'seat', id: 'g1-1', label: '1', x: 0, y: 0 }],
            },
          ],
        },
      ],
    });
    expect(mapStats(doc)).toEqual({
      name: 'Club',
      seats: 5,
      byCategory: { A: 1, B: 3 },
      uncategorized: 1,
      bySection: [
        { id: 'main', label: 'Main', seats: 4 },
        { id: 'gallery', label: 'Gallery', seats: 1 },
      ],
      byLevel: [
        { id: 'floor', name: 'Floor', seats: 4 },
        { id: 'gallery', name: 'Gallery', seats: 1 },
      ],
      ga: { areas: 1, capacity: 250 },
      tables: { count: 1, seats: 2 },
    });
  });
});
