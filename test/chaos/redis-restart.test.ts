// Redis dies in the middle of a rush (kill -9 of a private redis-server) and comes back on the same
// port with no data, as a restart without persistence would: the nodes reconnect, load their Lua
// library again, rebuild the event from Postgres under a new epoch, live clients resync and
// converge, no seat is sold twice and no acknowledged booking is lost.
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
/** How long Redis stays dead (ms): long enough for the nodes to fail commands and retry. */
const DOWN_MS = 1_500;
let cluster: NodeCluster | undefined;
let redis: RedisServer | undefined;
const clients: LiveEvent[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.dispose();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it(
  'reconnects and rebuilds from Postgres when Redis is killed and restarts empty mid-rush',
  async () => {
    redis = await startRedisServer();
    const port = Number(new URL(redis.url).port);
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
    await sleep(2_500);
    const beforeKill = rush.stats.bookings;
    const runId = /run_id:(\w+)/.exec(String(await redis.client.info('server')))?.[1];
    await redis.stop(); // SIGKILL: no shutdown, no save
    await sleep(DOWN_MS);
    const whileDown = rush.stats.bookings;
    redis = await startRedisServer({ port });
    // Another process on the same port, started without persistence: whatever it holds by now
    // the nodes wrote after reconnecting (the epoch check below shows the event was rebuilt).
    expect(/run_id:(\w+)/.exec(String(await redis.client.info('server')))?.[1]).not.toBe(runId);
    await sleep(3_500);
    const stats = await rush.stop();
    console.log(
      `redis restart: ${stats.bookings} bookings (${beforeKill} before kill -9, ${whileDown} ` +
        `when it came back), ${stats.holds} holds, ${stats.conflicts} conflicts, ` +
        `errors ${JSON.stringify(stats.errors)}, network errors ${stats.networkErrors}`,
    );

    await withNodeOutput(c, async () => {
      // The nodes sold again after the restart: they reconnected and rebuilt the event.
      expect(stats.bookings).toBeGreaterThan(whileDown);
      await expectRebuilt(c, rush.ledger, index, watched, 'redis restart');
    });
  },
  START_BUDGET_MS,
);
