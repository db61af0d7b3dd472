import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../store/seat-store.ts';
import { applyBatch } from './shared-reads.ts';

describe('applyBatch', () => {
  const base: Snapshot = {
    eventId: 'e1',
    epoch: 2,
    seq: 10,
    status: Uint8Array.from([0, 1, 2, 3, 0]),
    counts: { free: 2, held: 1, booked: 1, blocked: 1 },
    ga: [
      { areaId: 'a', capacity: 10, held: 0, booked: 0 },
      { areaId: 'b', capacity: 5, held: 1, booked: 0 },
    ],
  };

  it('moves counts with each seat, replaces changed GA areas and takes the batch seq', () => {
    const next = applyBatch(base, {
      eventId: 'e1',
      epoch: 2,
      fromSeq: 10,
      seq: 13,
      seats: [
        { seat: 0, status: 1 },
        { seat: 1, status: 0 },
        { seat: 4, status: 2 },
      ],
      ga: [{ areaId: 'b', capacity: 5, held: 3, booked: 1 }],
    });
    expect([...next.status]).toEqual([1, 0, 2, 3, 2]);
    expect(next.counts).toEqual({ free: 1, held: 1, booked: 2, blocked: 1 });
    expect(next.ga).toEqual([
      { areaId: 'a', capacity: 10, held: 0, booked: 0 },
      { areaId: 'b', capacity: 5, held: 3, booked: 1 },
    ]);
    expect(next).toMatchObject({ eventId: 'e1', epoch: 2, seq: 13 });
    // The shared base is never modified.
    expect([...base.status]).toEqual([0, 1, 2, 3, 0]);
    expect(base.counts.free).toBe(2);
  });
});
