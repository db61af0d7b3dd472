import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { expandForValidation } from './expand-blocks.ts';
import { plan, section } from './plan.test-helpers.ts';
import { validateSeatmap } from './validate-seatmap.ts';

const block = { kind: 'rect', rows: 2, seatsPerRow: 3, seatSpacing: 25, rowSpacing: 30 };

describe('expandForValidation', () => {
  it('generates the rows of block sections and validates their seats', () => {
    const doc = SeatmapDocument.parse(plan([section('n', 'North stand', { block })]));
    const { doc: full, problems } = expandForValidation(doc);
    expect(problems).toEqual([]);
    expect(full.sections[0]?.rows.map((r) => r.seats.length)).toEqual([3, 3]);
    expect(validateSeatmap(doc)).toEqual([]);
  });

  it('reports block parameters that cannot generate rows', () => {
    const arc = { ...block, kind: 'arc' };
    const doc = SeatmapDocument.parse(plan([section('n', 'North stand', { block: arc })]));
    expect(validateSeatmap(doc)).toMatchInlineSnapshot(`
      [
        {
          "code": "INVALID_BLOCK",
          "elementIds": [
            "n",
          ],
          "message": "Section 'North stand' has block parameters that cannot generate rows: an arc block needs a radius.",
          "path": [
            "sections",
            0,
            "block",
          ],
          "severity": "error",
        },
      ]
    `);
  });
});
