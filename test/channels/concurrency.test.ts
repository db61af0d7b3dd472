// Channels under concurrent buyers, on real Redis and Postgres: a partner channel, the owner's box
// office channel and the general sale race for the same rows and the same standing area. No seat
// is sold twice, no channel sells outside its allocation, and no standing share is exceeded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../api/harness.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
const PARTNER_SEATS = ['R2-1', 'R2-2', 'R2-3', 'R2-4', 'R2-5', 'R2-6'];
const BOX_SEATS = ['R3-1', 'R3-2', 'R3-3', 'R3-4', 'R3-5'];
let partnerChannel: string;
let boxChannel: string;

beforeAll(async () => {
  w = await startChannelWorld();
  const key = w.owner.secretKey;
  const partner = await w.ok('POST', `/events/${w.eventId}/channels`, {
    key,
    body: { kind: 'partner', name: 'Partner', partnerOrgId: w.partner.orgId },
  });
  const box = await w.ok('POST', `/events/${w.eventId}/channels`, {
    key,
    body: { kind: 'boxoffice', name: 'Counter' },
  });
  partnerChannel = partner.id;
  boxChannel = box.id;
  await w.ok('POST', `/events/${w.eventId}/channels/${partnerChannel}/allocate`, {
    key,
    body: { seats: PARTNER_SEATS, ga: [{ areaId: 'floor', quantity: 12 }] },
  });
  await w.ok('POST', `/events/${w.eventId}/channels/${boxChannel}/allocate`, {
    key,
    body: { seats: BOX_SEATS, ga: [{ areaId: 'floor', quantity: 8 }] },
  });
}, 60_000);
afterAll(async () => {
  await w?.close();
});

type Seller = 'partner' | 'box' | 'general';
const SELLERS: Seller[] = ['partner', 'box', 'general'];

/** Who sends the request: the partner's keys, or the owner's with or without its channel. */
function as(seller: Seller, kind: 'public' | 'secret', body: Record<string, unknown>) {
  const org = seller === 'partner' ? w.partner : w.owner;
  return {
    key: kind === 'public' ? org.publicKey : org.secretKey,
    body: seller === 'box' ? { ...body, channelId: boxChannel } : body,
  };
}

/** A buyer: best available 2, then book them; the answer of whichever step refused. */
async function buy(seller: Seller): Promise<{ seller: Seller; res: ApiResponse }> {
  const hold = await w.call(
    'POST',
    `/events/${w.eventId}/holds/best-available`,
    as(seller, 'public', { quantity: 2, together: false }),
  );
  if (hold.status !== 200) return { seller, res: hold };
  const { seats, holdToken } = hold.body as { seats: string[]; holdToken: string };
  const res = await w.call(
    'POST',
    `/events/${w.eventId}/book`,
    as(seller, 'secret', { seats, holdToken }),
  );
  return { seller, res };
}

const rowOf = (seat: string) => seat.split('-')[0];

