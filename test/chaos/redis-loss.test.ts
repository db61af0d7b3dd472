// Redis loses all its data in the middle of a rush (FLUSHALL on a private redis-server, as after a
// failover to an empty replica): the nodes rebuild the event from Postgres under a new epoch,
// booked seats stay booked, live clients resync and converge, and nothing is sold twice.
import { afterAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import {
  expectRebuilt,
  seatIndex,
  watchEveryNode,
  withNodeOutput,
} from '../scale/cluster-checks.ts';
import { START_BUDGET_MS, startCluster, type NodeCluster } from '../support/node-process.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { startRush } from './rush-driver.ts';

const ROWS = 20;
const PER_ROW = 25;
let cluster: NodeCluster | undefined;
let redis: RedisServer | undefined;
const clients: LiveEvent[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.dispose();
  await redis?.stop();
});

it(
  'rebuilds from Postgres under a new epoch when Redis loses its data mid-rush',
  async () => {
    redis = await startRedisServer();
    cluster = await startCluster({ nodes: 2, rows: ROWS, perRow: PER_ROW, redisUrl: redis.url });
    const c = cluster;
    const index = await seatIndex(c, c.nodes[0]!.url);
    const watched = await watchEveryNode(c, clients);

    const urls = c.nodes.map((n) => n.url);
    const rush = startRush({
      cluster: c,
      urls: () => urls,
      buyers: 16,
      rows: ROWS,
      perRow: PER_ROW,
    });
    await new Promise((r) => setTimeout(r, 2_500));
    const before = rush.stats.bookings;
    await redis.client.flushall();
    await new Promise((r) => setTimeout(r, 3_000));
    const stats = await rush.stop();
    console.log(
      `redis loss: ${stats.bookings} bookings (${before} before FLUSHALL), ${stats.holds} holds, ` +
        `${stats.conflicts} conflicts, errors ${JSON.stringify(stats.errors)}`,
    );

    await withNodeOutput(c, async () => {
      expect(stats.bookings).toBeGreaterThan(before);
      await expectRebuilt(c, rush.ledger, index, watched, 'redis loss');
    });
  },
  START_BUDGET_MS,
);
