// Scaling and rotating every kind of record about a point, vertex edits, and the companion flag:
// what each action does, that bad input changes nothing, and that each is one undo step.
import type { Point } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../test-editor.ts';
import {
  actionAddRow,
  actionAddSection,
  actionAddShape,
  actionAddTable,
  actionAddText,
  actionDeleteVertex,
  actionEditPoints,
  actionInsertVertex,
  actionMoveVertex,
  actionRotateSelectionAbout,
  actionScaleSelection,
  actionSelect,
  actionSetSeatFlags,
} from './index.ts';

const ORIGIN = { x: 0, y: 0 };

function plan() {
  const ed = new TestEditor();
  ed.run(actionAddSection, [
    { x: 100, y: 100 },
    { x: 500, y: 100 },
    { x: 500, y: 500 },
    { x: 100, y: 500 },
  ]);
  const sectionId = ed.document.sections[0]?.id as string;
  ed.run(actionAddRow, { kind: 'straight', start: { x: 150, y: 150 }, count: 4, spacing: 30 });
  ed.run(actionAddRow, {
    kind: 'arc',
    center: { x: 300, y: 100 },
    radius: 200,
    count: 5,
    spacing: 30,
    midAngle: 90,
  });
  ed.run(actionAddTable, { shape: 'rect', center: { x: 400, y: 400 }, seatCount: 6 });
  return { ed, sectionId };
}

const sectionOf = (ed: TestEditor) => ed.document.sections[0];

describe('scaleSelection', () => {
  it('scales rows, arcs and tables of a scaled section, keeping generators and seat ids', () => {
    const { ed, sectionId } = plan();
    const before = sectionOf(ed);
    const ids = before?.rows.flatMap((r) => r.seats.map((s) => s.id));
    ed.run(actionSelect, [sectionId]);
    ed.run(actionScaleSelection, {
      anchor: { x: 100, y: 100 },
      sx: 2,
      sy: 2,
      captureUpdate: 'IMMEDIATELY',
    });
    const s = sectionOf(ed);
    expect(s?.transform).toEqual(before?.transform);
    expect(s?.outline[2]).toEqual({ x: 800, y: 800 });
    const [straight, arc] = s?.rows ?? [];
    expect(straight?.generator).toMatchObject({
      kind: 'straight',
      start: { x: 100, y: 100 },
      spacing: 60,
    });
    expect(arc?.generator).toMatchObject({ kind: 'arc', radius: 400, spacing: 60, midAngle: 90 });
    expect(s?.rows.flatMap((r) => r.seats.map((x) => x.id))).toEqual(ids);
    const table = s?.tables[0];
    expect(table && [table.width, table.height]).toEqual([
      (before?.tables[0]?.width ?? 0) * 2,
      (before?.tables[0]?.height ?? 0) * 2,
    ]);
    ed.undo();
    expect(sectionOf(ed)).toEqual(before);
  });

  it('scales a single row in its section and shapes and texts in the world', () => {
    const { ed } = plan();
    const rowId = sectionOf(ed)?.rows[0]?.id as string;
    ed.run(actionAddShape, { kind: 'rect', from: { x: 600, y: 600 }, to: { x: 700, y: 650 } });
    const shapeId = ed.document.shapes[0]?.id as string;
    ed.run(actionAddText, { at: { x: 600, y: 700 }, text: 'Stage' });
    const textId = ed.document.texts[0]?.id as string;
    const fontSize = ed.document.texts[0]?.fontSize ?? 0;
    ed.run(actionSelect, [rowId, shapeId, textId]);
    ed.run(actionScaleSelection, {
      anchor: { x: 600, y: 600 },
      sx: 2,
      sy: 1,
      captureUpdate: 'IMMEDIATELY',
    });
    expect(sectionOf(ed)?.rows[0]?.generator).toMatchObject({
      start: { x: -400, y: 50 },
      spacing: 60,
    });
    expect(ed.document.shapes[0]?.points).toEqual([
      { x: 600, y: 600 },
      { x: 800, y: 650 },
    ]);
    expect(ed.document.texts[0]).toMatchObject({ x: 600, y: 700 });
    expect(ed.document.texts[0]?.fontSize).toBeCloseTo(fontSize * Math.SQRT2, 1);
  });

  it('refuses bad factors and anchors, changing nothing', () => {
    const { ed, sectionId } = plan();
    ed.run(actionSelect, [sectionId]);
    const doc = ed.document;
    for (const bad of [
      { anchor: ORIGIN, sx: 0, sy: 1 },
      { anchor: ORIGIN, sx: -2, sy: 1 },
      { anchor: ORIGIN, sx: Number.NaN, sy: 1 },
      { anchor: { x: Infinity, y: 0 }, sx: 2, sy: 2 },
    ]) {
      expect(ed.run(actionScaleSelection, { ...bad, captureUpdate: 'IMMEDIATELY' })).toBe(false);
    }
    expect(ed.document).toBe(doc);
  });
});

