// Every service method (catalog, holds, orders), called with organisation A's principal on
// organisation B's event, booking and hold token, on a real engine (Postgres + Redis): each answers
// exactly what a missing id gets, and nothing of B changes, in Postgres or in the live store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../engine/src/errors.ts';
import { liveState } from '../../engine/src/events/repo.ts';
import { getSeatmap, listVersions } from '../../engine/src/maps/repo.ts';
import { getBooking } from '../../engine/src/orders/repo.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

let engine: TestEngine;
let a: SeededEvent;
let b: SeededEvent;
let bHold: string;
let bBooking: string;

/** Everything of B that A's calls could touch: durable rows and live store state. */
async function stateOfB() {
  const { ctx } = engine;
  return {
    live: await liveState(ctx.db, b.orgId, b.eventId),
    booking: await getBooking(ctx.db, b.orgId, bBooking),
    map: await getSeatmap(ctx.db, b.orgId, b.seatmapId),
    versions: await listVersions(ctx.db, b.orgId, b.seatmapId),
    availability: await ctx.holds.availability(b.secret, b.eventId),
    hold: await ctx.holds.get(b.secret, bHold),
    report: await ctx.orders.report(b.secret, b.eventId, 'status'),
  };
}

async function codeOf(call: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

beforeAll(async () => {
  engine = await testEngine();
  a = await seedEvent(engine.ctx);
  b = await seedEvent(engine.ctx);
  const { holds, orders } = engine.ctx;
  bHold = (await holds.hold(b.secret, b.eventId, { seats: ['R1-1', 'R1-2'] })).holdToken;
  bBooking = (await orders.book(b.secret, b.eventId, { seats: ['R2-1', 'R2-2'] })).body.bookingId;
  await holds.block(b.secret, b.eventId, ['R3-1'], 'house seat');
});

afterAll(() => engine.dispose());

describe("services with another organisation's ids", () => {
  it('answer NOT_FOUND for every method and change nothing of B', async () => {
    const before = await stateOfB();
    const { catalog, holds, orders } = engine.ctx;
    const p = a.secret;
    const calls: Record<string, () => Promise<unknown>> = {
      'catalog.get': () => catalog.get(p.orgId, b.eventId),
      'holds.hold': () => holds.hold(p, b.eventId, { seats: ['R1-5'] }),
      'holds.hold onto B’s token': () =>
        holds.hold(p, b.eventId, { seats: ['R1-6'], holdToken: bHold }),
      'holds.bestAvailable': () => holds.bestAvailable(p, b.eventId, { quantity: 2 }),
      'holds.release': () => holds.release(p, b.eventId, { holdToken: bHold }),
      'holds.extend': () => holds.extend(p, bHold, 600),
      'holds.get': () => holds.get(p, bHold),
      'holds.block': () => holds.block(p, b.eventId, ['R1-7'], 'stolen'),
      'holds.unblock': () => holds.unblock(p, b.eventId, ['R3-1']),
      'holds.availability': () => holds.availability(p, b.eventId),
      'holds.openEvent': () => holds.openEvent(p, b.eventId),
      'orders.book': () => orders.book(p, b.eventId, { seats: ['R1-8'] }),
      'orders.book B’s hold': () =>
        orders.book(p, b.eventId, { seats: ['R1-1'], holdToken: bHold }, 'idem-1'),
      'orders.cancel booking': () => orders.cancel(p, b.eventId, { bookingId: bBooking }),
      'orders.cancel seats': () => orders.cancel(p, b.eventId, { seats: ['R2-1'] }),
      'orders.report status': () => orders.report(p, b.eventId, 'status'),
      'orders.report category': () => orders.report(p, b.eventId, 'category'),
      // B's booking through A's own event: the booking is as missing as a made-up id.
      'orders.cancel B’s booking on A’s event': () =>
        orders.cancel(p, a.eventId, { bookingId: bBooking }),
      // The public key, with the same ids.
      'holds.hold (public key)': () => holds.hold(a.pub, b.eventId, { seats: ['R1-9'] }),
      'holds.get (public key)': () => holds.get(a.pub, bHold),
    };
    const answers: Record<string, ErrorCode | 'ok'> = {};
    for (const [name, call] of Object.entries(calls)) answers[name] = await codeOf(call());
    expect(answers).toEqual(Object.fromEntries(Object.keys(calls).map((n) => [n, 'NOT_FOUND'])));
    expect(await stateOfB()).toEqual(before);
  });

  it('answers B’s ids exactly as made-up ones', async () => {
    const { holds, orders } = engine.ctx;
    const p = a.secret;
    const missingEvent = 'ev_1111111111111111111a';
    const missingBooking = 'bk_1111111111111111111a';
    const pairs: [string, (event: string, booking: string) => Promise<unknown>][] = [
      ['availability', (ev) => holds.availability(p, ev)],
      ['cancel', (ev, bk) => orders.cancel(p, ev, { bookingId: bk })],
      ['cancel on A’s event', (_, bk) => orders.cancel(p, a.eventId, { bookingId: bk })],
    ];
    for (const [name, call] of pairs) {
      const theirs = await codeOf(call(b.eventId, bBooking));
      const missing = await codeOf(call(missingEvent, missingBooking));
      expect(theirs, name).toBe(missing);
    }
  });
});
