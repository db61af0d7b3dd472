// Snapping to other objects while moving and resizing, the rotate knob near the top ruler, and
// dragging an unlocked background image — driven through TestEditor like a person with a mouse.
import { applyTransform, type Point } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { actionMoveBackground, actionSetBackground } from '../actions/action-background.ts';
import { actionToggleObjectSnap } from '../actions/action-view.ts';
import { actionAddRow, actionAddSection, actionSelect } from '../actions/index.ts';
import { handlePoint, knobBelow, selectionFrame } from '../handles.ts';
import { TestEditor } from '../test-editor.ts';
import type { AppState } from '../types.ts';

const square = (x: number, y: number, side = 200): Point[] => [
  { x, y },
  { x: x + side, y },
  { x: x + side, y: y + side },
  { x, y: y + side },
];

/** Section A (100…300 × 100…300) selected, and section B (400…600 × 105…305) beside it. */
function twoSections(appState: Partial<AppState> = {}): TestEditor {
  const ed = new TestEditor(undefined, appState);
  ed.run(actionAddSection, square(100, 100));
  ed.run(actionAddSection, square(400, 105));
  ed.run(actionSelect, [ed.document.sections[0]?.id as string]);
  return ed;
}

const boxOf = (ed: TestEditor, i = 0) => {
  const s = ed.document.sections[i];
  const pts = s?.outline.map((p) => applyTransform(s.transform, p)) ?? [];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

describe('snapping to other objects', () => {
  it('snaps a moved selection to another object and shows guides while dragging', () => {
    const ed = twoSections();
    ed.down(200, 200).move(230, 201).move(250, 203);
    // 3 units short of B's top, middle and bottom: snapped onto them, each with a guide.
    expect(boxOf(ed)).toEqual([150, 105, 350, 305]);
    expect(ed.appState.snapGuides).toEqual([
      { axis: 'y', at: 105, from: 150, to: 600 },
      { axis: 'y', at: 205, from: 150, to: 600 },
      { axis: 'y', at: 305, from: 150, to: 600 },
    ]);
    ed.up(250, 203);
    expect(ed.appState.snapGuides).toEqual([]);
    // The drag is one undo step.
    expect(ed.undo()).toBe(true);
    expect(boxOf(ed)).toEqual([100, 100, 300, 300]);
    expect(ed.undo()).toBe(true);
    expect(ed.document.sections).toHaveLength(1);
  });

  it('keeps the grid on the axis that did not snap to an object', () => {
    const ed = twoSections({ snapToGrid: true, gridSize: 10 });
    ed.drag({ x: 200, y: 200 }, { x: 253, y: 203 });
    expect(boxOf(ed)).toEqual([150, 105, 350, 305]);
  });

  it('lets Alt or the toggle turn it off', () => {
    const alt = twoSections();
    alt.down(200, 200).move(250, 203, { altKey: true });
    expect(alt.appState.snapGuides).toEqual([]);
    alt.up(250, 203, { altKey: true });
    expect(boxOf(alt)).toEqual([150, 103, 350, 303]);

    const off = twoSections();
    off.run(actionToggleObjectSnap, undefined);
    expect(off.appState.snapToObjects).toBe(false);
    expect(off.press('O', { shiftKey: true })).toBe(true);
    expect(off.appState.snapToObjects).toBe(true);
    off.run(actionToggleObjectSnap, undefined);
    off.drag({ x: 200, y: 200 }, { x: 250, y: 203 });
    expect(boxOf(off)).toEqual([150, 103, 350, 303]);
  });

  it('with Shift, snaps only along the axis it moves on', () => {
    const ed = twoSections();
    ed.drag({ x: 200, y: 200 }, { x: 297, y: 203 }, { shiftKey: true });
    // x: the right edge 397 snaps to B's left edge 400; y stays put.
    expect(boxOf(ed)).toEqual([200, 100, 400, 300]);
  });

  it('snaps a resize handle to another object, with a guide', () => {
    const ed = twoSections();
    ed.down(300, 200).move(350, 200).move(397, 200);
    expect(ed.tool.state).toBe('resizing');
    expect(ed.appState.snapGuides).toEqual([{ axis: 'x', at: 400, from: 100, to: 305 }]);
    ed.up(397, 200);
    expect(boxOf(ed)).toEqual([100, 100, 400, 300]);
    expect(ed.appState.snapGuides).toEqual([]);
    expect(ed.undo()).toBe(true);
    expect(boxOf(ed)).toEqual([100, 100, 300, 300]);
  });

  it('snaps a row to the other rows of its section', () => {
    const ed = new TestEditor();
    ed.run(actionAddSection, square(100, 100));
    const straight = (x: number, y: number) => ({
      kind: 'straight' as const,
      start: { x, y },
      count: 5,
      spacing: 30,
    });
    ed.run(actionAddRow, straight(120, 150));
    ed.run(actionAddRow, straight(124, 200));
    ed.drag({ x: 124, y: 200 }, { x: 124, y: 210 });
    const rows = ed.document.sections[0]?.rows;
    expect(ed.appState.selectedIds).toEqual([rows?.[1]?.id]);
    // Its first seat lines up with row A's (x 20 in the section), 10 units lower.
    expect(rows?.[1]?.seats[0]).toMatchObject({ x: 20, y: 110 });
    expect(rows?.[0]?.seats[0]).toMatchObject({ x: 20, y: 50 });
  });

  it('ignores objects out of view', () => {
    const ed = twoSections({ viewport: { width: 350, height: 720 } });
    ed.drag({ x: 200, y: 200 }, { x: 250, y: 203 });
    expect(boxOf(ed)).toEqual([150, 103, 350, 303]);
  });
});

describe('rotate knob near the top ruler', () => {
  it('flips below the frame when it would sit under the ruler, and still rotates', () => {
    const ed = new TestEditor();
    ed.run(actionAddSection, square(100, 10));
    ed.run(actionSelect, [ed.document.sections[0]?.id as string]);
    const frame = selectionFrame(ed.document, ed.scene, ed.appState.selectedIds);
    if (!frame) throw new Error('no frame');
    const camera = ed.appState.camera;
    expect(knobBelow(frame, camera)).toBe(true);
    expect(handlePoint(frame, 'rotate', camera)).toEqual({ x: 200, y: 238 });
    // Panned down, there is room above again.
    expect(knobBelow(frame, { ...camera, y: 100 })).toBe(false);
    expect(handlePoint(frame, 'rotate', { ...camera, y: 100 })).toEqual({ x: 200, y: -18 });
    ed.down(200, 238);
    expect(ed.tool.state).toBe('rotating');
    ed.move(100, 110).up(100, 110);
    expect(ed.document.sections[0]?.transform.rotation).toBe(90);
  });
});

describe('dragging the background image', () => {
  const url = 'data:image/png;base64,iVBORw0KGgo=';
  function traced(locked: boolean): TestEditor {
    const ed = new TestEditor();
    ed.run(actionSetBackground, { url, locked, x: 0, y: 0 });
    ed.apply({
      appState: { backgroundSize: { url, width: 400, height: 300 } },
      captureUpdate: 'NEVER',
    });
    return ed;
  }

  it('drags an unlocked image in one undo step', () => {
    const ed = traced(false);
    expect(
      ed.tool.cursorAt?.(ed, {
        point: { x: 50, y: 50 },
        raw: { x: 50, y: 50 },
        shiftKey: false,
        altKey: false,
      }),
    ).toBe('move');
    ed.down(50, 50);
    expect(ed.tool.state).toBe('draggingBackground');
    ed.move(60, 70).move(80, 90).up(80, 90);
    expect(ed.document.background).toMatchObject({ x: 30, y: 40 });
    expect(ed.undo()).toBe(true);
    expect(ed.document.background).toMatchObject({ x: 0, y: 0 });
    expect(ed.redo()).toBe(true);
    expect(ed.document.background).toMatchObject({ x: 30, y: 40 });
  });

  it('leaves a locked image, or a press off it, to the marquee', () => {
    const locked = traced(true);
    locked.down(50, 50);
    expect(locked.tool.state).toBe('brushing');
    locked.move(80, 90).up(80, 90);
    expect(locked.document.background).toMatchObject({ x: 0, y: 0 });
    const off = traced(false);
    off.down(450, 50);
    expect(off.tool.state).toBe('brushing');
    off.up(450, 50);
  });

  it('refuses a move of a locked or missing image and a bad offset', () => {
    const locked = traced(true);
    const move = { dx: 5, dy: 5, captureUpdate: 'IMMEDIATELY' } as const;
    expect(locked.run(actionMoveBackground, move)).toBe(false);
    expect(new TestEditor().run(actionMoveBackground, move)).toBe(false);
    expect(traced(false).run(actionMoveBackground, { ...move, dx: Number.NaN })).toBe(false);
  });
});
