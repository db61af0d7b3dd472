// Blocks of rows from the compact parameters a section may store (`Section.block`). Big plans
// are saved as block parameters and expanded on load, so an 80,000-seat stadium is a small file.
import type { z } from 'zod';
import type { SeatmapDocument } from '../model/document.ts';
import type { Row, Section } from '../model/elements.ts';
import { BlockGenerator } from '../model/elements.ts';
import { blockLabels } from './numbering.ts';
import { createRow, type ArcRowGeneratorInput, type StraightRowGeneratorInput } from './rows.ts';

export type BlockGeneratorInput = z.input<typeof BlockGenerator>;

/**
 * Seats in each row of a block, front to back; throws when a row would be empty or too long.
 * @example blockRowSeatCounts({ kind: 'trapezoid', rows: 3, seatsPerRow: 10, seatsIncrement: 2, seatSpacing: 25, rowSpacing: 40 }) // [10, 12, 14]
 */
export function blockRowSeatCounts(block: BlockGeneratorInput): number[] {
  const b = BlockGenerator.parse(block);
  const increment = b.kind === 'rect' ? 0 : b.seatsIncrement;
  const counts: number[] = [];
  for (let r = 0; r < b.rows; r++) {
    const count = b.seatsPerRow + r * increment;
    if (count < 1 || count > 1000) {
      throw new RangeError(
        `block row ${r + 1} would have ${count} seats (seatsPerRow ${b.seatsPerRow}, seatsIncrement ${increment}); rows hold 1 to 1000 seats`,
      );
    }
    counts.push(count);
  }
  return counts;
}

type RowShape = StraightRowGeneratorInput | ArcRowGeneratorInput;

function rowShape(b: z.infer<typeof BlockGenerator>, r: number, count: number): RowShape {
  if (b.kind === 'arc') {
    if (b.radius === undefined) throw new RangeError('an arc block needs a radius');
    const radius = b.radius + r * b.rowSpacing;
    return {
      kind: 'arc',
      center: { x: 0, y: 0 },
      radius,
      count,
      spacing: b.seatSpacing,
      midAngle: 90,
    };
  }
  const start = { x: (-(count - 1) * b.seatSpacing) / 2, y: r * b.rowSpacing };
  return { kind: 'straight', start, count, spacing: b.seatSpacing };
}

/**
 * The rows of a block in section coordinates, front row first, labelled by `block.labeling` and
 * numbered by `block.numbering`. Row ids are `${idPrefix}-${row label}`, seat ids
 * `${row id}-${seat label}`.
 * - rect / trapezoid: straight rows centred on x = 0, the front row at y = 0, rows going +y;
 *   a trapezoid adds `seatsIncrement` seats per row.
 * - arc: concentric arcs around the origin (the stage end), the front row at `radius`, each row
 *   `rowSpacing` further out and `seatsIncrement` seats longer, centred straight down (+y).
 * Rotate the section to point the block elsewhere.
 * @example generateBlock({ kind: 'rect', rows: 10, seatsPerRow: 20, seatSpacing: 25, rowSpacing: 40 }, { idPrefix: 'stalls' })
 */
export function generateBlock(block: BlockGeneratorInput, options: { idPrefix: string }): Row[] {
  const b = BlockGenerator.parse(block);
  const counts = blockRowSeatCounts(b);
  return blockLabels(counts, b.labeling, b.numbering).map((labels, r) =>
    createRow({
      id: `${options.idPrefix}-${labels.row}`,
      label: labels.row,
      generator: rowShape(b, r, counts[r] as number),
      numbering: b.numbering,
      numberOffset: labels.offset,
    }),
  );
}

/**
 * A section with its block expanded into rows when it has a block and no rows yet.
 * @example const stand = expandSection(doc.sections[0]);
 */
export function expandSection(section: Section): Section {
  if (!section.block || section.rows.length > 0) return section;
  return { ...section, rows: generateBlock(section.block, { idPrefix: section.id }) };
}

/**
 * Generates the rows of every section that stores block parameters and no rows. Sections with
 * rows are left alone: their rows (possibly edited by hand) are the truth.
 * @example const full = expandBlocks(doc);
 */
export function expandBlocks(doc: SeatmapDocument): SeatmapDocument {
  if (!doc.sections.some((s) => s.block && s.rows.length === 0)) return doc;
  return { ...doc, sections: doc.sections.map(expandSection) };
}
