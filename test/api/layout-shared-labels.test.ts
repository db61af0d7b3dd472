// Two tables labelled "Table 3" in one section (the studio could make them; validation only
// warns): the event layout names their record (`container`, on those seats only), so the seat
// picker's stranded-seat check keeps them two rings instead of one ring of both tables' chairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDocument } from '../support/engine.ts';
import { startApi, type ApiHarness } from './harness.ts';
import { fetchLayout, publishEvent, strandedBy } from './picker-layout.ts';

let api: ApiHarness;
let eventId: string;

/** A round table of four chairs, numbered clockwise from 12 o'clock, at (x, 200). */
function table(id: string, x: number) {
  return {
    type: 'table' as const,
    id,
    label: 'Table 3',
    shape: 'round' as const,
    transform: { x, y: 200 },
    width: 60,
    height: 60,
    seatCount: 4,
    category: 'A',
    seats: Array.from({ length: 4 }, (_, i) => ({
      type: 'seat' as const,
      id: `${id}-${i + 1}`,
      label: String(i + 1),
      x: Math.round(45 * Math.sin((i * Math.PI) / 2)),
      y: Math.round(-45 * Math.cos((i * Math.PI) / 2)),
    })),
  };
}

/** The test hall (one row of four) plus two "Table 3"s 1,000 units apart. */
function hallWithTwinTables() {
  const doc = hallDocument(1, 4);
  const [stalls] = doc.sections;
  return {
    ...doc,
    size: { width: 1400, height: 500 },
    sections: [{ ...stalls!, tables: [table('ta', 200), table('tb', 1200)] }],
  };
}

beforeAll(async () => {
  api = await startApi();
  eventId = await publishEvent(api, hallWithTwinTables(), 'Twin tables');
});

afterAll(async () => {
  await api?.close();
});

describe('GET /events/:id/layout with two tables of one label', () => {
  it('names the record of the twin tables’ seats only', async () => {
    const { seats } = await fetchLayout(api, eventId);
    expect(seats.map((s) => [s.id, s.container])).toEqual([
      ...['R1-1', 'R1-2', 'R1-3', 'R1-4'].map((id) => [id, undefined]),
      ...['ta-1', 'ta-2', 'ta-3', 'ta-4'].map((id) => [id, 1]),
      ...['tb-1', 'tb-2', 'tb-3', 'tb-4'].map((id) => [id, 2]),
    ]);
    expect(seats.slice(0, 4).every((s) => !('container' in s))).toBe(true);
  });

  it('lets the picker see a chair stranded at each table, not a free pair across both', async () => {
    const picker = await fetchLayout(api, eventId);
    const sold = [4, 9, 10]; // first table chair 1; second table chairs 2 and 3
    const selected = [5, 6, 11]; // first table chairs 2–3, second table chair 4
    // First table: chair 4 alone between chair 3 and chair 1. Second: chair 1 between 4 and 2.
    expect(strandedBy(picker, selected, sold)).toEqual([7, 8]);
  });
});
