// The event layout carries which seats sit at a table (`atTable`, on those seats only), so the
// seat picker's stranded-seat warning treats a table as a ring, as best-available does.
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

/** The test hall (one row of four) plus a round table of six chairs, numbered clockwise. */
function hallWithTable() {
  const doc = hallDocument(1, 4);
  const [stalls] = doc.sections;
  const chairs = Array.from({ length: 6 }, (_, i) => ({
    type: 'seat' as const,
    id: `T1-${i + 1}`,
    label: String(i + 1),
    x: Math.round(60 * Math.sin((i * Math.PI) / 3)),
    y: Math.round(-60 * Math.cos((i * Math.PI) / 3)),
  }));
  return {
    ...doc,
    size: { width: 600, height: 500 },
    sections: [
      {
        ...stalls!,
        tables: [
          {
            type: 'table' as const,
            id: 't1',
            label: 'Table 1',
            shape: 'round' as const,
            transform: { x: 300, y: 200 },
            width: 80,
            height: 80,
            seatCount: 6,
            category: 'A',
            seats: chairs,
          },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  api = await startApi();
  const { db } = api.engine.ctx;
  const orgId = api.seeded.orgId;
  const map = await createSeatmap(db, { orgId, name: 'Banquet', draft: hallWithTable() });
  await publishSeatmap(db, orgId, map.id);
  const event = await createEvent(db, {
    orgId,
    name: 'Gala dinner',
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

describe('GET /events/:id/layout at tables', () => {
  it('marks table seats atTable and leaves the key off row seats', async () => {
    const res = await api.call('GET', `/api/v1/events/${eventId}/layout`, {
      key: api.seeded.publicKey,
    });
    expect(res.status).toBe(200);
    expect(EventLayout.safeParse(res.body).success).toBe(true);
    const seats = res.body.seats as { id: string; row: string; atTable?: true }[];
    expect(seats.map((s) => [s.id, s.atTable])).toEqual([
      ['R1-1', undefined],
      ['R1-2', undefined],
      ['R1-3', undefined],
      ['R1-4', undefined],
      ...Array.from({ length: 6 }, (_, i) => [`T1-${i + 1}`, true]),
    ]);
    // Compact: row seats carry no atTable key at all, not even false.
    expect(seats.slice(0, 4).every((s) => !('atTable' in s))).toBe(true);
  });

  it('lets the picker treat the table as a ring: taking chairs 2–5 strands nobody', async () => {
    const res = await api.call('GET', `/api/v1/events/${eventId}/layout`, {
      key: api.seeded.publicKey,
    });
    const layout = res.body as PickerLayout;
    const status = new Uint8Array(layout.seats.length);
    const selected = [5, 6, 7, 8]; // chairs 2–5; chairs 1 and 6 stay free, side by side
    for (const i of selected) status[i] = 1;
    expect(new OrphanCheck(layout).created(status, selected)).toEqual([]);
  });
});
