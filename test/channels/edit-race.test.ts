// A partner's booking and the owner's delete of its channel, raced: never both. Either the
// booking commits first and the delete is refused (409 CHANNEL_IN_USE), or the delete commits
// first and the booking is refused (NOT_IN_CHANNEL naming the channel or the seats, or the event
// no longer shared); nothing is ever sold through a channel that is gone, and no answer is a 5xx.
// Raced for seats, for standing places only (no seat: the booking's fence must still wait for the
// delete, or see the channel gone), and for both in one booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
beforeAll(async () => {
  w = await startChannelWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const ROUNDS = 12;
const FLOOR = { areaId: 'floor', quantity: 1 };

/** The n-th seat of the world's map (R1-1…R4-10). */
const seat = (n: number) => `R${1 + Math.floor(n / 10)}-${1 + (n % 10)}`;

/** What each round sells: its own seat (R1-1… for seats, R3-1… mixed) and standing places. */
const kinds = {
  seats: (round: number) => ({ seats: [seat(round)], ga: [] }),
  standing: () => ({ seats: [], ga: [FLOOR] }),
  mixed: (round: number) => ({ seats: [seat(20 + round)], ga: [FLOOR] }),
};

/** The partner's bookings of the event (any status), and those live without their channel. */
async function partnerBookings(): Promise<{ all: number; orphans: number }> {
  const { rows } = await asSystem(w.api.engine.ctx.db, (tx) =>
    tx.query<{ all: number; orphans: number }>(
      `SELECT count(*)::int AS all,
         count(*) FILTER (WHERE b.channel_id IS NULL AND (
           EXISTS (SELECT 1 FROM booking_seats s WHERE s.booking_id = b.id AND s.live)
           OR EXISTS (SELECT 1 FROM booking_ga g WHERE g.booking_id = b.id AND g.live)))::int
           AS orphans
       FROM bookings b WHERE b.event_id = $1 AND b.org_id = $2`,
      [w.eventId, w.partner.orgId],
    ),
  );
  return rows[0]!;
}

describe('deleting a channel while its partner books', () => {
  it.each(Object.keys(kinds) as (keyof typeof kinds)[])(
    'never lets both the booking and the delete succeed (%s)',
    async (kind) => {
      const outcomes = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const sale = kinds[kind](round);
        const channel = await w.ok('POST', `/events/${w.eventId}/channels`, {
          key: w.owner.secretKey,
          body: { kind: 'partner', name: `${kind} ${round}`, partnerOrgId: w.partner.orgId },
        });
        const path = `/events/${w.eventId}/channels/${channel.id}`;
        await w.ok('POST', `${path}/allocate`, { key: w.owner.secretKey, body: sale });
        const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
          key: w.partner.publicKey,
          body: sale,
        });
        const before = await partnerBookings();
        const book = () =>
          w.call('POST', `/events/${w.eventId}/book`, {
            key: w.partner.secretKey,
            body: { ...sale, holdToken: hold.holdToken },
          });
        const remove = () => w.call('DELETE', path, { key: w.owner.secretKey });
        // Alternate which request leaves first, so both orders of arrival are raced.
        const [booked, deleted] =
          round % 2 === 0
            ? await Promise.all([book(), remove()])
            : await Promise.all([remove(), book()]).then(([d, b]) => [b, d] as const);
        expect(booked.status, JSON.stringify(booked.body)).toBeLessThan(500);
        expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(500);
        if (booked.status < 300) {
          expect(deleted.body).toMatchObject({ status: 409, code: 'CHANNEL_IN_USE', bookings: 1 });
          outcomes.add('booked first');
          // Cancel the sale so the channel can go and the partner can get the next one.
          await w.ok('POST', `/events/${w.eventId}/cancel`, {
            key: w.partner.secretKey,
            body: { bookingId: booked.body.bookingId },
          });
          await w.ok('DELETE', path, { key: w.owner.secretKey });
        } else {
          expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
          expect(['NOT_IN_CHANNEL', 'NOT_FOUND']).toContain(booked.body.code);
          if (booked.body.code === 'NOT_IN_CHANNEL' && sale.seats.length === 0) {
            expect(booked.body.detail).toContain(channel.id);
          }
          // A refused booking wrote nothing.
          expect((await partnerBookings()).all).toBe(before.all);
          outcomes.add('deleted first');
        }
        // Whichever won, no live booking names a channel that is gone.
        expect((await partnerBookings()).orphans).toBe(0);
      }
      expect(outcomes.size).toBeGreaterThan(0);
    },
    60_000,
  );
});
