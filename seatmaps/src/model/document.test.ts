import { describe, expect, expectTypeOf, it } from 'vitest';
import { SeatmapDocument } from './document.ts';
import type { Seat } from './elements.ts';
import { Element } from './elements.ts';
import type { CategoryKey, SeatId } from './ids.ts';
import { smallPlan } from './fixtures.test-helpers.ts';

describe('SeatmapDocument schema', () => {
  it('parses a valid plan and fills defaults', () => {
    const doc = SeatmapDocument.parse(smallPlan());
    const section = doc.sections[0];
    expect(section?.rows[0]?.numbering).toEqual({
      start: 1,
      direction: 'ltr',
      pattern: 'consecutive',
      prefix: '',
    });
    expect(section?.transform.rotation).toBe(90);
    expect(doc.shapes).toEqual([]);
  });

  it('names every problem with its path', () => {
    const bad = smallPlan() as unknown as { sections: { rows: { seats: unknown[] }[] }[] };
    bad.sections[0]!.rows[0]!.seats[0] = { type: 'seat', id: '', label: '1', x: NaN, y: 0 };
    const result = SeatmapDocument.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
      .toMatchInlineSnapshot(`
        [
          {
            "message": "must not be empty",
            "path": "sections.0.rows.0.seats.0.id",
          },
          {
            "message": "Invalid input: expected number, received NaN",
            "path": "sections.0.rows.0.seats.0.x",
          },
        ]
      `);
  });

  it('rejects a bad colour and a missing level', () => {
    const input = { ...smallPlan(), levels: [] as never[] };
    (input.categories as unknown as { color: string }[])[0]!.color = 'red';
    const result = SeatmapDocument.safeParse(input);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
      .toMatchInlineSnapshot(`
      [
        "categories.0.color: must be a colour like #1a2b3c",
        "levels: Too small: expected array to have >=1 items",
      ]
    `);
  });

  it('discriminates elements by type', () => {
    const el = Element.parse({ type: 'seat', id: 's', label: '1', x: 1, y: 2 });
    expect(el.type).toBe('seat');
    expect(() => Element.parse({ type: 'sofa', id: 's' })).toThrow(/Invalid discriminator value/);
  });

  it('brands ids in the inferred types', () => {
    expectTypeOf<Seat['id']>().toEqualTypeOf<SeatId>();
    expectTypeOf<Seat['category']>().toEqualTypeOf<CategoryKey | undefined>();
    expectTypeOf<string>().not.toExtend<SeatId>();
    expectTypeOf<Seat>().toHaveProperty('type').toEqualTypeOf<'seat'>();
  });
});
