// The audit log over real Postgres and Redis: staff and secret-key actions leave one entry each,
// written in the action's transaction, visible only to the organisation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  seedEvent,
  testEngine,
  type SeededEvent,
  type TestEngine,
} from '../../../test/support/engine.ts';
import { createBooking } from '../orders/repo.ts';
import { listAudit } from './audit-log.ts';

let engine: TestEngine;
let ev: SeededEvent;

beforeEach(async () => {
  engine = await testEngine();
  ev = await seedEvent(engine.ctx);
});
afterEach(async () => {
  await engine.dispose();
});

describe('audit log', () => {
  it('records book, cancel, block and unblock with actor, target and details', async () => {
    const { holds, orders, db } = engine.ctx;
    const hold = await holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] });
    const booked = await orders.book(ev.secret, ev.eventId, {
      seats: ['R1-1'],
      holdToken: hold.holdToken,
    });
    await orders.cancel(ev.secret, ev.eventId, { bookingId: booked.body.bookingId });
    await holds.block(ev.secret, ev.eventId, ['R2-1', 'R2-2'], 'house seats');
    await holds.unblock(ev.secret, ev.eventId, ['R2-2']);

    const entries = await listAudit(db, ev.orgId);
    const actor = `secret:${ev.secret.keyId}`;
    const target = `event:${ev.eventId}`;
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['seats.unblock', actor, target],
      ['seats.block', actor, target],
      ['booking.cancel', actor, booked.body.bookingId],
      ['booking.create', actor, booked.body.bookingId],
    ]);
    expect(entries[1]!.details).toEqual({ seats: ['R2-1', 'R2-2'], reason: 'house seats' });
    expect(entries[2]!.details).toMatchObject({
      bookingId: booked.body.bookingId,
      seats: ['R1-1'],
    });
    expect(entries[3]!.details).toMatchObject({ seats: ['R1-1'], amount: 5000 });
    expect(entries[0]!.at).toBeInstanceOf(Date);

    const page = await listAudit(db, ev.orgId, { limit: 2, before: entries[1]!.id });
    expect(page.map((e) => e.action)).toEqual(['booking.cancel', 'booking.create']);
  });

  it('records nothing for a booking Postgres refused', async () => {
    // Load the event into the store first, so the store does not learn of the booking below.
    await engine.ctx.holds.availability(ev.pub, ev.eventId);
    await createBooking(engine.ctx.db, {
      orgId: ev.orgId,
      eventId: ev.eventId,
      currency: 'EUR',
      seats: [{ index: 0, category: 'A', amount: 5000 }],
    });
    const hold = await engine.ctx.holds.hold(ev.pub, ev.eventId, { seats: ['R1-1'] });
    await expect(
      engine.ctx.orders.book(ev.secret, ev.eventId, { seats: ['R1-1'], holdToken: hold.holdToken }),
    ).rejects.toThrow('Already booked: R1-1');
    expect(await listAudit(engine.ctx.db, ev.orgId)).toEqual([]);
  });

  it('shows an organisation only its own entries and refuses a bad page size', async () => {
    const other = await seedEvent(engine.ctx);
    await engine.ctx.holds.block(ev.secret, ev.eventId, ['R3-3'], 'broken');
    expect(await listAudit(engine.ctx.db, other.orgId)).toEqual([]);
    await expect(listAudit(engine.ctx.db, ev.orgId, { limit: 501 })).rejects.toThrow(
      'limit 501 must be a whole number from 1 to 500',
    );
  });
});