describe('rotateSelectionAbout', () => {
  it('turns a section about a point: origin moves, rotation adds up', () => {
    const { ed, sectionId } = plan();
    ed.run(actionSelect, [sectionId]);
    ed.run(actionRotateSelectionAbout, {
      centre: { x: 300, y: 300 },
      degrees: 90,
      captureUpdate: 'IMMEDIATELY',
    });
    expect(sectionOf(ed)?.transform).toEqual({ x: 500, y: 100, rotation: 90 });
    ed.run(actionRotateSelectionAbout, {
      centre: { x: 300, y: 300 },
      degrees: 180,
      captureUpdate: 'IMMEDIATELY',
    });
    expect(sectionOf(ed)?.transform.rotation).toBe(-90);
    ed.undo();
    ed.undo();
    expect(sectionOf(ed)?.transform).toEqual({ x: 100, y: 100, rotation: 0 });
  });

  it('turns rows by their generator, a rectangle into a polygon, texts with their angle', () => {
    const { ed } = plan();
    const row = sectionOf(ed)?.rows[0];
    ed.run(actionAddShape, { kind: 'rect', from: { x: 600, y: 600 }, to: { x: 700, y: 700 } });
    ed.run(actionAddText, { at: { x: 650, y: 750 }, text: 'Bar' });
    ed.run(actionSelect, [
      row?.id as string,
      ed.document.shapes[0]?.id as string,
      ed.document.texts[0]?.id as string,
    ]);
    ed.run(actionRotateSelectionAbout, {
      centre: { x: 650, y: 650 },
      degrees: 45,
      captureUpdate: 'IMMEDIATELY',
    });
    expect(sectionOf(ed)?.rows[0]?.generator).toMatchObject({
      kind: 'straight',
      angle: 45,
      count: 4,
    });
    expect(ed.document.shapes[0]?.kind).toBe('polygon');
    expect(ed.document.shapes[0]?.points).toHaveLength(4);
    expect(ed.document.texts[0]?.rotation).toBe(45);
    expect(
      ed.run(actionRotateSelectionAbout, {
        centre: ORIGIN,
        degrees: Number.NaN,
        captureUpdate: 'IMMEDIATELY',
      }),
    ).toBe(false);
  });
});

