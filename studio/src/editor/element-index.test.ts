import { describe, expect, it } from 'vitest';
import {
  actionAddBlock,
  actionAddText,
  actionDeleteSelection,
  actionSelect,
} from './actions/index.ts';
import { elementIndex, freshId } from './element-index.ts';
import { TestEditor } from './test-editor.ts';

function twoBlocks(): TestEditor {
  const ed = new TestEditor();
  const block = { kind: 'rect', rows: 2, seatsPerRow: 3, seatSpacing: 25, rowSpacing: 40 } as const;
  ed.run(actionAddBlock, { origin: { x: 100, y: 100 }, block });
  ed.run(actionAddBlock, { origin: { x: 600, y: 100 }, block });
  return ed;
}

describe('element index', () => {
  it('finds every record by id', () => {
    const ed = twoBlocks();
    const refs = elementIndex(ed.document);
    expect(refs.get('section-2')).toEqual({ type: 'section', section: 1 });
    expect(refs.get('section-2-B')).toEqual({ type: 'row', section: 1, row: 1 });
    expect(refs.get('section-2-B-3')).toEqual({
      type: 'seat',
      section: 1,
      parent: 1,
      inTable: false,
      seat: 2,
    });
    expect(refs.has('section-3')).toBe(false);
  });

  it('stays exact when derived from the previous document after an edit', () => {
    const ed = twoBlocks();
    elementIndex(ed.document);
    ed.run(actionSelect, ['section-1-A']);
    ed.run(actionDeleteSelection, undefined);
    ed.run(actionAddText, { at: { x: 0, y: 0 }, text: 'Bar' });
    const refs = elementIndex(ed.document);
    expect(refs.has('section-1-A')).toBe(false);
    expect(refs.has('section-1-A-1')).toBe(false);
    expect(refs.get('section-1-B')).toEqual({ type: 'row', section: 0, row: 0 });
    expect(refs.get('section-2-A-1')?.type).toBe('seat');
    expect(refs.get(ed.document.texts[0]?.id as string)).toEqual({ type: 'text', text: 0 });
    const all = ed.document.sections.flatMap((s) => [
      s.id,
      ...s.rows.flatMap((r) => [r.id, ...r.seats.map((x) => x.id)]),
    ]);
    expect(all.every((id) => refs.has(id))).toBe(true);
  });

  it('rebuilds flat after many layered edits and stays exact', () => {
    const ed = twoBlocks();
    for (let i = 0; i < 40; i++) {
      ed.run(actionSelect, ['section-2']);
      ed.press('ArrowRight');
      expect(elementIndex(ed.document).get('section-2-B-3')?.type).toBe('seat');
    }
    ed.run(actionSelect, ['section-2']);
    ed.run(actionDeleteSelection, undefined);
    expect(elementIndex(ed.document).has('section-2-B-3')).toBe(false);
    expect(elementIndex(ed.document).get('section-1-B-3')?.type).toBe('seat');
  });

  it('makes fresh ids', () => {
    const ed = twoBlocks();
    expect(freshId(ed.document, 'section-1')).toBe('section-1-2');
    expect(freshId(ed.document, 'x', new Set(['x']))).toBe('x-2');
  });
});
