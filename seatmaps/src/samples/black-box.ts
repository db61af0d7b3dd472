// A 200-seat black-box studio: two straight blocks either side of a centre aisle, numbered the
// British way — odd numbers house left, even numbers house right, 1 and 2 on the aisle.
import type { SeatmapDocumentInput } from '../model/document.ts';
import type { Row } from '../model/elements.ts';
import { generateBlock } from '../generators/blocks.ts';
import type { SeatNumberingInput } from '../generators/numbering.ts';
import { cat, rect, text, type SectionInput } from './common.ts';

const BLOCK = { kind: 'rect', rows: 10, seatsPerRow: 10, seatSpacing: 26, rowSpacing: 40 } as const;

/** The front five rows (A–E) are the dearer band. */
const priceBands = (rows: Row[]): Row[] =>
  rows.map((row, r) => ({ ...row, category: cat(r < 5 ? 'A' : 'B') }));

function side(id: string, label: string, x: number, numbering: SeatNumberingInput): SectionInput {
  const block = { ...BLOCK, numbering };
  return {
    type: 'section',
    id,
    label,
    level: 'main',
    transform: { x, y: 230, rotation: 0 },
    block,
    rows: priceBands(generateBlock(block, { idPrefix: id })),
  };
}

export function blackBox(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Black box studio',
    size: { width: 800, height: 700 },
    focalPoint: { x: 400, y: 90 },
    categories: [
      { key: 'A', label: 'Front', color: '#2b8a3e' },
      { key: 'B', label: 'Back', color: '#5c940d' },
    ],
    levels: [{ id: 'main', name: 'Studio floor' }],
    sections: [
      // House left is the audience's left: screen left with the stage at the top.
      side('house-left', 'House left', 250, { pattern: 'odd', direction: 'rtl' }),
      side('house-right', 'House right', 550, { pattern: 'even', direction: 'ltr' }),
    ],
    shapes: [
      rect('stage', 'main', [150, 30, 650, 150], {
        label: 'Stage',
        fill: '#212529',
        role: 'stage',
      }),
    ],
    texts: [text('stage-label', 'main', 400, 90, 'STAGE')],
  };
}
