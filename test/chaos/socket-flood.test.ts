// One socket floods a node with hold commands while another visitor holds and releases seats:
// the flooder gets RATE_LIMITED acks (its token bucket), the node keeps answering the visitor.
// Latencies are reported, not asserted (timing assertions flake on a shared machine).
import { LIVE_NAMESPACE, PROTOCOL_VERSION } from '@parterre/seatmaps';
import { io } from 'socket.io-client';
import { afterAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import { percentile } from '../bench/lib/report.ts';
import { liveClient } from '../scale/cluster-checks.ts';
import {
  START_BUDGET_MS,
  clusterOutput,
  startCluster,
  type NodeCluster,
} from '../support/node-process.ts';

let cluster: NodeCluster | undefined;
const clients: { close(): void }[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.dispose();
});

/** Sequential hold + release rounds of `visitor` for `ms`; returns hold latencies. */
async function holdLatencies(visitor: LiveEvent, ms: number): Promise<number[]> {
  const samples: number[] = [];
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i++) {
    const seat = `R10-${1 + (i % 20)}`;
    const t0 = performance.now();
    await visitor.hold([seat]);
    samples.push(performance.now() - t0);
    await visitor.release();
    // Two commands a round: stay under the visitor's own 20 commands/s.
    await new Promise((r) => setTimeout(r, 120));
  }
  return samples;
}

const summary = (s: number[]) =>
  `${s.length} holds, p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;

it(
  'rate-limits a flooding socket while another visitor keeps holding',
  async () => {
    cluster = await startCluster({ nodes: 1 });
    const c = cluster;
    const node = c.nodes[0]!;
    const { eventId, publicKey } = c.ev;
    try {
      const visitor = liveClient(node.url, publicKey, eventId);
      clients.push(visitor);
      await visitor.connect();
      const quiet = await holdLatencies(visitor, 1_500);

      const flooder = io(node.url + LIVE_NAMESPACE, {
        transports: ['websocket'],
        auth: { key: publicKey, protocolVersion: PROTOCOL_VERSION },
      });
      clients.push(flooder);
      await new Promise<void>((r) => flooder.once('connect', () => r()));
      const acks: Record<string, number> = {};
      let sent = 0;
      const flood = setInterval(() => {
        for (let i = 0; i < 50; i++, sent++) {
          flooder.emit(
            'hold',
            { eventId, seats: [`R1-${1 + (sent % 20)}`] },
            (res: { ok: boolean; error?: { code: string } }) => {
              const code = res.ok ? 'ok' : (res.error?.code ?? 'unknown');
              acks[code] = (acks[code] ?? 0) + 1;
            },
          );
        }
      }, 10);
      const flooded = await holdLatencies(visitor, 3_000).finally(() => clearInterval(flood));
      await new Promise((r) => setTimeout(r, 500));

      console.log(
        `socket flood: ${sent} commands sent, acks ${JSON.stringify(acks)}\n` +
          `  visitor before the flood: ${summary(quiet)}\n  visitor during the flood: ${summary(flooded)}`,
      );
      expect(acks.RATE_LIMITED ?? 0).toBeGreaterThan(sent / 2);
      expect((acks.ok ?? 0) + (acks.SEATS_UNAVAILABLE ?? 0)).toBeLessThan(sent / 2);
      expect(flooded.length).toBeGreaterThan(0);
    } catch (err) {
      throw new Error(`${String(err)}\n${clusterOutput(c)}`, { cause: err });
    }
  },
  START_BUDGET_MS,
);
