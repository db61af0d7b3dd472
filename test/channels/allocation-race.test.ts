// Allocating and releasing seats while they are being booked, on real Redis and Postgres, with
// the interleavings forced rather than hoped for: a partner booking paused inside its transaction
// while the owner releases the channel's unsold seats, and an allocation paused inside its
// transaction while the general sale books one of its seats. A seat sold through a channel stays
// allocated to it, and a seat sold by the general sale never ends up allocated to a channel.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import type { Principal } from '../../engine/src/errors.ts';
import { databaseUrl } from '../support/services.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
let partner: Principal;

beforeAll(async () => {
  w = await startChannelWorld();
  const key = await createApiKey(w.api.engine.ctx.db, w.partner.orgId, 'secret', 'race');
  partner = { orgId: w.partner.orgId, kind: 'secret', keyId: key.id };
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `promise` is still pending after `ms`. */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return !settled;
}

async function channel(kind: 'partner' | 'boxoffice') {
  return w.ok('POST', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
    body:
      kind === 'partner'
        ? { kind, name: 'Partner', partnerOrgId: w.partner.orgId }
        : { kind, name: 'Counter' },
  }) as Promise<{ id: string }>;
}

const seatsOf = async (channelId: string): Promise<string[]> => {
  const { channels } = await w.ok('GET', `/events/${w.eventId}/channels`, {
    key: w.owner.secretKey,
  });
  return channels.find((c: { id: string }) => c.id === channelId).seats;
};

describe('channel allocations against concurrent bookings', () => {
  it('release waits for a partner booking in flight and keeps its seat in the channel', async () => {
    const { ctx } = w.api.engine;
    const { id } = await channel('partner');
    await w.ok('POST', `/events/${w.eventId}/channels/${id}/allocate`, {
      key: w.owner.secretKey,
      body: { seats: ['R2-1', 'R2-2', 'R2-3'] },
    });
    const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R2-1'] },
    });
    // The partner's booking stops inside its transaction, after its channel check and its row.
    let inside!: () => void;
    const reached = new Promise<void>((resolve) => (inside = resolve));
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    const booking = ctx.orders.book(
      partner,
      w.eventId,
      { seats: ['R2-1'], holdToken: hold.holdToken },
      undefined,
      async () => {
        inside();
        await gate;
      },
    );
    await reached;
    const release = ctx.channels.release(w.api.seeded.secret, w.eventId, id, {});
    // The release cannot read what was sold while the booking is uncommitted: it waits.
    expect(await pendingAfter(release, 400)).toBe(true);
    go();
    expect((await booking).status).toBe(201);
    const released = await release;
    expect(released.kept.seats).toEqual(['R2-1']);
    expect(released.seats).toEqual(['R2-2', 'R2-3']);
    expect(await seatsOf(id)).toEqual(['R2-1']);
  });

  it('an allocation in flight never takes a seat the general sale books meanwhile', async () => {
    const { ctx } = w.api.engine;
    const { id } = await channel('boxoffice');
    // Another session holds the standing area's lock, so the allocation (which also asks for a
    // standing place) stops inside its transaction, after reading the seat store.
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    const gaLock = `parterre:ga:${w.eventId}:floor`;
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [gaLock]);
    try {
      const allocation = ctx.channels
        .allocate(w.api.seeded.secret, w.eventId, id, {
          seats: ['R4-1'],
          ga: [{ areaId: 'floor', quantity: 1 }],
        })
        .then(
          () => 'allocated',
          (err: { code?: string }) => err.code ?? String(err),
        );
      expect(await pendingAfter(allocation, 300)).toBe(true);
      // The general sale holds and books the same seat: the store still has it free.
      const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
        key: w.owner.publicKey,
        body: { seats: ['R4-1'] },
      });
      const booking = w.call('POST', `/events/${w.eventId}/book`, {
        key: w.owner.secretKey,
        body: { seats: ['R4-1'], holdToken: hold.holdToken },
      });
      await pendingAfter(booking, 300);
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [gaLock]);
      const [allocated, booked] = await Promise.all([allocation, booking]);
      const seatIndex = (await ctx.catalog.get(w.owner.orgId, w.eventId)).layout.indexById.get(
        'R4-1',
      );
      // One of them, never both: here the allocation came first, so the booking is refused.
      expect(allocated).toBe('allocated');
      expect(booked.status).toBe(409);
      expect(booked.body.code).toBe('NOT_IN_CHANNEL');
      expect(await seatsOf(id)).toEqual(['R4-1']);
      const { rows } = await asSystem(ctx.db, (tx) =>
        tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM booking_seats b JOIN bookings k ON k.id = b.booking_id
         WHERE b.event_id = $1 AND b.seat_index = $2 AND b.live`,
          [w.eventId, seatIndex],
        ),
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
