import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { validateSeatmapJson } from './validate-json.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('validateSeatmapJson', () => {
  it('returns the parsed document and no problems for a good plan', () => {
    const { document, problems } = validateSeatmapJson(smallPlan());
    expect(problems).toEqual([]);
    expect(document?.sections[0]?.rows[0]?.seats).toHaveLength(2);
  });

  it('migrates an older document before validating it', () => {
    const v1: Json = structuredClone(smallPlan());
    delete v1.levels;
    v1.schemaVersion = 1;
    for (const s of v1.sections) delete s.level;
    const { document, problems } = validateSeatmapJson(v1);
    expect(problems).toEqual([]);
    expect(document?.sections[0]?.level).toBe('main');
  });

  it('maps schema issues to SCHEMA problems named by the labels on their path', () => {
    const bad: Json = structuredClone(smallPlan());
    bad.sections[0].rows[0].seats[1].x = 'left';
    bad.sections[0].tables[0].seatCount = 0;
    bad.categories[0].color = 'red';
    bad.name = '';
    const { document, problems } = validateSeatmapJson(bad);
    expect(document).toBeNull();
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "SCHEMA",
          "elementIds": [],
          "message": "Field 'name': Too small: expected string to have >=1 characters.",
          "path": [
            "name",
          ],
          "severity": "error",
        },
        {
          "code": "SCHEMA",
          "elementIds": [],
          "message": "Field 'categories.0.color': must be a colour like #1a2b3c.",
          "path": [
            "categories",
            0,
            "color",
          ],
          "severity": "error",
        },
        {
          "code": "SCHEMA",
          "elementIds": [
            "stalls-A-2",
          ],
          "message": "Seat '2' in row 'A' in section 'Stalls', field 'x': Invalid input: expected number, received string.",
          "path": [
            "sections",
            0,
            "rows",
            0,
            "seats",
            1,
            "x",
          ],
          "severity": "error",
        },
        {
          "code": "SCHEMA",
          "elementIds": [
            "t1",
          ],
          "message": "Table 'Table 1' in section 'Stalls', field 'seatCount': Too small: expected number to be >=1.",
          "path": [
            "sections",
            0,
            "tables",
            0,
            "seatCount",
          ],
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a document that cannot be migrated', () => {
    expect(validateSeatmapJson([]).problems).toMatchInlineSnapshot(`
      [
        {
          "code": "SCHEMA",
          "elementIds": [],
          "message": "A seat-map document must be a JSON object.",
          "path": [],
          "severity": "error",
        },
      ]
    `);
    expect(
      validateSeatmapJson({ ...smallPlan(), schemaVersion: 99 }).problems.map((p) => p.path),
    ).toEqual([['schemaVersion']]);
  });

  it('runs the semantic checks once the schema passes', () => {
    const plan: Json = structuredClone(smallPlan());
    plan.sections[0].rows[1].seats[0].id = 'stalls-A-1';
    expect(validateSeatmapJson(plan).problems.map((p) => p.code)).toEqual(['DUPLICATE_SEAT_ID']);
  });
});

describe('validateSeatmapJson on the sample venues', () => {
  const dir = new URL('../../samples/', import.meta.url);
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s is valid', (file) => {
    const { document, problems } = validateSeatmapJson(
      JSON.parse(readFileSync(new URL(file, dir), 'utf8')),
    );
    expect(problems).toEqual([]);
    expect(
      document?.sections.some((s) => s.rows.length + s.tables.length + s.gaAreas.length > 0),
    ).toBe(true);
  });
});
