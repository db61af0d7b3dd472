// A partner's booking and the owner's delete of its channel, raced: never both. Either the
// booking commits first and the delete is refused (409 CHANNEL_IN_USE), or the delete commits
// first and the booking is refused (the seat is no longer the channel's, or the event no longer
// shared); nothing is ever sold through a channel that is gone, and no answer is a 5xx.
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

const ROUNDS = 8;

describe('deleting a channel while its partner books', () => {
  it('never lets both the booking and the delete succeed', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const seat = `R${1 + Math.floor(round / 10)}-${1 + (round % 10)}`;
      const channel = await w.ok('POST', `/events/${w.eventId}/channels`, {
        key: w.owner.secretKey,
        body: { kind: 'partner', name: `Round ${round}`, partnerOrgId: w.partner.orgId },
      });
      const path = `/events/${w.eventId}/channels/${channel.id}`;
      await w.ok('POST', `${path}/allocate`, { key: w.owner.secretKey, body: { seats: [seat] } });
      const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
        key: w.partner.publicKey,
        body: { seats: [seat] },
      });
      const [booked, deleted] = await Promise.all([
        w.call('POST', `/events/${w.eventId}/book`, {
          key: w.partner.secretKey,
          body: { seats: [seat], holdToken: hold.holdToken },
        }),
        w.call('DELETE', path, { key: w.owner.secretKey }),
      ]);
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
        expect(deleted.status).toBe(200);
        expect(['NOT_IN_CHANNEL', 'NOT_FOUND']).toContain(booked.body.code);
        outcomes.add('deleted first');
      }
      // Whichever won, no live booking names a channel that is gone.
      const { rows } = await asSystem(w.api.engine.ctx.db, (tx) =>
        tx.query(
          `SELECT 1 FROM bookings b JOIN booking_seats s ON s.booking_id = b.id AND s.live
           WHERE b.event_id = $1 AND b.channel_id IS NULL AND b.org_id = $2`,
          [w.eventId, w.partner.orgId],
        ),
      );
      expect(rows).toEqual([]);
    }
    expect(outcomes.size).toBeGreaterThan(0);
  }, 60_000);
});
