import { describe, expect, it } from 'vitest';
import { TestEditor } from '../test-editor.ts';
import {
  actionAddBlock,
  actionAddCategory,
  actionAddLevel,
  actionAddRow,
  actionAddTable,
  actionAddText,
  actionAlign,
  actionAssignCategory,
  actionSetBackground,
  actionDeleteSelection,
  actionDistribute,
  actionDuplicateSelection,
  actionMoveSelection,
  actionRenameLevel,
  actionRotateSelection,
  actionSelect,
  actionSelectAll,
  actionSetActiveLevel,
  actionSetProperties,
  actionSetSeatFlags,
  actionUpdateCategory,
  actionUpdateRow,
} from './index.ts';

function hall(): TestEditor {
  const ed = new TestEditor();
  const block = { kind: 'rect', rows: 3, seatsPerRow: 6, seatSpacing: 25, rowSpacing: 40 } as const;
  ed.run(actionAddBlock, { origin: { x: 500, y: 300 }, block });
  return ed;
}

const section = (ed: TestEditor) => ed.document.sections[0];
const rowA = (ed: TestEditor) => section(ed)?.rows[0];

describe('editing', () => {
  it('moves sections, rows and texts; one undo step each', () => {
    const ed = hall();
    ed.run(actionMoveSelection, { dx: 10, dy: -5, captureUpdate: 'IMMEDIATELY' });
    expect(section(ed)?.transform).toMatchObject({ x: 510, y: 295 });
    ed.run(actionSelect, [rowA(ed)?.id as string]);
    ed.run(actionMoveSelection, { dx: 0, dy: 20, captureUpdate: 'IMMEDIATELY' });
    expect(rowA(ed)?.seats[0]?.y).toBe(20);
    ed.undo();
    expect(rowA(ed)?.seats[0]?.y).toBe(0);
    expect(ed.run(actionMoveSelection, { dx: NaN, dy: 0, captureUpdate: 'IMMEDIATELY' })).toBe(
      false,
    );
  });

  it('moves a table in its rotated section`s axes', () => {
    const ed = new TestEditor();
    ed.run(actionAddTable, { shape: 'round', center: { x: 100, y: 100 } });
    const id = ed.appState.selectedIds[0] as string;
    ed.run(actionSelect, [section(ed)?.id as string]);
    ed.run(actionRotateSelection, 90);
    ed.run(actionSelect, [id]);
    ed.run(actionMoveSelection, { dx: 10, dy: 0, captureUpdate: 'IMMEDIATELY' });
    expect(section(ed)?.tables[0]?.transform).toMatchObject({ x: 0, y: -10 });
  });

  it('deletes containers but not single seats', () => {
    const ed = hall();
    ed.run(actionSelect, [rowA(ed)?.seats[0]?.id as string]);
    expect(ed.run(actionDeleteSelection, undefined)).toBe(false);
    ed.run(actionSelect, [rowA(ed)?.id as string]);
    expect(ed.press('Delete')).toBe(true);
    expect(section(ed)?.rows).toHaveLength(2);
    expect(ed.appState.selectedIds).toEqual([]);
  });

  it('duplicates a section with fresh ids for everything inside', () => {
    const ed = hall();
    const id = section(ed)?.id as string;
    ed.run(actionSelect, []);
    expect(ed.run(actionDuplicateSelection, undefined)).toBe(false);
    ed.run(actionSelect, [id]);
    expect(ed.press('d', { mod: true })).toBe(true);
    expect(ed.document.sections).toHaveLength(2);
    const ids = ed.scene.layout.seats.map((s) => s.id);
    expect(new Set(ids).size).toBe(36);
    expect(ed.document.sections[1]?.transform).toMatchObject({ x: 540, y: 340 });
    expect(ed.appState.selectedIds).toEqual([ed.document.sections[1]?.id]);
  });

  it('copies and pastes, each paste a step further; cut then paste puts it back in place', () => {
    const ed = hall();
    expect(ed.press('v', { mod: true })).toBe(false);
    ed.press('c', { mod: true });
    ed.press('v', { mod: true });
    ed.press('v', { mod: true });
    expect(ed.document.sections.map((s) => s.transform.x)).toEqual([500, 540, 580]);
    expect(new Set(ed.scene.layout.seats.map((s) => s.id)).size).toBe(54);
    ed.undo();
    expect(ed.document.sections).toHaveLength(2);
    ed.run(actionSelect, [ed.document.sections[1]?.id as string]);
    ed.press('x', { mod: true });
    expect(ed.document.sections).toHaveLength(1);
    ed.press('v', { mod: true });
    expect(ed.document.sections.map((s) => s.transform.x)).toEqual([500, 540]);
    const other = new TestEditor();
    other.apply({ appState: { clipboard: ed.appState.clipboard }, captureUpdate: 'NEVER' });
    other.press('v', { mod: true });
    expect(other.seatCount).toBe(18);
  });

  it('sets, adjusts and removes the traced background image', () => {
    const ed = new TestEditor();
    const url = 'data:image/png;base64,iVBORw0KGgo=';
    expect(ed.run(actionSetBackground, { url })).toBe(true);
    expect(ed.document.background).toMatchObject({ url, opacity: 0.5, scale: 1, locked: true });
    ed.run(actionSetBackground, { opacity: 0.2, scale: 2, locked: false });
    expect(ed.document.background).toMatchObject({ opacity: 0.2, scale: 2, locked: false });
    expect(ed.run(actionSetBackground, { opacity: 3 })).toBe(false);
    expect(ed.run(actionSetBackground, { url: 'javascript:alert(1)' })).toBe(false);
    ed.run(actionSetBackground, null);
    expect(ed.document.background).toBeUndefined();
    ed.undo();
    expect(ed.document.background?.opacity).toBe(0.2);
  });

  it('aligns and distributes sections and texts by their bounds', () => {
    const ed = new TestEditor();
    const block = {
      kind: 'rect',
      rows: 2,
      seatsPerRow: 3,
      seatSpacing: 25,
      rowSpacing: 40,
    } as const;
    ed.run(actionAddBlock, { origin: { x: 100, y: 100 }, block });
    ed.run(actionAddBlock, { origin: { x: 600, y: 300 }, block });
    ed.run(actionAddBlock, { origin: { x: 900, y: 200 }, block });
    ed.run(actionSelectAll, undefined);
    expect(ed.run(actionAlign, 'top')).toBe(true);
    expect(ed.document.sections.map((s) => s.transform.y)).toEqual([100, 100, 100]);
    expect(ed.run(actionAlign, 'top')).toBe(false);
    expect(ed.run(actionDistribute, 'horizontal')).toBe(true);
    expect(ed.document.sections.map((s) => s.transform.x)).toEqual([100, 500, 900]);
    ed.run(actionSelect, [ed.document.sections[0]?.id as string]);
    expect(ed.run(actionAlign, 'left')).toBe(false);
  });

  it('rotates with ] and [', () => {
    const ed = hall();
    ed.press(']');
    ed.press(']');
    ed.press('[');
    expect(section(ed)?.transform.rotation).toBe(15);
  });

  it('edits a row`s generator after the fact, keeping seat ids', () => {
    const ed = hall();
    const id = rowA(ed)?.id as string;
    const firstSeat = rowA(ed)?.seats[0]?.id;
    expect(ed.run(actionUpdateRow, { rowId: id, count: 9, spacing: 30 })).toBe(true);
    expect(rowA(ed)?.seats).toHaveLength(9);
    expect(rowA(ed)?.seats[0]?.id).toBe(firstSeat);
    expect(rowA(ed)?.seats[1]?.x).toBeCloseTo((rowA(ed)?.seats[0]?.x ?? 0) + 30);
    ed.run(actionUpdateRow, { rowId: id, numbering: { pattern: 'odd', direction: 'rtl' } });
    expect(
      rowA(ed)
        ?.seats.map((s) => s.label)
        .slice(0, 3),
    ).toEqual(['17', '15', '13']);
    expect(ed.run(actionUpdateRow, { rowId: id, count: 0 })).toBe(false);
    expect(ed.run(actionUpdateRow, { rowId: 'nope', count: 3 })).toBe(false);
  });

  it('changes an arc row`s radius and refuses one too small for its seats', () => {
    const ed = new TestEditor();
    ed.run(actionAddRow, {
      kind: 'arc',
      center: { x: 500, y: 0 },
      radius: 300,
      count: 10,
      spacing: 25,
    });
    const id = ed.appState.selectedIds[0] as string;
    expect(ed.run(actionUpdateRow, { rowId: id, radius: 500 })).toBe(true);
    expect(ed.run(actionUpdateRow, { rowId: id, radius: 20 })).toBe(false);
  });

  it('sets labels, capacities, chair counts and text', () => {
    const ed = new TestEditor();
    ed.run(actionAddTable, { shape: 'round', center: { x: 100, y: 100 } });
    const table = ed.appState.selectedIds[0] as string;
    ed.run(actionSetProperties, { ids: [table], label: 'VIP table', seatCount: 10 });
    expect(section(ed)?.tables[0]).toMatchObject({ label: 'VIP table', seatCount: 10 });
    expect(section(ed)?.tables[0]?.seats).toHaveLength(10);
    ed.run(actionAddText, { at: { x: 0, y: 0 } });
    const text = ed.appState.selectedIds[0] as string;
    ed.run(actionSetProperties, { ids: [text], text: 'Bar', fontSize: 30 });
    expect(ed.document.texts[0]).toMatchObject({ text: 'Bar', fontSize: 30 });
    expect(ed.run(actionSetProperties, { ids: [text], text: '' })).toBe(false);
  });

  it('flags the seats of a selected row', () => {
    const ed = hall();
    ed.run(actionSelect, [rowA(ed)?.id as string]);
    ed.run(actionSetSeatFlags, { flag: 'accessible', value: true });
    expect(rowA(ed)?.seats.every((s) => s.accessible)).toBe(true);
    ed.run(actionSetSeatFlags, { flag: 'accessible', value: false });
    expect(rowA(ed)?.seats.some((s) => 'accessible' in s)).toBe(false);
  });

  it('adds, renames, recolours and assigns categories', () => {
    const ed = hall();
    ed.run(actionAddCategory, { label: 'Front stalls' });
    const key = ed.document.categories[1]?.key as string;
    expect(key).toBe('FRONT-STALLS');
    ed.run(actionUpdateCategory, { key, label: 'Premium', color: '#ff0000' });
    expect(ed.document.categories[1]).toMatchObject({ label: 'Premium', color: '#ff0000' });
    expect(ed.run(actionUpdateCategory, { key, color: 'red' })).toBe(false);
    ed.run(actionSelect, [rowA(ed)?.id as string]);
    ed.run(actionAssignCategory, key);
    expect(rowA(ed)?.category).toBe(key);
    expect(ed.scene.layout.seats[0]?.category).toBe(key);
    ed.run(actionAssignCategory, null);
    expect(rowA(ed)?.category).toBeUndefined();
    expect(ed.run(actionAssignCategory, 'MISSING')).toBe(false);
  });

  it('selects all on the active level and switches levels', () => {
    const ed = hall();
    ed.run(actionAddLevel, { name: 'Balcony' });
    expect(ed.appState.activeLevel).toBe('level-2');
    ed.press('a', { mod: true });
    expect(ed.appState.selectedIds).toEqual([]);
    ed.run(actionSetActiveLevel, 'main');
    ed.run(actionSelectAll, undefined);
    expect(ed.appState.selectedIds).toEqual([section(ed)?.id]);
    ed.run(actionRenameLevel, { id: 'level-2', name: 'Circle' });
    expect(ed.document.levels[1]?.name).toBe('Circle');
    expect(ed.run(actionSetActiveLevel, 'nowhere')).toBe(false);
  });

  it('nudges with the arrow keys, ten steps with Shift', () => {
    const ed = hall();
    ed.press('ArrowRight');
    ed.press('ArrowDown', { shiftKey: true });
    expect(section(ed)?.transform).toMatchObject({ x: 510, y: 400 });
    ed.undo();
    expect(section(ed)?.transform).toMatchObject({ x: 510, y: 300 });
  });
});
