// Two real engine processes sharing one Redis prefix and one Postgres schema: a visitor on node A
// sees a hold made over REST on node B within the coalescing window; bookings through both nodes
// never double-sell; expired holds are swept once across nodes; a webhook is delivered once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import { createWebhookEndpoint } from '../../engine/src/webhooks/endpoints.ts';
import { seedEvent } from '../support/engine.ts';
import {
  START_BUDGET_MS,
  clusterOutput,
  rest,
  startCluster,
  type NodeCluster,
} from '../support/node-process.ts';
import { audit, Ledger, liveClient, seatIndex, waitFor, type SeatIndex } from './cluster-checks.ts';

let cluster: NodeCluster;
let index: SeatIndex;
const clients: LiveEvent[] = [];

beforeAll(async () => {
  cluster = await startCluster({ nodes: 2, rows: 10, perRow: 20 });
  index = await seatIndex(cluster, cluster.nodes[0]!.url);
}, START_BUDGET_MS);
afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.dispose();
});

/** Fails with both nodes' output, so a crash inside a child process is visible. */
async function withOutput<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${String(err)}\n${clusterOutput(cluster)}`, { cause: err });
  }
}

describe('two engine processes on one Redis and one Postgres', () => {
  it('shows a visitor on node A a hold made over REST on node B', () =>
    withOutput(async () => {
      const a = cluster.nodes[0]!;
      const b = cluster.nodes[1]!;
      const { eventId, publicKey } = cluster.ev;
      const visitor = liveClient(a.url, publicKey, eventId);
      clients.push(visitor);
      await visitor.connect();
      const target = index.indexOf.get('R5-7')!;
      let arrivedAt = 0;
      visitor.on('change', ({ seats }) => {
        if (seats.includes(target) && visitor.status[target] === 1) arrivedAt ||= Date.now();
      });
      const sentAt = Date.now();
      const held = await rest(b.url, publicKey, 'POST', `/events/${eventId}/holds`, {
        seats: ['R5-7'],
      });
      const answeredAt = Date.now();
      expect(held.status).toBe(200);
      await waitFor('node A’s visitor to see node B’s hold', () => arrivedAt > 0, 5_000);
      console.log(
        `cross-node delivery: ${arrivedAt - answeredAt} ms after node B answered the hold ` +
          `(${arrivedAt - sentAt} ms after it was sent; coalescing window 100 ms)`,
      );
      expect(visitor.status[target]).toBe(1);
    }));

  it('never double-sells when buyers hold on one node and book on the other', () =>
    withOutput(async () => {
      const { eventId, publicKey, secretKey } = cluster.ev;
      const urls = cluster.nodes.map((n) => n.url);
      const ledger = new Ledger();
      // 40 buyers fight over 12 seats of row 1, each holding on one node and booking on the other.
      const buyer = async (i: number) => {
        const n = 1 + (i % 11);
        const seats = [`R1-${n}`, `R1-${n + 1}`];
        const held = await rest(urls[i % 2]!, publicKey, 'POST', `/events/${eventId}/holds`, {
          seats,
        });
        if (held.status !== 200) return held.status;
        const booked = await rest(
          urls[(i + 1) % 2]!,
          secretKey,
          'POST',
          `/events/${eventId}/book`,
          {
            seats,
            holdToken: held.body.holdToken,
          },
        );
        if (booked.status === 201) ledger.add(booked.body.bookingId, booked.body.seats);
        return booked.status;
      };
      const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => buyer(i)));
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect(ledger.bookings.size).toBeGreaterThan(0);
      for (const url of urls) {
        const result = await audit(cluster, ledger, url);
        expect(result).toMatchObject({
          doubleSells: 0,
          lostAcknowledged: [],
          bookedWithoutRow: [],
          rowNotBooked: [],
        });
      }
    }));

  it('releases expired holds exactly once across both nodes’ sweepers', () =>
    withOutput(async () => {
      const short = await seedEvent(cluster.engine.ctx, { rows: 2, perRow: 10, holdTtlSeconds: 1 });
      const [a, b] = cluster.nodes;
      const freed = new Map<number, number>();
      for (const node of [a!, b!]) {
        const viewer = liveClient(node.url, short.publicKey, short.eventId);
        clients.push(viewer);
        await viewer.connect();
        viewer.on('change', ({ seats, source }) => {
          if (source !== 'delta') return;
          for (const s of seats) if (viewer.status[s] === 0) freed.set(s, (freed.get(s) ?? 0) + 1);
        });
      }
      const tokens: string[] = [];
      for (let i = 0; i < 6; i++) {
        const node = i % 2 ? b! : a!;
        const r = await rest(node.url, short.publicKey, 'POST', `/events/${short.eventId}/holds`, {
          seats: [`R1-${i + 1}`, `R2-${i + 1}`],
        });
        expect(r.status).toBe(200);
        tokens.push(r.body.holdToken);
      }
      // Both viewers see 12 seats freed, each once; nothing more arrives afterwards.
      await waitFor('the sweeper to release all 12 seats', () => freed.size === 12, 10_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect([...freed.values()]).toEqual(Array(12).fill(2));
      const queued = await cluster.sql<{ token: string; n: string }>(
        `SELECT payload->>'holdToken' AS token, count(*) AS n FROM webhook_outbox
          WHERE event_type = 'hold.expired' AND payload->>'eventId' = $1 GROUP BY 1`,
        [short.eventId],
      );
      expect(queued.map((q) => [q.token, Number(q.n)]).sort()).toEqual(
        tokens.map((t) => [t, 1]).sort(),
      );
    }));

  it('delivers a booking webhook once although both nodes run a dispatcher', () =>
    withOutput(async () => {
      const received: string[] = [];
      const receiver: Server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      try {
        const { port } = receiver.address() as AddressInfo;
        const { eventId, orgId, secretKey } = cluster.ev;
        await createWebhookEndpoint(
          cluster.engine.ctx.db,
          orgId,
          {
            url: `http://127.0.0.1:${port}/hooks`,
            events: ['booking.created'],
          },
          { allowPrivate: true },
        );
        const booked = await rest(
          cluster.nodes[1]!.url,
          secretKey,
          'POST',
          `/events/${eventId}/book`,
          {
            seats: ['R9-1'],
          },
        );
        expect(booked.status).toBe(201);
        const mine = () => received.filter((b) => b.includes(booked.body.bookingId));
        await waitFor('the booking.created webhook', () => mine().length > 0, 10_000);
        // Both dispatchers poll every second: give a duplicate three chances to show up.
        await new Promise((r) => setTimeout(r, 3_000));
        expect(mine()).toHaveLength(1);
      } finally {
        await new Promise((r) => receiver.close(r));
      }
    }));
});
