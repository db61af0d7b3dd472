import { describe, expect, it } from 'vitest';
import { countersOf, holdTally, SoldOrder, VelocityWindow } from './stats-math.ts';

const MINUTE = 60_000;
const ga = (held: number, booked: number) => [{ areaId: 'floor', capacity: 50, held, booked }];

describe('box-office statistics', () => {
  it('counts standing places one each in the counters', () => {
    const counters = countersOf({ free: 5, held: 2, booked: 2, blocked: 1 }, ga(3, 7), [
      { currency: 'EUR', amount: 900 },
    ]);
    expect(counters).toEqual({
      capacity: 60,
      sold: 9,
      held: 5,
      free: 45,
      blocked: 1,
      revenue: [{ currency: 'EUR', amount: 900 }],
      sellThrough: 9 / 60,
    });
    expect(countersOf({ free: 0, held: 0, booked: 0, blocked: 0 }, [], []).sellThrough).toBe(0);
  });

  it('buckets tickets per minute over the last hour and forgets older minutes', () => {
    const now = 100 * MINUTE + 30_000;
    const v = new VelocityWindow();
    v.add(now, 2, now);
    v.add(now - MINUTE, 3, now);
    v.add(now - 59 * MINUTE, 1, now);
    v.add(now - 60 * MINUTE, 9, now);
    const s = v.series(now);
    expect(s.from).toBe(41 * MINUTE);
    expect(s.perMinute).toHaveLength(60);
    expect(s.perMinute[59]).toBe(2);
    expect(s.perMinute[58]).toBe(3);
    expect(s.perMinute[0]).toBe(1);
    expect(s.perMinute.reduce((a, b) => a + b)).toBe(6);
    expect(v.series(now + 59 * MINUTE).perMinute.reduce((a, b) => a + b)).toBe(2);
  });

  it('keeps the first-sale rank of a seat sold again', () => {
    const order = new SoldOrder();
    expect(order.add([4, 2])).toEqual([4, 2]);
    expect(order.add([2, 7])).toEqual([7]);
    expect(order.seats).toEqual([4, 2, 7]);
  });

  it('tallies holds and releases between snapshots, not bookings', () => {
    const before = { status: new Uint8Array([0, 1, 1, 0, 2]), ga: ga(4, 0) };
    const after = { status: new Uint8Array([1, 0, 2, 1, 0]), ga: ga(1, 2) };
    // seats: 0 and 3 held; 1 released; 2 booked (not a release); 4 cancelled (not a release).
    // standing: 3 fewer held of which 2 were booked → 1 released.
    expect(holdTally(before, after)).toEqual({ held: 2, released: 2 });
    expect(holdTally(after, { status: after.status, ga: ga(6, 2) })).toEqual({
      held: 5,
      released: 0,
    });
  });
});
