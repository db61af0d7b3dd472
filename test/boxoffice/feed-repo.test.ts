// The box office's feed over real Postgres: one event's entries are found through the index of
// migration 0011 (not by scanning the organisation's whole audit log), and a burst of more than
// one page of entries between two refreshes reaches the board whole, oldest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ATTENDANCE } from '../../engine/src/boxoffice/attendance.ts';
import { EventBoard } from '../../engine/src/boxoffice/board.ts';
import { FEED_LENGTH, FEED_PAGE, readFeed } from '../../engine/src/boxoffice/feed-repo.ts';
import { AS_CONNECTING_USER } from '../../engine/src/db/runtime-role.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

let engine: TestEngine;
let seeded: SeededEvent;

beforeAll(async () => {
  engine = await testEngine({ store: 'memory' });
  seeded = await seedEvent(engine.ctx);
});
afterAll(async () => {
  await engine?.dispose();
});

/** `n` booking entries of `eventId`, as orders/service.ts writes them (eventId in details). */
const insertBookings = (orgId: string, eventId: string, n: number) =>
  asSystem(engine.ctx.db, (tx) =>
    tx.query(
      `INSERT INTO audit_log (org_id, actor, action, target, details)
       SELECT $1, 'secret:k', 'booking.create', 'bk_' || g,
         jsonb_build_object('eventId', $2::text, 'bookingId', 'bk_' || g, 'seats', '[]'::jsonb,
           'ga', jsonb_build_array(jsonb_build_object('areaId', 'floor', 'quantity', 1)),
           'amount', 100, 'currency', 'EUR')
       FROM generate_series(1, $3::int) g`,
      [orgId, eventId, n],
    ),
  );

describe('box-office feed', () => {
  it('reads one event through the event index, also with a long log of other events', async () => {
    const { ctx } = engine;
    await insertBookings(seeded.orgId, 'ev_other', 20_000);
    await ctx.holds.block(seeded.secret, seeded.eventId, ['R2-2'], 'broken');
    // As the table's owner (the runtime role may not analyze it).
    await ctx.db.transaction(
      async (tx) => {
        await tx.exec(AS_CONNECTING_USER);
        await tx.exec('ANALYZE audit_log');
      },
      { system: true },
    );
    const first = await readFeed(ctx.db, seeded.orgId, seeded.eventId, undefined, () => 0);
    // The block (target 'event:<id>', no eventId in details) is found by the same column.
    expect(first.items.map((i) => i.kind)).toEqual(['seats.blocked']);

    for (const after of [null, 0]) {
      const { rows } = await asSystem(ctx.db, (tx) =>
        tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT id FROM audit_log
           WHERE org_id = $1 AND feed_event_id = $2
             AND ($3::bigint IS NULL OR id > $3) ORDER BY id LIMIT 1000`,
          [seeded.orgId, seeded.eventId, after],
        ),
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('audit_log_event_feed_idx');
    }
  }, 60_000);

  it('hands a refresh every entry of a burst longer than one page', async () => {
    const { ctx } = engine;
    const s = await seedEvent(ctx);
    const board = new EventBoard(
      { db: ctx.db, store: ctx.store, catalog: ctx.catalog, attendance: () => NO_ATTENDANCE },
      s.orgId,
      s.eventId,
    );
    await board.load();
    const burst = FEED_PAGE * 2 + 500;
    await insertBookings(s.orgId, s.eventId, burst);

    const page = await readFeed(ctx.db, s.orgId, s.eventId, 0, () => 0);
    expect(page.items).toHaveLength(burst);
    const ids = page.items.map((i) => Number(i.id.slice(1)));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const nothing = { store: false, feed: true, attendance: false, event: false };
    const result = await board.refresh(nothing);
    const perMinute = result?.stats?.velocity?.perMinute ?? [];
    expect(perMinute.reduce((a, b) => a + b, 0)).toBe(burst);
    expect(result?.stats?.feed).toHaveLength(burst);
    expect(board.snapshot().feed).toHaveLength(FEED_LENGTH);
  }, 60_000);
});
