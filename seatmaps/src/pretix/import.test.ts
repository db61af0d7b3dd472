import { describe, expect, it } from 'vitest';
import { buildLayout } from '../model/layout.ts';
import { PretixImportError } from './errors.ts';
import { pretixFixture } from './fixtures.test-helpers.ts';
import { importPretix } from './import.ts';

describe('importPretix', () => {
  const { document, warnings } = importPretix(pretixFixture('small-hall'));
  const layout = buildLayout(document);

  it('maps zones to sections placed at the zone position', () => {
    expect(document.name).toBe('Kleiner Saal');
    expect(document.sections.map((s) => [s.id, s.label, s.transform])).toEqual([
      ['5b0f5d8e-7c1a-4d8e-9f2e-0a1b2c3d4e01', 'Parkett', { x: 100.5, y: 210.25, rotation: 0 }],
      ['rang-links', 'Rang links', { x: 20, y: 400.8, rotation: 0 }],
      ['zone-3', 'Loge', { x: 420.75, y: 390, rotation: 0 }],
    ]);
    expect(document.size).toEqual({ width: 640, height: 520 });
  });

  it('places seats at zone + row + seat position and keeps guid, number, row and category', () => {
    expect(layout.seats).toHaveLength(11);
    const seat = layout.seats.find((s) => s.id === 'parkett-1-3');
    expect(seat).toMatchObject({ label: '3', row: '1', section: 'Parkett', category: 'Parkett' });
    expect(seat!.x).toBeCloseTo(100.5 + 12.5 + 60.6, 9);
    expect(seat!.y).toBeCloseTo(210.25 + 0 + 1.5, 9);
    const rang = layout.seats.find((s) => s.id === 'rang-a-2')!;
    expect(rang.x).toBeCloseTo(20 + 0.4 + 28.9, 9);
    expect(rang.y).toBeCloseTo(400.8 + 0.6 - 2.2, 9);
    expect(rang.category).toBe('Rang');
    expect(layout.seats.find((s) => s.id === 'parkett-2-4')!.category).toBeNull();
    expect(document.sections[0]!.rows[0]!.generator).toEqual({ kind: 'manual' });
  });

  it('keys categories by their pretix name with colours normalised to #rrggbb', () => {
    expect(document.categories).toEqual([
      { key: 'Parkett', label: 'Parkett', color: '#c0392b' },
      { key: 'Rang', label: 'Rang', color: '#4682b4' },
    ]);
  });

  it('turns areas into world-space shapes and texts and finds the stage', () => {
    expect(document.shapes.map((s) => [s.kind, s.points, s.fill, s.stroke, s.role])).toEqual([
      [
        'rect',
        [
          { x: 80.5, y: 29.75 },
          { x: 260.5, y: 89.75 },
        ],
        '#f0f0f0',
        '#333333',
        'stage',
      ],
      [
        'ellipse',
        [
          { x: 130, y: 395.3 },
          { x: 210, y: 446.3 },
        ],
        '#ffe6c8',
        undefined,
        'decoration',
      ],
    ]);
    expect(document.texts.map((t) => [t.text, t.x, t.y, t.fontSize, t.color])).toEqual([
      ['Bühne', 170.5, 59.75, 18, '#000000'],
      ['Rang links', 20, 375.8, 16, '#222222'],
    ]);
    expect(document.focalPoint).toEqual({ x: 170.5, y: 59.75 });
    expect(warnings).toEqual([]);
  });

  it('fails on duplicate seat_guids, naming each duplicate, where it is and how to fix it', () => {
    const run = () => importPretix(pretixFixture('duplicate-guids'));
    expect(run).toThrow(PretixImportError);
    let error: PretixImportError | undefined;
    try {
      run();
    } catch (e) {
      error = e as PretixImportError;
    }
    expect(error!.message).toContain(
      '"1-1" is used by 3 seats: zones[0].rows[0].seats[0] (zone "Saal", row "1", seat "1"), zones[0].rows[1].seats[0]',
    );
    expect(error!.message).toContain('"1-2" is used by 2 seats');
    expect(error!.message).toContain('--rekey-duplicates');
    expect(error!.issues).toEqual([
      {
        path: 'zones[0].rows[1].seats[0].seat_guid',
        message: 'duplicate seat_guid "1-1" (first used at zones[0].rows[0].seats[0])',
      },
      {
        path: 'zones[0].rows[2].seats[0].seat_guid',
        message: 'duplicate seat_guid "1-1" (first used at zones[0].rows[0].seats[0])',
      },
      {
        path: 'zones[0].rows[1].seats[1].seat_guid',
        message: 'duplicate seat_guid "1-2" (first used at zones[0].rows[0].seats[1])',
      },
    ]);
  });

  it('with rekeyDuplicates keeps every seat under a new unique id and reports each', () => {
    const result = importPretix(pretixFixture('duplicate-guids'), { rekeyDuplicates: true });
    const ids = buildLayout(result.document).seats.map((s) => s.id);
    expect(ids).toEqual(['1-1', '1-2', '1-1~3', '1-2~2', '2-3', '1-1~4', '1-1~2']);
    expect(result.warnings.filter((w) => w.code === 'DUPLICATE_SEAT_GUID_REKEYED')).toEqual([
      expect.objectContaining({
        path: 'zones[0].rows[1].seats[0].seat_guid',
        message: expect.stringContaining('"1-1~3"'),
      }),
      expect.objectContaining({
        path: 'zones[0].rows[1].seats[1].seat_guid',
        message: expect.stringContaining('"1-2~2"'),
      }),
      expect.objectContaining({
        path: 'zones[0].rows[2].seats[0].seat_guid',
        message: expect.stringContaining('"1-1~4"'),
      }),
    ]);
  });

  it('rejects JSON that is not a pretix plan with the path of the problem', () => {
    expect(() => importPretix({ name: 'x', categories: [], zones: [{ rows: [] }] })).toThrow(
      /not a pretix seating plan: 1 problem\(s\), first at zones\[0\]\.position/,
    );
    expect(() => importPretix([])).toThrow(PretixImportError);
  });

  it('rejects empty seat_guids instead of inventing ids', () => {
    const plan = {
      name: 'x',
      categories: [],
      zones: [
        {
          position: { x: 0, y: 0 },
          rows: [
            {
              row_number: '1',
              seats: [{ seat_guid: '', seat_number: '1', position: { x: 0, y: 0 }, category: '' }],
            },
          ],
        },
      ],
    };
    expect(() => importPretix(plan)).toThrow(/zones\[0\]\.rows\[0\]\.seats\[0\]\.seat_guid/);
  });

  it('reports what it had to make up: missing size, stage, unknown categories, bad colours', () => {
    const plan = {
      name: '',
      categories: [{ name: 'A', color: 'hsl(1,2%,3%)' }, { name: 'A' }],
      zones: [
        {
          position: { x: 10, y: 10 },
          rows: [
            {
              row_number: 1,
              seats: [
                { seat_guid: 'a', seat_number: 7, position: { x: 5, y: 5 }, category: 'Ghost' },
              ],
            },
          ],
          areas: [
            {
              shape: 'ellipse',
              position: { x: 0, y: 0 },
              rotation: 30,
              ellipse: { radius: { x: 10, y: 5 } },
            },
            { position: { x: 0, y: 0 } },
          ],
        },
      ],
    };
    const result = importPretix(plan);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['INVALID_COLOR', 'categories[0].color'],
      ['DUPLICATE_CATEGORY', 'categories[1]'],
      ['UNKNOWN_CATEGORY', 'zones[0].rows[0].seats[0].category'],
      ['AREA_APPROXIMATED', 'zones[0].areas[0]'],
      ['AREA_SKIPPED', 'zones[0].areas[1]'],
      ['MISSING_SIZE', 'size'],
      ['NO_STAGE', 'zones'],
    ]);
    expect(result.document.name).toBe('Imported pretix plan');
    // The content's far corner (the rotated ellipse reaches x ≈ 19.0, y ≈ 16.6; the seat 15, 15)
    // plus a margin of 50.
    expect(result.document.size.width).toBeCloseTo(69.012, 3);
    expect(result.document.size.height).toBeCloseTo(66.603, 3);
    expect(result.document.categories.map((c) => c.key)).toEqual(['A', 'Ghost']);
    expect(result.document.sections[0]!.rows[0]!.seats[0]).toMatchObject({
      label: '7',
      category: 'Ghost',
    });
    expect(result.document.shapes[0]!.kind).toBe('polygon');
  });
});
