import { describe, expect, it } from 'vitest';
import { countStatus, decodeGaStates, decodeSeatChanges, mergeEntries } from './change-log.ts';

describe('change log encoding', () => {
  it('decodes the compact seat and GA encodings of the Redis log', () => {
    expect(decodeSeatChanges('4,1;17,0')).toEqual([
      { seat: 4, status: 1 },
      { seat: 17, status: 0 },
    ]);
    expect(decodeSeatChanges('')).toEqual([]);
    expect(decodeGaStates('floor,100,3,20;pit,5,0,5')).toEqual([
      { areaId: 'floor', capacity: 100, held: 3, booked: 20 },
      { areaId: 'pit', capacity: 5, held: 0, booked: 5 },
    ]);
  });

  it('merges entries: the last status of each seat and state of each area win', () => {
    const merged = mergeEntries([
      {
        seq: 1,
        seats: [
          { seat: 1, status: 1 },
          { seat: 2, status: 1 },
        ],
        ga: [{ areaId: 'a', capacity: 9, held: 1, booked: 0 }],
      },
      {
        seq: 2,
        seats: [{ seat: 1, status: 2 }],
        ga: [{ areaId: 'a', capacity: 9, held: 0, booked: 1 }],
      },
    ]);
    expect(merged).toEqual({
      seats: [
        { seat: 2, status: 1 },
        { seat: 1, status: 2 },
      ],
      ga: [{ areaId: 'a', capacity: 9, held: 0, booked: 1 }],
    });
  });

  it('counts statuses', () => {
    expect(countStatus(Uint8Array.from([0, 1, 1, 2, 3, 0]))).toEqual({
      free: 2,
      held: 2,
      booked: 1,
      blocked: 1,
    });
  });
});
