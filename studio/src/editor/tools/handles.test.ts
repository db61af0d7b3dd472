// The select tool's handle states (resizing, rotating) and point editing (draggingVertex), driven
// through TestEditor like a person with a mouse or a finger.
import { applyTransform, type Point } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { actionAddGaArea, actionAddRow, actionAddSection, actionSelect } from '../actions/index.ts';
import { polygonOf, selectionFrame } from '../handles.ts';
import { TestEditor } from '../test-editor.ts';

const SQUARE: Point[] = [
  { x: 100, y: 100 },
  { x: 300, y: 100 },
  { x: 300, y: 300 },
  { x: 100, y: 300 },
];

/** A 200×200 section at (100, 100) with one straight row of five seats, selected. */
function hall(appState = {}): TestEditor {
  const ed = new TestEditor(undefined, appState);
  ed.run(actionAddSection, SQUARE);
  ed.run(actionAddRow, { kind: 'straight', start: { x: 120, y: 150 }, count: 5, spacing: 30 });
  ed.use('select').click(200, 250);
  return ed;
}

const section = (ed: TestEditor) => ed.document.sections[0];
const row = (ed: TestEditor) => section(ed)?.rows[0];
const worldOutline = (ed: TestEditor) => {
  const s = section(ed);
  return s?.outline.map((p) => applyTransform(s.transform, p));
};

