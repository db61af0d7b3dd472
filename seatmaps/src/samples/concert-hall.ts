// A 1,290-seat concert hall: curved stalls in two price bands around the stage, and two curved
// balconies on a second level whose outer ends have a restricted view.
import type { SeatmapDocumentInput } from '../model/document.ts';
import type { BlockGenerator, Row } from '../model/elements.ts';
import type { z } from 'zod';
import { generateBlock } from '../generators/blocks.ts';
import { cat, editSeats, rect, text, type SectionInput } from './common.ts';

/** The stalls and balconies are concentric arcs around a point behind the stage. */
const CENTRE = { x: 900, y: -150 };
const ARC = { kind: 'arc', seatSpacing: 28, rowSpacing: 40 } as const;

function arcSection(
  id: string,
  label: string,
  level: string,
  rotation: number,
  block: z.input<typeof BlockGenerator>,
  edit: (rows: Row[]) => Row[],
): SectionInput {
  // Rows are stored (not only the block) because some seats carry flags and categories.
  return {
    type: 'section',
    id,
    label,
    level,
    transform: { ...CENTRE, rotation },
    block,
    rows: edit(generateBlock(block, { idPrefix: id })),
  };
}

/** Wheelchair spaces at both ends of the last row, each with a companion seat beside it. */
function wheelchairSpaces(rows: Row[]): Row[] {
  const last = rows.length - 1;
  return rows.map((row, r) => {
    if (r !== last) return row;
    const n = row.seats.length;
    const withSpaces = editSeats(row, (_, i) => i === 0 || i === n - 1, { accessible: true });
    return editSeats(withSpaces, (_, i) => i === 1 || i === n - 2, { companion: true });
  });
}

/** The two seats at the outer end of every balcony row see only part of the stage. */
function restrictedEnds(side: 'left' | 'right') {
  return (rows: Row[]): Row[] =>
    rows.map((row) =>
      editSeats(row, (_, i, all) => (side === 'left' ? i < 2 : i >= all.length - 2), {
        restrictedView: true,
        category: cat('D'),
      }),
    );
}

const balcony = (side: 'left' | 'right'): SectionInput => ({
  ...arcSection(
    `balcony-${side}`,
    `Balcony ${side}`,
    'balcony',
    side === 'left' ? 24 : -24,
    { ...ARC, rows: 8, seatsPerRow: 26, seatsIncrement: 1, radius: 950 },
    restrictedEnds(side),
  ),
  category: cat('C'),
});

export function concertHall(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Concert hall',
    size: { width: 1800, height: 1200 },
    focalPoint: { x: 900, y: 110 },
    categories: [
      { key: 'A', label: 'Stalls front', color: '#c92a2a' },
      { key: 'B', label: 'Stalls rear', color: '#e67700' },
      { key: 'C', label: 'Balcony', color: '#1971c2' },
      { key: 'D', label: 'Restricted view', color: '#868e96' },
    ],
    levels: [
      { id: 'stalls', name: 'Stalls' },
      { id: 'balcony', name: 'Balcony' },
    ],
    sections: [
      {
        ...arcSection(
          'stalls-front',
          'Stalls front',
          'stalls',
          0,
          { ...ARC, rows: 10, seatsPerRow: 28, seatsIncrement: 2, radius: 500 },
          (rows) => rows,
        ),
        category: cat('A'),
      },
      {
        ...arcSection(
          'stalls-rear',
          'Stalls rear',
          'stalls',
          0,
          // Row letters continue after the front block's A–K.
          {
            ...ARC,
            rows: 8,
            seatsPerRow: 49,
            seatsIncrement: 2,
            radius: 900,
            labeling: { start: 10 },
          },
          wheelchairSpaces,
        ),
        category: cat('B'),
      },
      balcony('left'),
      balcony('right'),
    ],
    shapes: [
      rect('stage', 'stalls', [620, 30, 1180, 190], {
        label: 'Stage',
        fill: '#343a40',
        role: 'stage',
      }),
    ],
    texts: [text('stage-label', 'stalls', 900, 110, 'STAGE')],
  };
}
