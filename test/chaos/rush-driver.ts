// A small on-sale rush for chaos tests: concurrent buyers loop hold → book over REST against a
// list of nodes, as a checkout behind a load balancer would: a buyer whose node stops answering
// moves to the next node and retries its booking there with the same Idempotency-Key, so an
// acknowledged booking is never asked twice under two keys.
import { randomUUID } from 'node:crypto';
import { Ledger } from '../scale/cluster-checks.ts';
import { rest, type NodeCluster, type RestAnswer } from '../support/node-process.ts';

export interface RushStats {
  holds: number;
  conflicts: number;
  bookings: number;
  /** Answers by `status code` (e.g. `503 SERVICE_UNAVAILABLE`), excluding 200/201/409. */
  errors: Record<string, number>;
  /** Requests that got no answer (node killed, connection refused). */
  networkErrors: number;
}

export interface Rush {
  ledger: Ledger;
  stats: RushStats;
  /** Stops the buyers and waits for their last requests. */
  stop(): Promise<RushStats>;
}

export interface RushOptions {
  cluster: NodeCluster;
  /** Node URLs; buyer i starts on urls[i % urls.length]. */
  urls: () => string[];
  buyers: number;
  rows: number;
  perRow: number;
  /** Pause between a buyer's rounds (ms). */
  thinkMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `buyers` concurrent hold → book loops; each books 2 adjacent random seats per round. */
export function startRush(opts: RushOptions): Rush {
  const { cluster, rows, perRow } = opts;
  const { eventId, publicKey, secretKey } = cluster.ev;
  const ledger = new Ledger();
  const stats: RushStats = { holds: 0, conflicts: 0, bookings: 0, errors: {}, networkErrors: 0 };
  let running = true;

  const tally = (r: RestAnswer) => {
    if (r.status === 409) stats.conflicts++;
    else if (r.status >= 300) {
      const key = `${r.status} ${r.body?.code ?? ''}`.trim();
      stats.errors[key] = (stats.errors[key] ?? 0) + 1;
    }
  };

  /** Sends through the buyer's node, moving to the next node while none answers. */
  const send = async (state: { node: number }, call: (url: string) => Promise<RestAnswer>) => {
    for (let attempt = 0; attempt < 20 && running; attempt++) {
      const urls = opts.urls();
      try {
        return await call(urls[state.node % urls.length] as string);
      } catch {
        stats.networkErrors++;
        state.node++;
        await sleep(50);
      }
    }
    return undefined;
  };

  const round = async (state: { node: number }) => {
    const r = 1 + Math.floor(Math.random() * rows);
    const n = 1 + Math.floor(Math.random() * (perRow - 1));
    const seats = [`R${r}-${n}`, `R${r}-${n + 1}`];
    const held = await send(state, (url) =>
      rest(url, publicKey, 'POST', `/events/${eventId}/holds`, { seats }),
    );
    if (!held) return;
    tally(held);
    if (held.status !== 200) return;
    stats.holds++;
    const key = randomUUID();
    const booked = await send(state, (url) =>
      rest(
        url,
        secretKey,
        'POST',
        `/events/${eventId}/book`,
        { seats, holdToken: held.body.holdToken },
        { 'idempotency-key': key },
      ),
    );
    if (!booked) return;
    tally(booked);
    if (booked.status === 201) {
      stats.bookings++;
      ledger.add(booked.body.bookingId as string, booked.body.seats as string[]);
    }
  };

  const buyer = async (i: number) => {
    const state = { node: i };
    while (running) {
      await round(state);
      await sleep(opts.thinkMs ?? 5);
    }
  };
  const done = Promise.all(Array.from({ length: opts.buyers }, (_, i) => buyer(i)));
  return {
    ledger,
    stats,
    async stop() {
      running = false;
      await done;
      return stats;
    },
  };
}
