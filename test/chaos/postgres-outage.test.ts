// Postgres unreachable for ~3 s in the middle of a rush (a TCP proxy between the nodes and
// Postgres is cut): holds keep working (Redis only), bookings fail cleanly with 503
// SERVICE_UNAVAILABLE (never 500), nothing is half-written, and booking works again afterwards.
// A 503 on a booking whose COMMIT was cut is ambiguous (Postgres may have recorded it): buyers
// behave like real checkouts, sending an Idempotency-Key and retrying a 503 with the same key once
// the database answers, which tells them for sure whether they bought the seats.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { audit, Ledger } from '../scale/cluster-checks.ts';
import { databaseUrl } from '../support/services.ts';
import {
  START_BUDGET_MS,
  clusterOutput,
  rest,
  startCluster,
  type NodeCluster,
} from '../support/node-process.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

// Enough seats that the phase before the cut cannot sell the event out on a fast machine.
const ROWS = 60;
const PER_ROW = 25;
let cluster: NodeCluster | undefined;
let proxy: TcpProxy | undefined;

afterAll(async () => {
  await cluster?.dispose();
  await proxy?.close();
});

type Phase = 'before' | 'cut' | 'after';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers per phase, request kind and `status code`. */
class Outcomes {
  readonly counts: Record<string, number> = {};
  add(phase: Phase, kind: 'hold' | 'book', status: number, code?: string): void {
    const key = `${phase} ${kind} ${status}${code ? ` ${code}` : ''}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }
  count(prefix: string): number {
    return Object.entries(this.counts)
      .filter(([k]) => k.startsWith(prefix))
      .reduce((n, [, v]) => n + v, 0);
  }
}

it(
  'answers bookings 503 and keeps holding while Postgres is away, then recovers',
  async () => {
    const pgUrl = new URL(databaseUrl());
    proxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    const viaProxy = new URL(pgUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    cluster = await startCluster({
      nodes: 2,
      rows: ROWS,
      perRow: PER_ROW,
      databaseUrl: viaProxy.toString(),
    });
    const c = cluster;
    const { eventId, publicKey, secretKey } = c.ev;
    const urls = c.nodes.map((n) => n.url);
    const ledger = new Ledger();
    const outcomes = new Outcomes();
    /** Bookings answered 503: their outcome is learnt by retrying with the same key later. */
    const unanswered: { key: string; body: { seats: string[]; holdToken: string } }[] = [];
    let phase: Phase = 'before';
    let running = true;

    const buyer = async (i: number) => {
      const url = urls[i % urls.length]!;
      while (running) {
        const started = phase;
        const r = 1 + Math.floor(Math.random() * ROWS);
        const n = 1 + Math.floor(Math.random() * (PER_ROW - 1));
        const seats = [`R${r}-${n}`, `R${r}-${n + 1}`];
        const held = await rest(url, publicKey, 'POST', `/events/${eventId}/holds`, { seats });
        outcomes.add(started, 'hold', held.status, held.body?.code);
        if (held.status === 200) {
          const body = { seats, holdToken: held.body.holdToken as string };
          const key = randomUUID();
          const booked = await rest(url, secretKey, 'POST', `/events/${eventId}/book`, body, {
            'idempotency-key': key,
          });
          outcomes.add(started, 'book', booked.status, booked.body?.code);
          if (booked.status === 201) ledger.add(booked.body.bookingId, booked.body.seats);
          if (booked.status === 503) unanswered.push({ key, body });
        }
        await sleep(20);
      }
    };
    const done = Promise.all(Array.from({ length: 8 }, (_, i) => buyer(i)));
    try {
      await sleep(2_000);
      phase = 'cut';
      proxy.cut();
      await sleep(3_000);
      phase = 'after';
      proxy.restore();
      await sleep(3_000);
      running = false;
      await done;
      console.log('postgres outage answers:', outcomes.counts);

      // Each checkout that got 503 asks again with its key: 201 means it was (or now is) booked.
      let recorded = 0;
      for (const { key, body } of unanswered) {
        const again = await rest(urls[0]!, secretKey, 'POST', `/events/${eventId}/book`, body, {
          'idempotency-key': key,
        });
        expect([201, 409, 410, 422]).toContain(again.status);
        if (again.status === 201) {
          ledger.add(again.body.bookingId, again.body.seats);
          recorded++;
        }
      }
      console.log(`postgres outage: ${unanswered.length} retried, ${recorded} booked`);

      expect(outcomes.count('cut hold 200')).toBeGreaterThan(0);
      expect(outcomes.count('cut book 503 SERVICE_UNAVAILABLE')).toBeGreaterThan(0);
      expect(
        Object.keys(outcomes.counts).filter((k) => / 5\d\d/.test(k) && !/ 503 /.test(k)),
      ).toEqual([]);
      expect(outcomes.count('after book 201')).toBeGreaterThan(0);

      const result = await audit(c, ledger, urls[0]!);
      console.log('postgres outage audit:', result);
      expect(result.doubleSells).toBe(0);
      expect(result.lostAcknowledged).toEqual([]);
      expect(result.bookedWithoutRow).toEqual([]);
      // Nothing half-written: every seat the store shows booked has its live Postgres row, and
      // every live booking in Postgres was acknowledged to its buyer (at the latest on retry).
      const refusedHolds = await c.sql(
        `SELECT 1 FROM booking_seats WHERE live AND event_id = $1 AND booking_id <> ALL($2::text[])`,
        [eventId, [...ledger.bookings.keys()]],
      );
      expect(refusedHolds.length).toBe(0);
    } catch (err) {
      running = false;
      throw new Error(`${String(err)}\n${clusterOutput(c)}`, { cause: err });
    }
  },
  START_BUDGET_MS,
);
