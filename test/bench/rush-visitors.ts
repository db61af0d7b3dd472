// Virtual visitors of an on-sale rush. Each arrives (all at once, or admitted by a waiting room at
// a fixed rate), loads the availability (or watches it live over a socket, for a sample), thinks,
// asks for 2–4 adjacent seats picked from what it sees (some ask for best-available), retries on
// conflicts with a fresh view, thinks again at checkout, then books with the secret key (as the
// organiser's checkout would) or changes its mind and releases.
import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '../../client-sdk/src/live-event.ts';
import type { RushHttp } from './rush-http.ts';

export interface RushPlan {
  eventId: string;
  publicKey: string;
  secretKey: string;
  nodes: number;
  visitors: number;
  /** Seat index → id, and the seat indexes of each row in seat order. */
  ids: string[];
  rows: number[][];
  /** Visitors admitted per second; undefined: everyone arrives within the first second. */
  admitPerSecond?: number;
  /** Think time range (ms) before choosing and before paying. */
  thinkMs: [number, number];
  /** Live clients whose status visitor i (i < watchers.length) uses as its view. */
  watchers: LiveEvent[];
}

/** One sales-curve point: ms since the start, seats booked so far. */
export type SalesPoint = [number, number];

export interface RushOutcome {
  holdMs: number[];
  holds: number;
  bestAvailable: number;
  conflicts: number;
  bookings: number;
  released: number;
  gaveUp: number;
  errors: Record<string, number>;
  /** Acknowledged bookings' seat ids. */
  booked: string[][];
  sales: SalesPoint[];
  /** Ms since start of each successful hold and each conflict. */
  holdTimes: number[];
  conflictTimes: number[];
  soldOutMs: number | undefined;
  seconds: number;
}

const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_ATTEMPTS = 5;
/** Times a visitor looks again while every seat left is held by someone else. */
const PATIENCE = 5;

/** `qty` adjacent free seats in `status` (random row, random start), or the largest block left. */
export function pickBlock(status: Uint8Array, rows: number[][], qty: number): number[] | undefined {
  let best: number[] | undefined;
  const start = Math.floor(Math.random() * rows.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[(start + k) % rows.length]!;
    const offset = Math.floor(Math.random() * row.length);
    let run: number[] = [];
    for (let j = 0; j < row.length; j++) {
      const seat = row[(offset + j) % row.length]!;
      // A run must not wrap around the row's end.
      if (status[seat] !== 0 || (offset + j) % row.length === 0) run = [];
      if (status[seat] !== 0) continue;
      run.push(seat);
      if (run.length === qty) return run;
      if (!best || run.length > best.length) best = [...run];
    }
  }
  return best;
}

/** 1: 10 %, 2: 40 %, 3: 25 %, 4: 25 %. */
const wantedSeats = () => {
  const r = Math.random();
  return r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.75 ? 3 : 4;
};

/** Runs every visitor to the end; resolves with the figures. */
export async function runVisitors(
  plan: RushPlan,
  http: RushHttp,
  t0: number,
): Promise<RushOutcome> {
  const out: RushOutcome = {
    holdMs: [],
    holds: 0,
    bestAvailable: 0,
    conflicts: 0,
    bookings: 0,
    released: 0,
    gaveUp: 0,
    errors: {},
    booked: [],
    sales: [[0, 0]],
    holdTimes: [],
    conflictTimes: [],
    soldOutMs: undefined,
    seconds: 0,
  };
  const total = plan.ids.length;
  let sold = 0;
  const now = () => performance.now() - t0;
  const error = (what: string, status: number, code?: string) => {
    const key = `${what} ${status}${code ? ` ${code}` : ''}`;
    out.errors[key] = (out.errors[key] ?? 0) + 1;
  };
  const base = `/api/v1/events/${plan.eventId}`;

  const view = async (i: number, node: number): Promise<Uint8Array> => {
    const watcher = plan.watchers[i];
    if (watcher) return watcher.status;
    const r = await http.call(node, 'GET', `${base}/availability?format=packed`, plan.publicKey);
    if (r.status !== 200) error('availability', r.status, r.body?.code);
    return r.status === 200
      ? Buffer.from(r.body.packed as string, 'base64')
      : new Uint8Array(total);
  };

  const tryHold = async (i: number, node: number, qty: number) => {
    let patience = PATIENCE;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const status = await view(i, node);
      if (!status.includes(0)) {
        // Nothing free, but held seats come back when their buyers change their minds: wait.
        if (!status.includes(1) || patience-- === 0) return undefined;
        await sleep(between(plan.thinkMs) * 2);
        attempt--;
        continue;
      }
      const best = Math.random() < 0.2;
      const seats = best ? undefined : pickBlock(status, plan.rows, qty);
      const r = best
        ? await http.call(node, 'POST', `${base}/holds/best-available`, plan.publicKey, {
            quantity: qty,
          })
        : await http.call(node, 'POST', `${base}/holds`, plan.publicKey, {
            seats: seats!.map((s) => plan.ids[s]),
          });
      out.holdMs.push(r.ms);
      if (r.status === 200) {
        out.holds++;
        if (best) out.bestAvailable++;
        out.holdTimes.push(now());
        return r.body as { holdToken: string; seats: string[] };
      }
      if (r.status === 409) {
        out.conflicts++;
        out.conflictTimes.push(now());
      } else error('hold', r.status, r.body?.code);
      if (best && r.status === 409) qty = Math.max(1, qty - 1);
    }
    return undefined;
  };

  const visitor = async (i: number) => {
    const node = i % plan.nodes;
    const arrival = plan.admitPerSecond ? (i / plan.admitPerSecond) * 1000 : Math.random() * 1000;
    await sleep(arrival);
    await sleep(between(plan.thinkMs));
    const hold = await tryHold(i, node, wantedSeats());
    if (!hold) {
      out.gaveUp++;
      return;
    }
    await sleep(between(plan.thinkMs));
    if (Math.random() < 0.15) {
      const r = await http.call(node, 'POST', `${base}/release`, plan.publicKey, {
        holdToken: hold.holdToken,
      });
      if (r.status === 200) out.released++;
      else error('release', r.status, r.body?.code);
      return;
    }
    const r = await http.call(
      node,
      'POST',
      `${base}/book`,
      plan.secretKey,
      { seats: hold.seats, holdToken: hold.holdToken },
      { 'idempotency-key': randomUUID() },
    );
    if (r.status !== 201) return error('book', r.status, r.body?.code);
    out.bookings++;
    out.booked.push(r.body.seats as string[]);
    sold += hold.seats.length;
    out.sales.push([now(), sold]);
    if (sold >= total && out.soldOutMs === undefined) out.soldOutMs = now();
  };

  await Promise.all(Array.from({ length: plan.visitors }, (_, i) => visitor(i)));
  out.seconds = now() / 1000;
  return out;
}
