import { describe, expect, it } from 'vitest';
import { TestEditor } from '../test-editor.ts';
import {
  actionAddBlock,
  actionAddGaArea,
  actionAddRow,
  actionAddSection,
  actionAddStage,
  actionAddTable,
  actionAddText,
} from './index.ts';

const square = [
  { x: 100, y: 100 },
  { x: 500, y: 100 },
  { x: 500, y: 400 },
  { x: 100, y: 400 },
];

describe('adding records', () => {
  it('adds a section from a polygon, in local coordinates from its first vertex', () => {
    const ed = new TestEditor();
    expect(ed.run(actionAddSection, square)).toBe(true);
    const s = ed.document.sections[0];
    expect(s?.transform).toEqual({ x: 100, y: 100, rotation: 0 });
    expect(s?.outline[2]).toEqual({ x: 400, y: 300 });
    expect(ed.appState.selectedIds).toEqual([s?.id]);
    expect(ed.run(actionAddSection, square.slice(0, 2))).toBe(false);
  });

  it('puts a row drawn inside a section into it, in that section`s coordinates', () => {
    const ed = new TestEditor();
    ed.run(actionAddSection, square);
    ed.run(actionAddRow, { kind: 'straight', start: { x: 150, y: 200 }, count: 5, spacing: 25 });
    const rows = ed.document.sections[0]?.rows;
    expect(rows?.map((r) => r.label)).toEqual(['A']);
    expect(rows?.[0]?.seats[0]).toMatchObject({ x: 50, y: 100, label: '1' });
    ed.run(actionAddRow, { kind: 'straight', start: { x: 150, y: 240 }, count: 5, spacing: 25 });
    expect(ed.document.sections[0]?.rows.map((r) => r.label)).toEqual(['A', 'B']);
  });

  it('starts a new section for a row drawn on empty canvas', () => {
    const ed = new TestEditor();
    ed.run(actionAddRow, {
      kind: 'arc',
      center: { x: 1000, y: 100 },
      radius: 400,
      count: 12,
      spacing: 25,
      midAngle: 90,
    });
    expect(ed.document.sections).toHaveLength(1);
    expect(ed.document.sections[0]?.transform).toMatchObject({ x: 1000, y: 500 });
    expect(ed.seatCount).toBe(12);
  });

  it('refuses an arc that does not fit on its circle', () => {
    const ed = new TestEditor();
    const tooMany = { kind: 'arc', center: { x: 0, y: 0 }, radius: 10, count: 100, spacing: 25 };
    expect(ed.run(actionAddRow, tooMany as never)).toBe(false);
    expect(ed.document.sections).toHaveLength(0);
  });

  it('adds a block of rows and keeps its parameters', () => {
    const ed = new TestEditor();
    const block = {
      kind: 'rect',
      rows: 4,
      seatsPerRow: 10,
      seatSpacing: 25,
      rowSpacing: 40,
    } as const;
    expect(ed.run(actionAddBlock, { origin: { x: 500, y: 300 }, block })).toBe(true);
    expect(ed.seatCount).toBe(40);
    expect(ed.document.sections[0]?.block?.rows).toBe(4);
    expect(ed.run(actionAddBlock, { origin: { x: 0, y: 0 }, block: { ...block, rows: 0 } })).toBe(
      false,
    );
  });

  it('adds round and rectangular tables with chairs', () => {
    const ed = new TestEditor();
    ed.run(actionAddTable, { shape: 'round', center: { x: 300, y: 300 } });
    ed.run(actionAddTable, { shape: 'rect', center: { x: 320, y: 320 }, seatCount: 4 });
    const tables = ed.document.sections.flatMap((s) => s.tables);
    expect(tables.map((t) => t.seats.length)).toEqual([8, 4]);
    expect(ed.document.sections).toHaveLength(1);
    expect(ed.run(actionAddTable, { shape: 'round', center: { x: 0, y: 0 }, seatCount: 99 })).toBe(
      false,
    );
  });

  it('adds a standing area with a capacity from its floor area', () => {
    const ed = new TestEditor();
    expect(ed.run(actionAddGaArea, square)).toBe(true);
    const ga = ed.document.sections[0]?.gaAreas[0];
    // 400 × 300 units = 8 × 6 m = 48 m², two people per m².
    expect(ga?.capacity).toBe(96);
    expect(ed.run(actionAddGaArea, [square[0], square[0], square[0]] as never)).toBe(false);
  });

  it('adds texts and the stage, which moves the focal point', () => {
    const ed = new TestEditor();
    ed.run(actionAddText, { at: { x: 10, y: 20 }, text: 'Exit' });
    expect(ed.document.texts[0]).toMatchObject({ text: 'Exit', x: 10, y: 20 });
    expect(ed.run(actionAddText, { at: { x: 0, y: 0 }, text: '  ' })).toBe(false);
    ed.run(actionAddStage, { from: { x: 800, y: 0 }, to: { x: 1200, y: 100 } });
    expect(ed.document.shapes[0]?.role).toBe('stage');
    expect(ed.document.focalPoint).toEqual({ x: 1000, y: 50 });
    expect(ed.run(actionAddStage, { from: { x: 0, y: 0 }, to: { x: 0, y: 50 } })).toBe(false);
  });
});
