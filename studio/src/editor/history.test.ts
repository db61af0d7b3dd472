import { describe, expect, it } from 'vitest';
import {
  actionAddCategory,
  actionMoveSelection,
  actionSelect,
  actionUpdateCategory,
} from './actions/index.ts';
import { TestEditor } from './test-editor.ts';

function withRow(): TestEditor {
  const ed = new TestEditor();
  ed.use('straightRow').drag({ x: 100, y: 200 }, { x: 325, y: 200 });
  return ed;
}

describe('history', () => {
  it('undoes and redoes an IMMEDIATELY edit as one step', () => {
    const ed = withRow();
    expect(ed.seatCount).toBe(10);
    expect(ed.undo()).toBe(true);
    expect(ed.seatCount).toBe(0);
    expect(ed.redo()).toBe(true);
    expect(ed.seatCount).toBe(10);
    expect(ed.history.canRedo).toBe(false);
  });

  it('squashes a drag of EVENTUALLY frames into the IMMEDIATELY step that ends it', () => {
    const ed = withRow();
    const rowId = ed.appState.selectedIds[0] as string;
    ed.use('select').drag({ x: 100, y: 200 }, { x: 100, y: 300 }, {}, 10);
    const moved = ed.document.sections[0]?.rows[0]?.seats[0];
    expect(moved?.y).toBe(100);
    ed.undo();
    expect(ed.document.sections[0]?.rows[0]?.seats[0]?.y).toBe(0);
    expect(ed.document.sections[0]?.rows[0]?.id).toBe(rowId);
    ed.undo();
    expect(ed.seatCount).toBe(0);
  });

  it('keeps NEVER updates off the stack and lets them survive undo', () => {
    const ed = withRow();
    ed.run(actionAddCategory, { label: 'VIP' });
    // A remote change arrives: recolouring the original category, not undoable here.
    const remote = {
      ...ed.document,
      categories: ed.document.categories.map((c) =>
        c.key === 'STANDARD' ? { ...c, color: '#000000' } : c,
      ),
    };
    ed.apply({ document: remote, captureUpdate: 'NEVER' });
    ed.undo();
    expect(ed.document.categories.map((c) => c.key)).toEqual(['STANDARD']);
    expect(ed.document.categories[0]?.color).toBe('#000000');
  });

  it('clears redo after a new edit', () => {
    const ed = withRow();
    ed.run(actionAddCategory, { label: 'VIP' });
    ed.undo();
    expect(ed.history.canRedo).toBe(true);
    ed.run(actionUpdateCategory, { key: 'STANDARD', label: 'Stalls' });
    expect(ed.history.canRedo).toBe(false);
  });

  it('does not record selection or camera changes', () => {
    const ed = withRow();
    ed.run(actionSelect, []);
    ed.run(actionMoveSelection, { dx: 5, dy: 0, captureUpdate: 'IMMEDIATELY' });
    ed.undo();
    expect(ed.seatCount).toBe(0);
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z', () => {
    const ed = withRow();
    expect(ed.press('z', { mod: true })).toBe(true);
    expect(ed.seatCount).toBe(0);
    expect(ed.press('z', { mod: true, shiftKey: true })).toBe(true);
    expect(ed.seatCount).toBe(10);
  });
});