describe('channels under concurrent buyers', () => {
  it('holds of overlapping seats from every channel: only allocated seats, each held once', async () => {
    const contested = ['R2-1', 'R2-2', 'R3-1', 'R3-2', 'R1-1'];
    const requests = Array.from({ length: 30 }, (_, i) => {
      const seller = SELLERS[i % 3] as Seller;
      const seats = [contested[i % contested.length], contested[(i + 1) % contested.length]];
      return w
        .call('POST', `/events/${w.eventId}/holds`, as(seller, 'public', { seats }))
        .then((res) => ({ seller, res }));
    });
    const answers = await Promise.all(requests);
    const holder = new Map<string, string>();
    for (const { seller, res } of answers) {
      expect([200, 409]).toContain(res.status);
      if (res.status !== 200) {
        expect(['SEATS_UNAVAILABLE', 'NOT_IN_CHANNEL']).toContain(res.body.code);
        continue;
      }
      for (const seat of res.body.seats as string[]) {
        expect(holder.has(seat), `${seat} held twice`).toBe(false);
        holder.set(seat, seller);
        const allowed = seller === 'partner' ? 'R2' : seller === 'box' ? 'R3' : 'R1';
        expect(rowOf(seat)).toBe(allowed);
      }
      await w.ok('POST', `/events/${w.eventId}/release`, {
        key: w.owner.publicKey,
        body: { holdToken: res.body.holdToken },
      });
    }
    expect(holder.size).toBeGreaterThan(0);
  });

  it('best-available and booking races sell every seat at most once, inside its channel', async () => {
    const flows = Array.from({ length: 24 }, (_, i) => buy(SELLERS[i % 3] as Seller));
    const results = await Promise.all(flows);
    const sold = new Map<string, Seller>();
    const booked: Record<Seller, number> = { partner: 0, box: 0, general: 0 };
    for (const { seller, res } of results) {
      expect([201, 409]).toContain(res.status);
      if (res.status !== 201) continue;
      booked[seller]++;
      for (const seat of res.body.seats as string[]) {
        expect(sold.has(seat), `${seat} sold twice`).toBe(false);
        sold.set(seat, seller);
        if (seller === 'partner') expect(PARTNER_SEATS).toContain(seat);
        else if (seller === 'box') expect(BOX_SEATS).toContain(seat);
        else expect([...PARTNER_SEATS, ...BOX_SEATS]).not.toContain(seat);
      }
    }
    // Six partner seats make three pairs, five box-office seats two; the general sale has 29.
    expect(booked.partner).toBe(3);
    expect(booked.box).toBe(2);
    expect(booked.general).toBe(8);
    // Postgres agrees: one live booking per seat, whichever organisation sold it.
    const { rows } = await w.api.engine.ctx.db.transaction(
      (tx) =>
        tx.query<{ seat_index: number; n: number }>(
          `SELECT seat_index, count(*)::int AS n FROM booking_seats
           WHERE event_id = $1 AND live GROUP BY seat_index`,
          [w.eventId],
        ),
      { system: true },
    );
    expect(rows).toHaveLength(sold.size);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('standing places: each channel within its allocation, the area within its capacity', async () => {
    // Partner and box office ask for more than their allocations (5 × 3 of 12, 3 × 3 of 8), the
    // general sale for 5 × 5 of its 30: 49 places in all, so the store (capacity 50) never refuses
    // and every refusal is the Postgres fence keeping a channel to its share.
    const orders = { partner: [5, 3], box: [3, 3], general: [5, 5] } as const;
    const requests = SELLERS.flatMap((seller) => {
      const [count, quantity] = orders[seller];
      return Array.from({ length: count }, () =>
        w
          .call(
            'POST',
            `/events/${w.eventId}/book`,
            as(seller, 'secret', { ga: [{ areaId: 'floor', quantity }] }),
          )
          .then((res) => ({ seller, res })),
      );
    });
    const results = await Promise.all(requests);
    const places: Record<Seller, number> = { partner: 0, box: 0, general: 0 };
    for (const { seller, res } of results) {
      expect([201, 409]).toContain(res.status);
      if (res.status === 201) places[seller] += res.body.ga[0].quantity;
      else expect(res.body.code).toBe('GA_UNAVAILABLE');
    }
    expect(places).toEqual({ partner: 12, box: 6, general: 25 });
    const through = await w.ok('GET', `/events/${w.eventId}/channels/sell-through`, {
      key: w.owner.secretKey,
    });
    const gaOf = (id: string | null) =>
      through.channels.find((c: { channelId: string | null }) => c.channelId === id).sold.ga;
    expect([gaOf(partnerChannel), gaOf(boxChannel), gaOf(null)]).toEqual([
      places.partner,
      places.box,
      places.general,
    ]);
    const live = await w.ok('GET', `/events/${w.eventId}/availability`, { key: w.owner.publicKey });
    const booked = places.partner + places.box + places.general;
    expect(live.ga).toEqual([expect.objectContaining({ areaId: 'floor', booked, held: 0 })]);
  });
});
