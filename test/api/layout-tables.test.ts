// The event layout carries which seats sit at a table (`atTable`, on those seats only), so the
// seat picker's stranded-seat warning treats a table as a ring, as best-available does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDocument } from '../support/engine.ts';
import { startApi, type ApiHarness } from './harness.ts';
import { fetchLayout, publishEvent, strandedBy } from './picker-layout.ts';

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
  eventId = await publishEvent(api, hallWithTable(), 'Gala dinner');
});

afterAll(async () => {
  await api?.close();
});

describe('GET /events/:id/layout at tables', () => {
  it('marks table seats atTable and leaves the key off row seats', async () => {
    const { seats } = await fetchLayout(api, eventId);
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
    const layout = await fetchLayout(api, eventId);
    const selected = [5, 6, 7, 8]; // chairs 2–5; chairs 1 and 6 stay free, side by side
    expect(strandedBy(layout, selected)).toEqual([]);
  });
});
