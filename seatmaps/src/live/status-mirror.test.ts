import { packStatus } from '../protocol-core.ts';
import type { SeatsMessage, SnapshotPayload } from '../protocol.ts';
import { describe, expect, it } from 'vitest';
import { StatusMirror } from './status-mirror.ts';

const snapshot = (seq: number, status: number[], epoch = 1): SnapshotPayload => ({
  eventId: 'e1',
  epoch,
  seq,
  counts: { free: 0, held: 0, booked: 0, blocked: 0 },
  status: packStatus(new Uint8Array(status)),
  ga: [{ areaId: 'floor', capacity: 10, held: 0, booked: 0 }],
});

const batch = (
  fromSeq: number,
  seq: number,
  changes: [number, 0 | 1 | 2 | 3][],
  epoch = 1,
): SeatsMessage => ({
  eventId: 'e1',
  epoch,
  fromSeq,
  seq,
  changes,
  ga: [],
});

describe('StatusMirror', () => {
  it('loads a snapshot, reporting every seat first and only differences later', () => {
    const mirror = new StatusMirror();
    expect(mirror.ready).toBe(false);
    expect(mirror.load(snapshot(3, [0, 1, 2]))).toEqual([0, 1, 2]);
    expect(mirror.counts).toEqual({ free: 1, held: 1, booked: 1, blocked: 0 });
    expect(mirror.load(snapshot(5, [0, 0, 2]))).toEqual([1]);
    expect(mirror.ga.get('floor')?.capacity).toBe(10);
  });

  it('applies contiguous and overlapping batches, ignores stale ones', () => {
    const mirror = new StatusMirror();
    mirror.load(snapshot(3, [0, 0, 0, 0]));
    expect(mirror.apply(batch(3, 4, [[1, 1]]))).toEqual({ kind: 'applied', seats: [1] });
    // Overlaps seq 4: carries final statuses, so applying it is exact.
    expect(
      mirror.apply(
        batch(2, 6, [
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toEqual({ kind: 'applied', seats: [2] });
    expect(mirror.apply(batch(5, 6, [[3, 3]]))).toEqual({ kind: 'stale' });
    expect([...mirror.status, mirror.seq]).toEqual([0, 1, 2, 0, 6]);
    expect(mirror.counts).toEqual({ free: 2, held: 1, booked: 1, blocked: 0 });
  });

  it('asks for a resync on a gap, a new epoch, an unknown seat, or before any snapshot', () => {
    const mirror = new StatusMirror();
    expect(mirror.apply(batch(0, 1, []))).toEqual({ kind: 'resync' });
    mirror.load(snapshot(3, [0, 0]));
    expect(mirror.apply(batch(4, 5, [[0, 1]]))).toEqual({ kind: 'resync' });
    expect(mirror.apply(batch(3, 4, [[0, 1]], 2))).toEqual({ kind: 'resync' });
    expect(mirror.apply(batch(3, 4, [[9, 1]]))).toEqual({ kind: 'resync' });
    expect(mirror.seq).toBe(3);
  });
});
