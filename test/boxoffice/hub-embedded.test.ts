// The box-office hub in embedded mode (in-process store and bus, one process): a watched event's
// board reports bookings, holds, scans and sales changes to its output, and is dropped when its
// last watcher leaves; another organisation cannot watch it.
import type { BoxOfficeSnapshot, BoxOfficeStats } from '@parterre/seatmaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ATTENDANCE } from '../../engine/src/boxoffice/attendance.ts';
import { EventBoard } from '../../engine/src/boxoffice/board.ts';
import { updateEvent } from '../../engine/src/events/setup-repo.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { waitFor } from './harness.ts';

let engine: TestEngine;
let seeded: SeededEvent;
const pushed: { room: string; stats?: BoxOfficeStats; snapshot?: BoxOfficeSnapshot }[] = [];

beforeAll(async () => {
  engine = await testEngine({ store: 'memory' });
  seeded = await seedEvent(engine.ctx);
  engine.ctx.boxoffice.setOutput({
    stats: (room, stats) => pushed.push({ room, stats }),
    snapshot: (room, snapshot) => pushed.push({ room, snapshot }),
  });
});
afterAll(async () => {
  await engine?.dispose();
});

const merged = () => Object.assign({}, ...pushed.map((p) => p.stats ?? {})) as BoxOfficeStats;

describe('box-office hub, embedded', () => {
  it('reports a booking, a hold, a scan and closed sales of a watched event', async () => {
    const { ctx } = engine;
    const { orgId, eventId } = seeded;
    const { room, snapshot } = await ctx.boxoffice.watch(orgId, eventId);
    expect(room).toBe(`bo:${orgId}:${eventId}`);
    expect(snapshot.counters).toMatchObject({ capacity: 90, sold: 0 });
    expect(ctx.boxoffice.watching()).toEqual([room]);

    await ctx.orders.book(seeded.secret, eventId, { seats: ['R1-3'], ga: [] });
    await waitFor('the booking', () => merged().counters?.sold === 1);
    expect(merged().soldFirst).toEqual([2]);
    expect(merged().velocity?.perMinute.at(-1)).toBe(1);

    await ctx.holds.hold(seeded.pub, eventId, { seats: ['R1-4'] });
    await waitFor('the hold', () => merged().counters?.held === 1);

    ctx.boxoffice.setAttendanceSource({ scanned: async () => 1 });
    ctx.boxoffice.notifyScan(orgId, eventId);
    await waitFor('the scan', () => merged().attendance?.scanned === 1);

    await updateEvent(ctx.db, orgId, eventId, (cur) => ({ ...cur, salesOpen: false }));
    ctx.boxoffice.eventChanged(orgId, eventId);
    await waitFor('closed sales', () => merged().salesOpen === false);
    expect(pushed.every((p) => p.room === room && p.stats)).toBe(true);

    ctx.boxoffice.unwatch(orgId, eventId);
    expect(ctx.boxoffice.watching()).toEqual([]);
  });

  it('refuses another organisation’s event like a missing one', async () => {
    const other = await seedEvent(engine.ctx);
    await expect(engine.ctx.boxoffice.watch(other.orgId, seeded.eventId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(engine.ctx.boxoffice.watch(seeded.orgId, 'ev_missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(engine.ctx.boxoffice.watching()).toEqual([]);
  });

  it('moves the velocity window with the clock even when nothing sells', async () => {
    const { db, store, catalog } = engine.ctx;
    const board = new EventBoard(
      { db, store, catalog, attendance: () => NO_ATTENDANCE },
      seeded.orgId,
      seeded.eventId,
    );
    const now = Date.now();
    await board.load(now);
    const { velocity } = board.snapshot(now);
    const nothing = { store: false, feed: false, attendance: false, event: false };
    expect(await board.refresh(nothing, now)).toBeUndefined();
    const later = await board.refresh(nothing, now + 60_000);
    expect(later?.stats?.velocity?.from).toBe(velocity.from + 60_000);
    expect(Object.keys(later!.stats!).sort()).toEqual(['eventId', 'serverTime', 'velocity']);
  });
});
