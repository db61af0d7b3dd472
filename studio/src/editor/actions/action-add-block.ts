// Adds a block of rows (seatmaps generateBlock) as a new section whose origin is the middle of
// the front row; the block parameters stay on the section so it can be regenerated.
import {
  BlockGenerator,
  generateBlock,
  type BlockGeneratorInput,
  type Point,
} from '@parterre/seatmaps';
import { register } from '../action.ts';
import { newSection, putSection } from './placement.ts';

export interface DrawnBlock {
  /** World position of the middle of the front row. */
  readonly origin: Point;
  readonly block: BlockGeneratorInput;
}

export const actionAddBlock = register<DrawnBlock>({
  name: 'addBlock',
  label: 'Add block of rows',
  perform({ document: doc, appState }, { origin, block }) {
    const parsed = BlockGenerator.safeParse(block);
    if (!parsed.success) return false;
    const section = newSection(doc, appState.activeLevel, origin);
    let rows;
    try {
      rows = generateBlock(parsed.data, { idPrefix: section.id });
    } catch {
      return false;
    }
    const next = { ...section, block: parsed.data, rows };
    return {
      document: putSection(doc, next),
      appState: { selectedIds: [next.id] },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
