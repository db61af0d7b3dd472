import { describe, expect, it } from 'vitest';
import { plan, runCheck, seat, section } from '../plan.test-helpers.ts';
import { tableSeatCount } from './table-seat-count.ts';

const table = (seatCount: number, seats: number) => ({
  type: 'table',
  id: 't1',
  label: 'Table 1',
  shape: 'round',
  transform: { x: 100, y: 100 },
  width: 60,
  height: 60,
  seatCount,
  seats: Array.from({ length: seats }, (_, i) =>
    seat(`t1-${i}`, String(i + 1), 40 * Math.cos(i), 40 * Math.sin(i)),
  ),
});

describe('tableSeatCount', () => {
  it('passes a table whose seatCount matches its seats', () => {
    expect(
      runCheck(tableSeatCount, plan([section('s', 'Terrace', { tables: [table(4, 4)] })])),
    ).toEqual([]);
  });

  it('warns when seats were added or removed by hand', () => {
    expect(runCheck(tableSeatCount, plan([section('s', 'Terrace', { tables: [table(6, 4)] })])))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "TABLE_SEAT_COUNT",
          "elementIds": [
            "t1",
          ],
          "message": "Table 'Table 1' of section 'Terrace' has seatCount 6 but 4 seats.",
          "path": [
            "sections",
            0,
            "tables",
            0,
            "seatCount",
          ],
          "severity": "warning",
        },
      ]
    `);
  });
});
