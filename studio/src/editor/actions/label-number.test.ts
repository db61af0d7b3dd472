import { describe, expect, it } from 'vitest';
import type { Point } from '@parterre/seatmaps';
import { TestEditor } from '../test-editor.ts';
import {
  actionAddGaArea,
  actionAddSection,
  actionAddTable,
  actionDeleteSelection,
  actionSelect,
} from './index.ts';
import { nextLabelNumber } from './label-number.ts';

describe('nextLabelNumber', () => {
  it('counts from the highest number in use, ignoring renamed records', () => {
    expect(nextLabelNumber([], 'Table')).toBe(1);
    expect(nextLabelNumber(['Table 1', 'Table 3'], 'Table')).toBe(4);
    expect(nextLabelNumber(['VIP', 'Table 2b', 'Tables 9', 'Table 2'], 'Table')).toBe(3);
  });
});

/** A w×h rectangle with its top-left corner at (x, y). */
const rect = (x: number, y: number, w = 300, h = 300): Point[] => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

/** Deletes the record with `id` through the selection, as a person would. */
function remove(ed: TestEditor, id: string): void {
  ed.run(actionSelect, [id]);
  ed.run(actionDeleteSelection, undefined);
}

describe('default labels after a delete (one past the highest, not the count)', () => {
  it('gives a new table "Table 4", not a second "Table 3"', () => {
    const ed = new TestEditor();
    ed.run(actionAddSection, rect(100, 100));
    for (const x of [150, 250, 350])
      ed.run(actionAddTable, { shape: 'round', center: { x, y: 200 } });
    const labels = () => ed.document.sections[0]!.tables.map((t) => t.label);
    expect(labels()).toEqual(['Table 1', 'Table 2', 'Table 3']);
    remove(ed, ed.document.sections[0]!.tables[1]!.id);
    ed.run(actionAddTable, { shape: 'round', center: { x: 250, y: 300 } });
    expect(labels()).toEqual(['Table 1', 'Table 3', 'Table 4']);
  });

  it('numbers sections and standing areas the same way', () => {
    const ed = new TestEditor();
    for (const x of [0, 1000, 2000]) ed.run(actionAddSection, rect(x, 0));
    remove(ed, ed.document.sections[1]!.id);
    ed.run(actionAddSection, rect(3000, 0));
    expect(ed.document.sections.map((s) => s.label)).toEqual([
      'Section 1',
      'Section 3',
      'Section 4',
    ]);
    for (const x of [10, 110, 210]) ed.run(actionAddGaArea, rect(x, 10, 50, 50));
    const areas = () => ed.document.sections[0]!.gaAreas.map((a) => a.label);
    expect(areas()).toEqual(['Standing 1', 'Standing 2', 'Standing 3']);
    remove(ed, ed.document.sections[0]!.gaAreas[1]!.id);
    ed.run(actionAddGaArea, rect(110, 110, 50, 50));
    expect(areas()).toEqual(['Standing 1', 'Standing 3', 'Standing 4']);
  });
});
