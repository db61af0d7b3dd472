// Subscriptions racing on two engine nodes (one Redis, one Postgres): many buyers on both nodes ask
// for the same seat of a three-event series at once. Exactly one subscription wins, it holds the
// seat on every event, and the losers leave no booking and no hold anywhere.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEvent } from '../../engine/src/events/repo.ts';
import { startTwoNodes, type TwoNodes } from '../boxoffice/harness.ts';

let nodes: TwoNodes;

beforeAll(async () => {
  nodes = await startTwoNodes();
}, 60_000);
afterAll(async () => {
  await nodes?.close();
});

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${nodes.seeded.secretKey}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

it('one of many simultaneous subscriptions for one seat wins on every event; the rest leave nothing', async () => {
  const { ctx } = nodes.engine;
  const { orgId, seatmapId } = nodes.seeded;
  const eventIds: string[] = [];
  for (let d = 1; d <= 3; d++) {
    const ev = await createEvent(ctx.db, {
      orgId,
      name: `Race night ${d}`,
      seatmapId,
      startsAt: new Date(Date.now() + d * 86_400_000),
      prices: [
        { category: 'A', amount: 5000, currency: 'EUR' },
        { category: 'B', amount: 3000, currency: 'EUR' },
      ],
    });
    eventIds.push(ev.id);
  }
  const series = await call(nodes.a.url, 'POST', '/series', { name: 'Race season', eventIds });
  expect(series.status).toBe(201);
  const urls = [nodes.a.url, nodes.b.url];
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      call(urls[i % 2]!, 'POST', `/series/${series.body.id}/subscriptions`, { seats: ['R2-2'] }),
    ),
  );
  const won = answers.filter((a) => a.status === 201);
  expect(won).toHaveLength(1);
  for (const a of answers.filter((x) => x.status !== 201)) {
    expect(a.status).toBe(409);
    expect(a.body.code).toBe('SEATS_UNAVAILABLE');
  }
  const winner = won[0]!.body as { bookings: { eventId: string; bookingId: string }[] };
  for (const eventId of eventIds) {
    const { rows } = await ctx.db.transaction(
      (tx) =>
        tx.query<{ booking_id: string }>(
          'SELECT booking_id FROM booking_seats WHERE event_id = $1 AND seat_index = 11 AND live',
          [eventId],
        ),
      { orgId },
    );
    expect(rows.map((r) => r.booking_id)).toEqual([
      winner.bookings.find((b) => b.eventId === eventId)!.bookingId,
    ]);
    for (const url of urls) {
      const avail = await call(url, 'GET', `/events/${eventId}/availability`);
      expect(avail.body.seats['R2-2']).toBe('booked');
      expect(avail.body.counts.held).toBe(0);
    }
  }
});
