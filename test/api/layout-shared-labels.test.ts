// Two tables labelled "Table 3" in one section (the studio could make them; validation only
// warns): the event layout names their record (`container`, on those seats only), so the seat
// picker's stranded-seat check keeps them two rings instead of one ring of both tables' chairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrphanCheck } from '../../client-sdk/src/picker/orphans.ts';
import type { PickerLayout } from '../../client-sdk/src/picker/types.ts';
import { EventLayout } from '../../engine/src/events/api-schemas.ts';
import { createEvent } from '../../engine/src/events/repo.ts';
import { publishSeatmap } from '../../engine/src/maps/publish.ts';
import { createSeatmap } from '../../engine/src/maps/repo.ts';
import { hallDocument } from '../support/engine.ts';
import { startApi, type ApiHarness } from './harness.ts';

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
  const { db } = api.engine.ctx;
  const orgId = api.seeded.orgId;
  const map = await createSeatmap(db, { orgId, name: 'Banquet', draft: hallWithTwinTables() });
  await publishSeatmap(db, orgId, map.id);
  const event = await createEvent(db, {
    orgId,
    name: 'Twin tables',
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
    holdTtlSeconds: 600,
    prices: [{ category: 'A', amount: 9000, currency: 'EUR' }],
  });
  eventId = event.id;
});

afterAll(async () => {
  await api?.close();
});

describe('GET /events/:id/layout with two tables of one label', () => {
  const layout = async () => {
    const res = await api.call('GET', `/api/v1/events/${eventId}/layout`, {
      key: api.seeded.publicKey,
    });
    expect(res.status).toBe(200);
    expect(EventLayout.safeParse(res.body).success).toBe(true);
    return res.body as PickerLayout;
  };

  it('names the record of the twin tables’ seats only', async () => {
    const { seats } = await layout();
    expect(seats.map((s) => [s.id, s.container])).toEqual([
      ...['R1-1', 'R1-2', 'R1-3', 'R1-4'].map((id) => [id, undefined]),
      ...['ta-1', 'ta-2', 'ta-3', 'ta-4'].map((id) => [id, 1]),
      ...['tb-1', 'tb-2', 'tb-3', 'tb-4'].map((id) => [id, 2]),
    ]);
    expect(seats.slice(0, 4).every((s) => !('container' in s))).toBe(true);
  });

  it('lets the picker see a chair stranded at each table, not a free pair across both', async () => {
    const picker = await layout();
    const status = new Uint8Array(picker.seats.length);
    status[4] = 2; // first table, chair 1 sold
    status[9] = 2; // second table, chair 2 sold
    status[10] = 2; // second table, chair 3 sold
    const selected = [5, 6, 11]; // first table chairs 2–3, second table chair 4
    for (const i of selected) status[i] = 1;
    // First table: chair 4 alone between chair 3 and chair 1. Second: chair 1 between 4 and 2.
    expect(new OrphanCheck(picker).created(status, selected)).toEqual([7, 8]);
  });
});