describe('vertex actions', () => {
  const square = (ed: TestEditor) => ed.document.sections[0]?.outline as readonly Point[];

  it('move, insert and delete vertices in world coordinates, each one undo step', () => {
    const { ed, sectionId } = plan();
    expect(ed.run(actionEditPoints, sectionId)).toBe(true);
    expect(ed.appState.editingPoints).toBe(sectionId);
    ed.run(actionMoveVertex, {
      id: sectionId,
      index: 2,
      point: { x: 550, y: 520 },
      captureUpdate: 'IMMEDIATELY',
    });
    expect(square(ed)[2]).toEqual({ x: 450, y: 420 });
    ed.run(actionInsertVertex, {
      id: sectionId,
      index: 1,
      point: { x: 300, y: 50 },
      captureUpdate: 'IMMEDIATELY',
    });
    expect(square(ed)).toHaveLength(5);
    expect(square(ed)[1]).toEqual({ x: 200, y: -50 });
    ed.run(actionDeleteVertex, { id: sectionId, index: 0 });
    expect(square(ed)[0]).toEqual({ x: 200, y: -50 });
    ed.undo();
    ed.undo();
    ed.undo();
    expect(square(ed)).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: 0 },
      { x: 400, y: 400 },
      { x: 0, y: 400 },
    ]);
  });

  it('turns a rectangle shape into a polygon when one of its corners moves; not an ellipse', () => {
    const { ed } = plan();
    ed.run(actionAddShape, { kind: 'rect', from: { x: 600, y: 600 }, to: { x: 700, y: 650 } });
    ed.run(actionAddShape, { kind: 'ellipse', from: { x: 800, y: 600 }, to: { x: 900, y: 650 } });
    const [rect, ellipse] = ed.document.shapes;
    expect(ed.run(actionEditPoints, ellipse?.id as string)).toBe(false);
    expect(ed.run(actionEditPoints, rect?.id as string)).toBe(true);
    const id = rect?.id as string;
    ed.run(actionMoveVertex, {
      id,
      index: 2,
      point: { x: 720, y: 680 },
      captureUpdate: 'IMMEDIATELY',
    });
    expect(ed.document.shapes[0]).toMatchObject({
      kind: 'polygon',
      points: [
        { x: 600, y: 600 },
        { x: 700, y: 600 },
        { x: 720, y: 680 },
        { x: 600, y: 650 },
      ],
    });
    ed.undo();
    expect(ed.document.shapes[0]).toMatchObject({ kind: 'rect', points: rect?.points });
  });

  it('refuses unknown records, bad indexes and going below three points', () => {
    const { ed, sectionId } = plan();
    const rowId = sectionOf(ed)?.rows[0]?.id as string;
    const doc = ed.document;
    const p = { x: 1, y: 1 };
    expect(ed.run(actionEditPoints, rowId)).toBe(false);
    expect(
      ed.run(actionMoveVertex, { id: 'nope', index: 0, point: p, captureUpdate: 'IMMEDIATELY' }),
    ).toBe(false);
    expect(
      ed.run(actionMoveVertex, { id: sectionId, index: 9, point: p, captureUpdate: 'IMMEDIATELY' }),
    ).toBe(false);
    expect(
      ed.run(actionMoveVertex, {
        id: sectionId,
        index: 0,
        point: { x: Number.NaN, y: 0 },
        captureUpdate: 'IMMEDIATELY',
      }),
    ).toBe(false);
    expect(
      ed.run(actionInsertVertex, {
        id: sectionId,
        index: 0,
        point: p,
        captureUpdate: 'IMMEDIATELY',
      }),
    ).toBe(false);
    expect(ed.run(actionDeleteVertex, { id: sectionId, index: -1 })).toBe(false);
    expect(ed.document).toBe(doc);
    ed.run(actionDeleteVertex, { id: sectionId, index: 0 });
    expect(ed.run(actionDeleteVertex, { id: sectionId, index: 0 })).toBe(false);
    expect(square(ed)).toHaveLength(3);
  });
});

describe('companion seats', () => {
  it('flags and unflags the seats of a row as companion seats', () => {
    const { ed } = plan();
    const row = sectionOf(ed)?.rows[0];
    ed.run(actionSelect, [row?.id as string]);
    ed.run(actionSetSeatFlags, { flag: 'companion', value: true });
    expect(sectionOf(ed)?.rows[0]?.seats.every((s) => s.companion === true)).toBe(true);
    ed.run(actionSetSeatFlags, { flag: 'companion', value: false });
    expect(sectionOf(ed)?.rows[0]?.seats.some((s) => 'companion' in s)).toBe(false);
    ed.undo();
    expect(sectionOf(ed)?.rows[0]?.seats[0]?.companion).toBe(true);
  });
});
