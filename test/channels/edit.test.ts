// Renaming and deleting a channel over the REST API on real Postgres and Redis: the owner renames
// (validated, audited); deleting is refused while bookings sold through the channel are live
// (409 CHANNEL_IN_USE naming how many), and once they are cancelled the channel goes, its seats
// and standing places are the general sale's again, the partner no longer sees the event, and the
// cancelled bookings stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { asSystem } from '../../engine/src/db/tenancy.ts';
import { expectProblem } from '../api/harness.ts';
import { openPartnerChannel } from './open-channel.ts';
import { startChannelWorld, type ChannelWorld } from './world.ts';

let w: ChannelWorld;
let channelId: string;
const SEATS = ['R3-1', 'R3-2', 'R3-3'];

beforeAll(async () => {
  w = await startChannelWorld();
  channelId = await openPartnerChannel(w, { seats: SEATS, ga: [{ areaId: 'floor', quantity: 5 }] });
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const path = () => `/events/${w.eventId}/channels/${channelId}`;

describe('renaming a channel', () => {
  it('renames it for the owner, trimmed, and audits the change', async () => {
    const renamed = await w.ok('PATCH', path(), {
      key: w.owner.secretKey,
      body: { name: '  Friends of the opera ' },
    });
    expect(renamed).toMatchObject({ id: channelId, name: 'Friends of the opera', seats: SEATS });
    const list = await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey });
    expect(list.channels[0].name).toBe('Friends of the opera');
    const shared = await w.ok('GET', '/shared-events', { key: w.partner.secretKey });
    expect(shared.events[0].channelName).toBe('Friends of the opera');
    const [entry] = await listAudit(w.api.engine.ctx.db, w.owner.orgId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'channel.rename',
      target: channelId,
      details: { eventId: w.eventId, from: 'Friends', to: 'Friends of the opera' },
    });
  });

  it('refuses an empty or multi-line name (400) and changes nothing', async () => {
    for (const name of ['   ', 'two\nlines', 'x'.repeat(201)]) {
      const res = await w.call('PATCH', path(), { key: w.owner.secretKey, body: { name } });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').fields).toHaveProperty('name');
    }
    const list = await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey });
    expect(list.channels[0].name).toBe('Friends of the opera');
  });

  it('is the owner’s: 403 for the partner, 404 for a stranger and a missing channel', async () => {
    const partner = await w.call('PATCH', path(), {
      key: w.partner.secretKey,
      body: { name: 'Mine now' },
    });
    expectProblem(partner, 403, 'FORBIDDEN');
    const stranger = await w.call('PATCH', path(), {
      key: w.stranger.secretKey,
      body: { name: 'Mine now' },
    });
    expectProblem(stranger, 404, 'NOT_FOUND');
    const missing = await w.call('PATCH', `/events/${w.eventId}/channels/ch_missing`, {
      key: w.owner.secretKey,
      body: { name: 'Mine now' },
    });
    expectProblem(missing, 404, 'NOT_FOUND');
    const del = await w.call('DELETE', path(), { key: w.partner.secretKey });
    expectProblem(del, 403, 'FORBIDDEN');
  });
});

describe('deleting a channel', () => {
  const bookings: string[] = [];

  it('is refused while bookings through it are live, naming how many', async () => {
    const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
      key: w.partner.publicKey,
      body: { seats: ['R3-1'] },
    });
    const seat = await w.ok('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { seats: ['R3-1'], holdToken: hold.holdToken },
    });
    const ga = await w.ok('POST', `/events/${w.eventId}/book`, {
      key: w.partner.secretKey,
      body: { ga: [{ areaId: 'floor', quantity: 2 }] },
    });
    bookings.push(seat.bookingId, ga.bookingId);
    const refused = await w.call('DELETE', path(), { key: w.owner.secretKey });
    expect(expectProblem(refused, 409, 'CHANNEL_IN_USE').detail).toContain('2 live bookings');
    expect(refused.body.bookings).toBe(2);
    const list = await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey });
    expect(list.channels).toHaveLength(1);

    await w.ok('POST', `/events/${w.eventId}/cancel`, {
      key: w.partner.secretKey,
      body: { bookingId: bookings[0] },
    });
    const still = await w.call('DELETE', path(), { key: w.owner.secretKey });
    expect(expectProblem(still, 409, 'CHANNEL_IN_USE').detail).toContain('1 live booking');
  });

  it('gives the allocation back to the general sale once nothing is live, and audits it', async () => {
    await w.ok('POST', `/events/${w.eventId}/cancel`, {
      key: w.partner.secretKey,
      body: { bookingId: bookings[1] },
    });
    const deleted = await w.ok('DELETE', path(), { key: w.owner.secretKey });
    expect(deleted).toEqual({
      id: channelId,
      deleted: true,
      released: { seats: SEATS, ga: [{ areaId: 'floor', quantity: 5 }] },
    });
    const list = await w.ok('GET', `/events/${w.eventId}/channels`, { key: w.owner.secretKey });
    expect(list.channels).toEqual([]);
    // The general sale sells the seats and every standing place again.
    const hold = await w.ok('POST', `/events/${w.eventId}/holds`, {
      key: w.owner.publicKey,
      body: { seats: SEATS, ga: [{ areaId: 'floor', quantity: 50 }] },
    });
    await w.ok('POST', `/events/${w.eventId}/release`, {
      key: w.owner.publicKey,
      body: { holdToken: hold.holdToken },
    });
    const through = await w.ok('GET', `/events/${w.eventId}/channels/sell-through`, {
      key: w.owner.secretKey,
    });
    expect(through.channels).toEqual([
      expect.objectContaining({
        channelId: null,
        allocated: { seats: 40, ga: [{ areaId: 'floor', quantity: 50 }] },
      }),
    ]);
    const [entry] = await listAudit(w.api.engine.ctx.db, w.owner.orgId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'channel.delete',
      target: channelId,
      details: { name: 'Friends of the opera', seats: SEATS, partnerOrgId: w.partner.orgId },
    });
  });

  it('leaves the partner without the event, and a second delete finds nothing', async () => {
    const layout = await w.call('GET', `/events/${w.eventId}/layout`, { key: w.partner.publicKey });
    expectProblem(layout, 404, 'NOT_FOUND');
    const shared = await w.ok('GET', '/shared-events', { key: w.partner.secretKey });
    expect(shared.events).toEqual([]);
    const again = await w.call('DELETE', path(), { key: w.owner.secretKey });
    expectProblem(again, 404, 'NOT_FOUND');
  });

  it('keeps the cancelled bookings, without their channel', async () => {
    const { rows } = await asSystem(w.api.engine.ctx.db, (tx) =>
      tx.query<{ id: string; channel_id: string | null }>(
        'SELECT id, channel_id FROM bookings WHERE id = ANY($1)',
        [bookings],
      ),
    );
    expect(rows.map((r) => r.channel_id)).toEqual([null, null]);
    expect(rows.map((r) => r.id).sort()).toEqual([...bookings].sort());
  });
});
