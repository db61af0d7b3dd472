import { describe, expect, it } from 'vitest';
import { actionAddBlock, actionAddCategory, actionSetBrushCategory } from '../actions/index.ts';
import { TestEditor } from '../test-editor.ts';

function withBlock(): TestEditor {
  const ed = new TestEditor();
  const block = { kind: 'rect', rows: 2, seatsPerRow: 5, seatSpacing: 25, rowSpacing: 40 } as const;
  ed.run(actionAddBlock, { origin: { x: 500, y: 300 }, block });
  ed.run(actionAddBlock, { origin: { x: 500, y: 600 }, block });
  return ed;
}

describe('select tool', () => {
  it('goes idle → pointing → dragging → idle and moves the selection in one undo step', () => {
    const ed = withBlock();
    const row = ed.document.sections[0]?.rows[0];
    ed.use('select').down(450, 300);
    expect(ed.tool.state).toBe('pointing');
    expect(ed.appState.selectedIds).toEqual([row?.id]);
    ed.move(450, 330);
    expect(ed.tool.state).toBe('dragging');
    ed.move(450, 350).up(450, 350);
    expect(ed.tool.state).toBe('idle');
    expect(ed.document.sections[0]?.rows[0]?.seats[0]?.y).toBe(50);
    ed.undo();
    expect(ed.document.sections[0]?.rows[0]?.seats[0]?.y).toBe(0);
  });

  it('selects the seat itself with Alt or a double click, and toggles with Shift', () => {
    const ed = withBlock();
    const seat = ed.document.sections[0]?.rows[0]?.seats[0];
    ed.use('select').click(450, 300, { altKey: true });
    expect(ed.appState.selectedIds).toEqual([seat?.id]);
    ed.click(450, 600, { shiftKey: true });
    expect(ed.appState.selectedIds).toHaveLength(2);
    ed.click(450, 600, { shiftKey: true });
    expect(ed.appState.selectedIds).toEqual([seat?.id]);
  });

  it('brushes a marquee over seats and clears it on release', () => {
    const ed = withBlock();
    ed.use('select').down(300, 200);
    expect(ed.tool.state).toBe('brushing');
    ed.move(700, 320);
    expect(ed.appState.preview?.kind).toBe('marquee');
    ed.up(700, 320);
    expect(ed.appState.preview).toBeNull();
    expect(ed.appState.selectedIds).toHaveLength(5);
    ed.click(100, 1200);
    expect(ed.appState.selectedIds).toEqual([]);
  });

  it('cancels a drag with Escape, keeping what was moved as one step', () => {
    const ed = withBlock();
    ed.use('select').down(450, 300).move(450, 340);
    expect(ed.press('Escape')).toBe(true);
    expect(ed.tool.state).toBe('idle');
    ed.undo();
    expect(ed.document.sections[0]?.rows[0]?.seats[0]?.y).toBe(0);
  });
});

