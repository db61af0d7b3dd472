// A jazz club: a standing area in front of a small stage, a lounge of tables for four and a row
// of bar stools along the bar.
import type { SeatmapDocumentInput } from '../model/document.ts';
import { createRow } from '../generators/rows.ts';
import { createTable } from '../generators/tables.ts';
import { cat, rect, text } from './common.ts';

const LOUNGE_TABLES = [120, 240, 360, 480, 600].map((y, i) =>
  createTable({
    id: `lounge-${i + 1}`,
    label: `Table ${i + 1}`,
    shape: 'round',
    transform: { x: 640, y, rotation: 0 },
    width: 50,
    seatCount: 4,
  }),
);

export function jazzClub(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Jazz club',
    size: { width: 900, height: 720 },
    focalPoint: { x: 150, y: 350 },
    categories: [
      { key: 'GA', label: 'Standing', color: '#f08c00' },
      { key: 'T', label: 'Lounge table', color: '#0c8599' },
      { key: 'BAR', label: 'Bar stool', color: '#495057' },
    ],
    levels: [{ id: 'main', name: 'Club' }],
    sections: [
      {
        type: 'section',
        id: 'floor',
        label: 'Floor',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        gaAreas: [
          {
            type: 'ga',
            id: 'standing',
            label: 'Standing',
            capacity: 120,
            category: cat('GA'),
            outline: [
              { x: 240, y: 150 },
              { x: 520, y: 150 },
              { x: 520, y: 550 },
              { x: 240, y: 550 },
            ],
          },
        ],
      },
      {
        type: 'section',
        id: 'lounge',
        label: 'Lounge',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        category: cat('T'),
        tables: LOUNGE_TABLES,
      },
      {
        type: 'section',
        id: 'bar',
        label: 'Bar',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        category: cat('BAR'),
        rows: [
          createRow({
            id: 'bar-stools',
            label: 'Bar',
            generator: {
              kind: 'straight',
              start: { x: 820, y: 150 },
              count: 10,
              spacing: 30,
              angle: 90,
            },
          }),
        ],
      },
    ],
    shapes: [
      rect('stage', 'main', [50, 250, 200, 450], {
        label: 'Stage',
        fill: '#343a40',
        role: 'stage',
      }),
      rect('bar-counter', 'main', [850, 120, 880, 480], { label: 'Bar', fill: '#8d6e63' }),
    ],
    texts: [text('stage-label', 'main', 125, 350, 'STAGE')],
  };
}
