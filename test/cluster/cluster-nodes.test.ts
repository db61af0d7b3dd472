// Two real engine processes on a 3-master Redis Cluster (REDIS_CLUSTER_NODES) and one Postgres: a
// hold made over REST on node B reaches a live visitor of node A through cluster pub/sub, the
// sweeper's lease and the fair-use counters work on the cluster, and both visitors converge.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import {
  converged,
  liveClient,
  seatIndex,
  waitFor,
  withNodeOutput,
} from '../scale/cluster-checks.ts';
import { START_BUDGET_MS, rest, startCluster, type NodeCluster } from '../support/node-process.ts';
import { clusterKeys, startRedisCluster, type RedisCluster } from '../support/redis-cluster.ts';

let redis: RedisCluster | undefined;
let nodes: NodeCluster | undefined;
const clients: LiveEvent[] = [];

beforeAll(async () => {
  redis = await startRedisCluster();
  nodes = await startCluster({
    nodes: 2,
    rows: 4,
    perRow: 10,
    // Holds expire after a second, so the sweeper (elected with redlock on the cluster) frees them.
    holdTtlSeconds: 1,
    env: {
      REDIS_URL: '',
      REDIS_CLUSTER_NODES: redis.nodes.join(','),
      // Fair-use limits on, never pacing (keys: high rates; the organisation: a slow rate with a
      // huge burst, so each request moves its schedule a second ahead and its counter, which
      // expires once the schedule has passed, is still there to be seen in the cluster).
      RATE_LIMIT_PUBLIC_PER_SECOND: '1000',
      RATE_LIMIT_SECRET_PER_SECOND: '1000',
      RATE_LIMIT_ORG_PER_SECOND: '1',
      RATE_LIMIT_ORG_BURST: '1000000',
    },
  });
}, START_BUDGET_MS);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await nodes?.dispose();
  await redis?.stop();
});

it(
  'carries changes between engine nodes over a Redis Cluster',
  async () => {
    const c = nodes as NodeCluster;
    const [a, b] = c.nodes as [NodeCluster['nodes'][0], NodeCluster['nodes'][0]];
    const { eventId, publicKey, secretKey } = c.ev;
    await withNodeOutput(c, async () => {
      const index = await seatIndex(c, a.url);
      const onA = liveClient(a.url, publicKey, eventId);
      const onB = liveClient(b.url, publicKey, eventId);
      clients.push(onA, onB);
      await Promise.all([onA.connect(), onB.connect()]);
      const seat = index.indexOf.get('R2-5') as number;

      const held = await rest(b.url, publicKey, 'POST', `/events/${eventId}/holds`, {
        seats: ['R2-5'],
      });
      expect(held.status).toBe(200);
      await waitFor('node A’s visitor to see node B’s hold', () => onA.status[seat] === 1, 5_000);
      await waitFor('the sweeper to free the expired hold', () => onA.status[seat] === 0, 10_000);

      const booked = await rest(a.url, secretKey, 'POST', `/events/${eventId}/book`, {
        seats: ['R3-1', 'R3-2'],
      });
      expect(booked.status).toBe(201);
      const sold = index.indexOf.get('R3-1') as number;
      await waitFor('node B’s visitor to see node A’s booking', () => onB.status[sold] === 2);
      for (const [i, client] of [onA, onB].entries()) {
        await waitFor(`visitor ${i} to converge`, () =>
          converged(c, client, c.nodes[i]!.url, index),
        );
      }
      // Event keys, the sweeper's index and the fair-use counters all live in the cluster.
      const keys = await clusterKeys(redis!.client, c.prefix);
      expect(keys).toContain(`${c.prefix}{ev:${eventId}}:status`);
      expect(keys.some((k) => k.startsWith(`${c.prefix}rl:`))).toBe(true);
    });
  },
  START_BUDGET_MS,
);
