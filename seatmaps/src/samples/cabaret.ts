// A cabaret room: round tables of eight and six in front of the stage, two long banquet tables
// at the back.
import type { SeatmapDocumentInput } from '../model/document.ts';
import type { Table } from '../model/elements.ts';
import { createTable } from '../generators/tables.ts';
import { cat, rect, text } from './common.ts';

const COLUMNS = [240, 480, 720, 960];
/** Table rows front to back: y, chairs per table, price category. */
const ROUND_ROWS = [
  { y: 290, seats: 8, category: 'A' },
  { y: 490, seats: 8, category: 'B' },
  { y: 690, seats: 6, category: 'B' },
] as const;

function roundTables(): Table[] {
  return ROUND_ROWS.flatMap((row, r) =>
    COLUMNS.map((x, c) => {
      const n = r * COLUMNS.length + c + 1;
      return createTable({
        id: `table-${n}`,
        label: `Table ${n}`,
        shape: 'round',
        transform: { x, y: row.y, rotation: 0 },
        width: 90,
        seatCount: row.seats,
        category: cat(row.category),
      });
    }),
  );
}

function banquetTables(): Table[] {
  return [360, 840].map((x, i) =>
    createTable({
      id: `banquet-${i + 1}`,
      label: `Banquet ${i + 1}`,
      shape: 'rect',
      transform: { x, y: 870, rotation: 0 },
      width: 200,
      height: 60,
      seatCount: 10,
      category: cat('C'),
    }),
  );
}

export function cabaret(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Cabaret room',
    size: { width: 1200, height: 1000 },
    focalPoint: { x: 600, y: 100 },
    categories: [
      { key: 'A', label: 'Front tables', color: '#ae3ec9' },
      { key: 'B', label: 'Tables', color: '#7048e8' },
      { key: 'C', label: 'Banquet', color: '#4263eb' },
    ],
    levels: [{ id: 'main', name: 'Floor' }],
    sections: [
      {
        type: 'section',
        id: 'floor',
        label: 'Floor',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        tables: [...roundTables(), ...banquetTables()],
      },
    ],
    shapes: [
      rect('stage', 'main', [400, 30, 800, 150], {
        label: 'Stage',
        fill: '#343a40',
        role: 'stage',
      }),
    ],
    texts: [text('stage-label', 'main', 600, 90, 'STAGE')],
  };
}
