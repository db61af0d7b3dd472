import { unpackStatus } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import { eventRoom, toSeatsMessage, toSnapshotPayload } from './wire.ts';

describe('wire mapping', () => {
  it('packs a snapshot', () => {
    const payload = toSnapshotPayload({
      eventId: 'e1',
      epoch: 2,
      seq: 7,
      status: new Uint8Array([0, 1, 2, 3]),
      ga: [{ areaId: 'floor', capacity: 10, held: 1, booked: 2 }],
      counts: { free: 1, held: 1, booked: 1, blocked: 1 },
    });
    expect(payload).toMatchObject({ eventId: 'e1', epoch: 2, seq: 7, status: 'AAECAw==' });
    expect(unpackStatus(payload.status)).toEqual(new Uint8Array([0, 1, 2, 3]));
  });

  it('turns change batches into compact pairs', () => {
    const msg = toSeatsMessage({
      eventId: 'e1',
      epoch: 1,
      fromSeq: 3,
      seq: 5,
      seats: [
        { seat: 4, status: 1 },
        { seat: 9, status: 0 },
      ],
      ga: [],
    });
    expect(msg).toEqual({
      eventId: 'e1',
      epoch: 1,
      fromSeq: 3,
      seq: 5,
      changes: [
        [4, 1],
        [9, 0],
      ],
      ga: [],
    });
    expect(eventRoom('e1')).toBe('ev:e1');
  });
});
