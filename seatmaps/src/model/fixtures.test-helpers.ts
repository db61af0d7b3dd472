// A small hand-written plan used by the model's tests: one section with two rows, a table and a
// standing area, rotated so that world-coordinate bugs show.
import type { SeatmapDocumentInput } from './document.ts';

export function smallPlan(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Small hall',
    size: { width: 1000, height: 800 },
    focalPoint: { x: 500, y: 50 },
    categories: [
      { key: 'A', label: 'Category A', color: '#d9480f' },
      { key: 'B', label: 'Category B', color: '#1971c2' },
    ],
    levels: [{ id: 'main', name: 'Main floor' }],
    sections: [
      {
        type: 'section',
        id: 'stalls',
        label: 'Stalls',
        level: 'main',
        transform: { x: 400, y: 300, rotation: 90 },
        category: 'A',
        rows: [
          {
            type: 'row',
            id: 'stalls-A',
            label: 'A',
            generator: { kind: 'straight', start: { x: 0, y: 0 }, count: 2, spacing: 30 },
            seats: [
              { type: 'seat', id: 'stalls-A-1', label: '1', x: 0, y: 0 },
              { type: 'seat', id: 'stalls-A-2', label: '2', x: 30, y: 0, accessible: true },
            ],
          },
          {
            type: 'row',
            id: 'stalls-B',
            label: 'B',
            category: 'B',
            generator: { kind: 'manual' },
            seats: [{ type: 'seat', id: 'stalls-B-1', label: '1', x: 0, y: 40 }],
          },
        ],
        tables: [
          {
            type: 'table',
            id: 't1',
            label: 'Table 1',
            shape: 'round',
            transform: { x: 200, y: 0 },
            width: 60,
            height: 60,
            seatCount: 1,
            category: 'B',
            seats: [{ type: 'seat', id: 't1-1', label: '1', x: 0, y: -45 }],
          },
        ],
        gaAreas: [
          {
            type: 'ga',
            id: 'floor',
            label: 'Standing',
            capacity: 100,
            outline: [
              { x: 0, y: 100 },
              { x: 100, y: 100 },
              { x: 100, y: 200 },
            ],
          },
        ],
      },
    ],
  };
}