describe('drawing tools', () => {
  it('straight row: previews while dragging, commits on release', () => {
    const ed = new TestEditor();
    ed.use('straightRow').down(100, 100).move(200, 100);
    expect(ed.tool.state).toBe('pointing');
    expect(ed.appState.preview).toMatchObject({ kind: 'seats' });
    ed.move(325, 100).up(325, 100);
    expect(ed.tool.state).toBe('idle');
    expect(ed.appState.preview).toBeNull();
    expect(ed.seatCount).toBe(10);
    ed.click(500, 500);
    expect(ed.seatCount).toBe(10);
  });

  it('curved row: bends around the focal point', () => {
    const ed = new TestEditor();
    ed.use('curvedRow').drag({ x: 800, y: 500 }, { x: 1200, y: 500 });
    const row = ed.document.sections[0]?.rows[0];
    expect(row?.generator.kind).toBe('arc');
    const ys = ed.scene.layout.seats.map((s) => s.y);
    // The middle seats sit further from the stage (focal point at y = 100) than the ends.
    expect(Math.max(...ys)).toBeGreaterThan((ys[0] ?? 0) + 20);
    // Seats are centred on the drag: the first one is less than a seat pitch from its start.
    expect(Math.abs((ed.scene.layout.seats[0]?.x ?? 0) - 800)).toBeLessThan(13);
  });

  it('rows drawn one behind the other join one section, priced in the first category', () => {
    const ed = new TestEditor();
    ed.use('curvedRow');
    for (const y of [500, 560, 620]) ed.drag({ x: 800, y }, { x: 1200, y });
    expect(ed.document.sections).toHaveLength(1);
    expect(ed.document.sections[0]?.rows.map((r) => r.label)).toEqual(['A', 'B', 'C']);
    expect(ed.document.sections[0]?.category).toBe('STANDARD');
  });

  it('block: fills the dragged rectangle with rows', () => {
    const ed = new TestEditor();
    ed.use('block').drag({ x: 100, y: 100 }, { x: 325, y: 180 });
    expect(ed.document.sections[0]?.rows).toHaveLength(3);
    expect(ed.seatCount).toBe(30);
  });

  it('stage: a dragged rectangle becomes the stage', () => {
    const ed = new TestEditor();
    ed.use('stage').drag({ x: 800, y: 0 }, { x: 1200, y: 80 });
    expect(ed.document.shapes[0]?.role).toBe('stage');
    expect(ed.appState.tool).toBe('select');
  });

  it('shape: a rectangle, or an ellipse with Shift', () => {
    const ed = new TestEditor();
    ed.use('shape').drag({ x: 0, y: 0 }, { x: 100, y: 50 });
    ed.drag({ x: 200, y: 0 }, { x: 300, y: 50 }, { shiftKey: true });
    ed.click(500, 500);
    expect(ed.document.shapes.map((s) => s.kind)).toEqual(['rect', 'ellipse']);
    expect(ed.appState.tool).toBe('shape');
  });

  it('tables and text are placed with a click', () => {
    const ed = new TestEditor();
    ed.use('roundTable').click(300, 300);
    ed.use('rectTable').click(600, 300);
    expect(ed.seatCount).toBe(14);
    ed.use('text').down(50, 50);
    expect(ed.tool.state).toBe('pointing');
    ed.up(50, 50);
    expect(ed.document.texts).toHaveLength(1);
  });

  it('polygon: clicks add corners, Backspace removes one, Enter closes', () => {
    const ed = new TestEditor();
    ed.use('section').click(100, 100).click(400, 100).click(999, 999);
    expect(ed.tool.state).toBe('drawing');
    ed.press('Backspace');
    ed.click(400, 300);
    ed.move(150, 320);
    expect(ed.appState.preview).toMatchObject({ kind: 'polygon', cursor: { x: 150, y: 320 } });
    expect(ed.press('Enter')).toBe(true);
    expect(ed.document.sections[0]?.outline).toHaveLength(3);
    expect(ed.appState.tool).toBe('select');
  });

  it('polygon: clicking the first corner closes; Escape abandons', () => {
    const ed = new TestEditor();
    ed.use('ga').click(0, 0).click(200, 0).click(200, 200).click(2, 2);
    expect(ed.document.sections[0]?.gaAreas).toHaveLength(1);
    ed.use('section').click(0, 0).click(100, 0);
    ed.press('Escape');
    expect(ed.appState.preview).toBeNull();
    expect(ed.appState.tool).toBe('select');
    expect(ed.document.sections).toHaveLength(1);
  });

  it('switches tools with their keys and abandons the half-drawn shape', () => {
    const ed = new TestEditor();
    ed.press('p');
    ed.click(0, 0).click(100, 0);
    ed.press('r');
    expect(ed.appState.tool).toBe('straightRow');
    expect(ed.appState.preview).toBeNull();
    ed.press('p');
    ed.click(500, 500);
    expect(ed.appState.preview).toMatchObject({ points: [{ x: 500, y: 500 }] });
  });

  it('snaps drawn points to the grid when snapping is on', () => {
    const ed = new TestEditor(undefined, { snapToGrid: true, gridSize: 10 });
    ed.use('straightRow').drag({ x: 103, y: 98 }, { x: 328, y: 101 });
    expect(ed.document.sections[0]?.transform).toMatchObject({ x: 100, y: 100 });
  });
});

describe('category brush', () => {
  it('paints the seats a stroke passes over, as one undo step', () => {
    const ed = withBlock();
    ed.run(actionAddCategory, { label: 'VIP' });
    expect(ed.run(actionSetBrushCategory, 'VIP')).toBe(true);
    expect(ed.appState.tool).toBe('brush');
    ed.down(450, 300);
    expect(ed.tool.state).toBe('painting');
    ed.move(500, 300).up(500, 300);
    expect(ed.tool.state).toBe('idle');
    const painted = ed.document.sections[0]?.rows[0]?.seats.filter((s) => s.category === 'VIP');
    expect(painted?.map((s) => s.label)).toEqual(['1', '2', '3']);
    expect(ed.document.sections[0]?.rows[1]?.seats.some((s) => s.category)).toBe(false);
    ed.undo();
    expect(ed.document.sections[0]?.rows[0]?.seats.some((s) => s.category)).toBe(false);
    expect(ed.run(actionSetBrushCategory, 'NOPE')).toBe(false);
  });
});
