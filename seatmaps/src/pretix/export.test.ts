import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { exportPretix } from './export.ts';
import { importPretix } from './import.ts';
import { parterreSeats, pretixSeats, roundPositions } from './roundtrip.test-helpers.ts';
import { PretixPlan } from './schema.ts';

describe('exportPretix', () => {
  const doc = SeatmapDocument.parse(smallPlan());
  const { plan, warnings } = exportPretix(doc);

  it('writes a plan that the pretix schema accepts', () => {
    expect(PretixPlan.safeParse(plan).success).toBe(true);
    expect(plan.categories).toEqual([
      { name: 'A', color: '#d9480f' },
      { name: 'B', color: '#1971c2' },
    ]);
    expect(plan.size).toEqual({ width: 1000, height: 800 });
  });

  it('folds the rotated section into seat positions so world positions survive', () => {
    const zone = plan.zones[0]!;
    expect(zone).toMatchObject({ name: 'Stalls', uuid: 'stalls', position: { x: 400, y: 300 } });
    const world = roundPositions(pretixSeats(plan)).map((s) => [
      s.guid,
      s.x,
      s.y,
      s.category,
      s.row,
    ]);
    const expected = roundPositions(parterreSeats(doc)).map((s) => [
      s.id,
      s.x,
      s.y,
      s.category,
      s.row,
    ]);
    expect(world).toEqual(expected);
  });

  it('exports tables as rows and standing areas as drawings, and says so', () => {
    expect(plan.zones[0]!.rows.map((r) => r.row_number)).toEqual(['A', 'B', 'Table 1']);
    expect(plan.zones[0]!.areas!.map((a) => [a.shape, a.text?.text])).toEqual([
      ['ellipse', 'Table 1'],
      ['polygon', 'Standing (100)'],
    ]);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['CATEGORY_LABEL_DROPPED', 'categories[0].label'],
      ['CATEGORY_LABEL_DROPPED', 'categories[1].label'],
      ['SEAT_FLAGS_DROPPED', 'sections'],
      ['TABLE_AS_ROW', 'sections[0].tables[0]'],
      ['GA_AREA_AS_DRAWING', 'sections[0].gaAreas[0]'],
    ]);
    expect(warnings[4]!.message).toContain('capacity 100');
  });

  it('puts shapes and texts into the first zone relative to its position', () => {
    const withDrawings = SeatmapDocument.parse({
      ...smallPlan(),
      shapes: [
        {
          type: 'shape',
          id: 'stage',
          level: 'main',
          kind: 'rect',
          points: [
            { x: 300, y: 0 },
            { x: 700, y: 80 },
          ],
          fill: '#eeeeee',
          label: 'Stage',
          role: 'stage',
        },
        {
          type: 'shape',
          id: 'aisle',
          level: 'main',
          kind: 'line',
          points: [
            { x: 0, y: 500 },
            { x: 100, y: 500 },
          ],
        },
      ],
      texts: [{ type: 'text', id: 'exit', level: 'main', x: 10, y: 790, text: 'Exit' }],
    });
    const result = exportPretix(withDrawings);
    const areas = result.plan.zones[0]!.areas!;
    expect(areas.slice(2)).toEqual([
      {
        uuid: 'stage',
        shape: 'rectangle',
        position: { x: -100, y: -300 },
        rectangle: { width: 400, height: 80 },
        color: '#eeeeee',
        text: { text: 'Stage', position: { x: 200, y: 40 } },
      },
      {
        uuid: 'aisle',
        shape: 'polygon',
        position: { x: -400, y: 200 },
        polygon: {
          points: [
            { x: 0, y: 0 },
            { x: 100, y: 0 },
          ],
        },
      },
      {
        uuid: 'exit',
        shape: 'text',
        position: { x: -390, y: 490 },
        text: { text: 'Exit', color: '#222222', size: 16, position: { x: 0, y: 0 } },
      },
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('LINE_AS_POLYGON');
    const back = importPretix(result.plan).document;
    expect(back.shapes.find((s) => s.id === 'stage')).toMatchObject({
      kind: 'rect',
      points: [
        { x: 300, y: 0 },
        { x: 700, y: 80 },
      ],
      role: 'stage',
    });
    expect(back.texts.find((t) => t.id === 'exit')).toMatchObject({ x: 10, y: 790, text: 'Exit' });
  });

  it('expands compact block sections so no seat is left behind', () => {
    const block = SeatmapDocument.parse({
      ...smallPlan(),
      sections: [
        {
          type: 'section',
          id: 'stand',
          label: 'Stand',
          level: 'main',
          transform: { x: 100, y: 100 },
          category: 'A',
          block: { kind: 'rect', rows: 2, seatsPerRow: 3, seatSpacing: 30, rowSpacing: 40 },
        },
      ],
    });
    const seats = pretixSeats(exportPretix(block).plan);
    expect(seats).toHaveLength(6);
    expect(new Set(seats.map((s) => s.category))).toEqual(new Set(['A']));
  });
});
