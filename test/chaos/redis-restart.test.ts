// Redis dies in the middle of a rush (kill -9 of a private redis-server) and comes back on the same
// port with no data, as a restart without persistence would: the nodes reconnect, load their Lua
// library again, rebuild the event from Postgres under a new epoch, live clients resync and
// converge, no seat is sold twice and no acknowledged booking is lost.
import { afterAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import { audit, converged, liveClient, seatIndex, waitFor } from '../scale/cluster-checks.ts';
import {
  START_BUDGET_MS,
  clusterOutput,
  rest,
  startCluster,
  type NodeCluster,
} from '../support/node-process.ts';
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
    const { eventId, publicKey } = c.ev;
    const watchers = c.nodes.map((n) => liveClient(n.url, publicKey, eventId));
    clients.push(...watchers);
    await Promise.all(watchers.map((w) => w.connect()));
    const epochBefore = watchers[0]!.epoch;
    const resyncs = watchers.map(() => 0);
    watchers.forEach((w, i) =>
      w.on('change', ({ source }) => {
        if (source === 'snapshot') resyncs[i]!++;
      }),
    );

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

    try {
      // The nodes sold again after the restart: they reconnected and rebuilt the event.
      expect(stats.bookings).toBeGreaterThan(whileDown);
      for (const url of urls) {
        const result = await audit(c, rush.ledger, url);
        console.log(`redis restart audit via ${url}:`, result);
        expect(result).toMatchObject({
          doubleSells: 0,
          lostAcknowledged: [],
          bookedWithoutRow: [],
          rowNotBooked: [],
        });
      }
      const avail = await rest(urls[0]!, publicKey, 'GET', `/events/${eventId}/availability`);
      expect(avail.body.epoch).toBeGreaterThan(epochBefore);
      for (const [i, w] of watchers.entries()) {
        await waitFor(`watcher ${i} to converge`, () => converged(c, w, urls[i]!, index));
      }
      console.log(
        `epoch ${epochBefore} → ${avail.body.epoch}; snapshots taken: ${resyncs.join(', ')}`,
      );
      expect(resyncs.every((n) => n >= 1)).toBe(true);
    } catch (err) {
      throw new Error(`${String(err)}\n${clusterOutput(c)}`, { cause: err });
    }
  },
  START_BUDGET_MS,
);