describe('transform handles', () => {
  it('frames the selected section', () => {
    const ed = hall();
    expect(ed.appState.selectedIds).toEqual([section(ed)?.id]);
    expect(selectionFrame(ed.document, ed.scene, ed.appState.selectedIds)).toEqual({
      angle: 0,
      bounds: { minX: 100, minY: 100, maxX: 300, maxY: 300 },
    });
  });

  it('resizes with a corner handle about the opposite corner, in one undo step', () => {
    const ed = hall();
    ed.down(300, 300);
    expect(ed.tool.state).toBe('resizing');
    ed.move(400, 400).move(500, 500);
    ed.up(500, 500);
    expect(ed.tool.state).toBe('idle');
    expect(worldOutline(ed)).toEqual([
      { x: 100, y: 100 },
      { x: 500, y: 100 },
      { x: 500, y: 500 },
      { x: 100, y: 500 },
    ]);
    const g = row(ed)?.generator;
    expect(g?.kind === 'straight' && [g.start, g.spacing]).toEqual([{ x: 40, y: 100 }, 60]);
    expect(row(ed)?.seats.map((s) => s.x)).toEqual([40, 100, 160, 220, 280]);
    expect(ed.undo()).toBe(true);
    expect(worldOutline(ed)).toEqual(SQUARE);
    expect(row(ed)?.seats.map((s) => s.x)).toEqual([20, 50, 80, 110, 140]);
  });

  it('scales one axis with an edge handle, both with Shift', () => {
    const ed = hall();
    ed.drag({ x: 300, y: 200 }, { x: 400, y: 200 });
    expect(worldOutline(ed)?.[2]).toEqual({ x: 400, y: 300 });
    ed.undo();
    ed.drag({ x: 300, y: 200 }, { x: 400, y: 200 }, { shiftKey: true });
    // About the opposite edge's middle, as tldraw does.
    expect(worldOutline(ed)?.[2]).toEqual({ x: 400, y: 350 });
  });

  it('snaps the dragged handle to the grid', () => {
    const ed = hall({ snapToGrid: true });
    ed.drag({ x: 300, y: 300 }, { x: 503, y: 497 });
    expect(worldOutline(ed)?.[2]).toEqual({ x: 500, y: 500 });
  });

  it('never turns the selection inside out', () => {
    const ed = hall();
    ed.drag({ x: 300, y: 300 }, { x: 0, y: 0 });
    const [a, , c] = worldOutline(ed) ?? [];
    expect(c && a && c.x > a.x && c.y > a.y).toBe(true);
  });

  it('rotates about the frame centre with the rotate handle; Shift snaps to 15°', () => {
    const ed = hall();
    ed.down(200, 72);
    expect(ed.tool.state).toBe('rotating');
    ed.move(300, 100).move(328, 200).up(328, 200);
    expect(section(ed)?.transform).toEqual({ x: 300, y: 100, rotation: 90 });
    ed.undo();
    expect(section(ed)?.transform).toEqual({ x: 100, y: 100, rotation: 0 });
    // 50° from the top handle, snapped to 45° with Shift.
    const a = ((-90 + 50) * Math.PI) / 180;
    ed.drag(
      { x: 200, y: 72 },
      { x: 200 + 128 * Math.cos(a), y: 200 + 128 * Math.sin(a) },
      {
        shiftKey: true,
      },
    );
    expect(section(ed)?.transform.rotation).toBe(45);
    // A turned section gets a frame turned with it.
    expect(selectionFrame(ed.document, ed.scene, ed.appState.selectedIds)?.angle).toBe(45);
  });

  it('resizes a turned section along its own axes', () => {
    const ed = hall();
    ed.drag({ x: 200, y: 72 }, { x: 328, y: 200 });
    // Turned 90°: its local right edge now faces down; the 'e' handle sits at world (200, 300).
    ed.drag({ x: 200, y: 300 }, { x: 200, y: 400 });
    expect(section(ed)?.outline[2]).toEqual({ x: 300, y: 200 });
    expect(section(ed)?.transform.rotation).toBe(90);
  });

  it('constrains a move to one axis with Shift', () => {
    const ed = hall();
    ed.drag({ x: 200, y: 250 }, { x: 260, y: 270 }, { shiftKey: true });
    expect(section(ed)?.transform).toEqual({ x: 160, y: 100, rotation: 0 });
    expect(ed.appState.selectedIds).toEqual([section(ed)?.id]);
    // A Shift click without a drag still takes it out of the selection.
    ed.click(220, 250, { shiftKey: true });
    expect(ed.appState.selectedIds).toEqual([]);
  });

  it('lets a press on a seat of another row win over a handle on it', () => {
    const ed = hall();
    // Row A's frame is 110…250 × 140…160: its 'e' handle sits at (250, 150); B's seat at 262.
    ed.run(actionAddRow, { kind: 'straight', start: { x: 262, y: 150 }, count: 1, spacing: 30 });
    const b = section(ed)?.rows[1];
    ed.run(actionSelect, [row(ed)?.id as string]);
    ed.down(257, 150);
    expect(ed.tool.state).toBe('pointing');
    expect(ed.appState.selectedIds).toEqual([b?.id]);
    ed.up(257, 150);
    // With A selected, a press there off any other seat grabs the handle.
    ed.run(actionSelect, [row(ed)?.id as string]);
    ed.down(250, 143);
    expect(ed.tool.state).toBe('resizing');
  });

  it('shows resize cursors turned with the frame, grab on the knob, none elsewhere', () => {
    const ed = hall();
    const at = (x: number, y: number) =>
      ed.tool.cursorAt?.(ed, { point: { x, y }, raw: { x, y }, shiftKey: false, altKey: false });
    expect(at(300, 300)).toBe('nwse-resize');
    expect(at(300, 100)).toBe('nesw-resize');
    expect(at(200, 100)).toBe('ns-resize');
    expect(at(300, 200)).toBe('ew-resize');
    expect(at(200, 72)).toBe('grab');
    expect(at(200, 250)).toBeNull();
    ed.drag({ x: 200, y: 72 }, { x: 328, y: 200 }); // a quarter turn
    expect(at(200, 300)).toBe('ns-resize'); // its 'e' handle now faces down
  });

  it('grabs handles from further away with a finger', () => {
    const ed = hall();
    ed.down(310, 310);
    expect(ed.tool.state).toBe('brushing');
    ed.up(310, 310);
    ed.run(actionSelect, [section(ed)?.id as string]);
    ed.down(310, 310, { touch: true });
    expect(ed.tool.state).toBe('resizing');
  });
});

describe('editing polygon points', () => {
  it('enters on a double click on the outline, leaves with Escape', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    expect(ed.appState.editingPoints).toBe(section(ed)?.id);
    expect(ed.press('Escape')).toBe(true);
    expect(ed.appState.editingPoints).toBeNull();
    expect(ed.press('Enter')).toBe(true);
    expect(ed.appState.editingPoints).toBe(section(ed)?.id);
    expect(ed.press('Enter')).toBe(true);
    expect(ed.appState.editingPoints).toBeNull();
  });

  it('drags a vertex (snapped), one undo step', () => {
    const ed = hall({ snapToGrid: true });
    ed.click(200, 250, { double: true });
    ed.down(300, 300);
    expect(ed.tool.state).toBe('draggingVertex');
    ed.move(330, 310).move(352, 318).up(352, 318);
    expect(worldOutline(ed)?.[2]).toEqual({ x: 350, y: 320 });
    expect(ed.appState.selectedVertex).toBe(2);
    ed.undo();
    expect(worldOutline(ed)).toEqual(SQUARE);
    expect(ed.appState.editingPoints).toBe(section(ed)?.id);
  });

  it('adds a vertex by dragging an edge midpoint; adding and placing undo together', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    ed.drag({ x: 200, y: 100 }, { x: 200, y: 60 });
    expect(worldOutline(ed)).toEqual([SQUARE[0], { x: 200, y: 60 }, ...SQUARE.slice(1)]);
    ed.undo();
    expect(worldOutline(ed)).toEqual(SQUARE);
  });

  it('adds a vertex with a double click on an edge', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    ed.click(300, 150, { double: true });
    expect(worldOutline(ed)?.[2]).toEqual({ x: 300, y: 150 });
    expect(worldOutline(ed)).toHaveLength(5);
  });

  it('deletes the selected vertex with Delete, never below three, never the section', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    ed.click(300, 300);
    expect(ed.appState.selectedVertex).toBe(2);
    expect(ed.press('Delete')).toBe(true);
    expect(worldOutline(ed)).toEqual([SQUARE[0], SQUARE[1], SQUARE[3]]);
    ed.click(100, 300);
    expect(ed.press('Backspace')).toBe(true);
    expect(section(ed)?.outline).toHaveLength(3);
    expect(ed.document.sections).toHaveLength(1);
    ed.undo();
    expect(worldOutline(ed)).toEqual(SQUARE);
  });

  it('nudges the selected vertex with the arrow keys', () => {
    const ed = hall({ gridSize: 10 });
    ed.click(200, 250, { double: true });
    ed.click(300, 300);
    expect(ed.press('ArrowRight')).toBe(true);
    expect(ed.press('ArrowDown')).toBe(true);
    expect(worldOutline(ed)?.[2]).toEqual({ x: 310, y: 310 });
    expect(section(ed)?.transform).toEqual({ x: 100, y: 100, rotation: 0 });
  });

  it('forgets a selected vertex that an undo took away', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    ed.click(300, 150, { double: true }); // adds vertex 2
    ed.click(100, 300); // selects vertex 4
    expect(ed.appState.selectedVertex).toBe(4);
    ed.undo();
    expect(ed.appState.selectedVertex).toBeNull();
    expect(ed.appState.editingPoints).toBe(section(ed)?.id);
  });

  it('edits a standing area inside a turned section in world coordinates', () => {
    const ed = hall();
    ed.drag({ x: 200, y: 72 }, { x: 328, y: 200 }); // turn the section 90°
    ed.run(actionAddGaArea, [
      { x: 150, y: 150 },
      { x: 250, y: 150 },
      { x: 250, y: 250 },
    ]);
    const ga = section(ed)?.gaAreas[0];
    expect(ga).toBeDefined();
    ed.click(240, 170, { double: true });
    expect(ed.appState.editingPoints).toBe(ga?.id);
    ed.drag({ x: 250, y: 250 }, { x: 260, y: 280 });
    expect(polygonOf(ed.document, ga?.id as string)?.points[2]).toEqual({ x: 260, y: 280 });
  });

  it('leaves point editing when the selection moves elsewhere', () => {
    const ed = hall();
    ed.click(200, 250, { double: true });
    ed.click(900, 900);
    expect(ed.appState.editingPoints).toBeNull();
    expect(ed.appState.selectedIds).toEqual([]);
  });
});
