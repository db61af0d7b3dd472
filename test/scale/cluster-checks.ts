// What scale-out and chaos tests check after the fact: a ledger of the bookings clients were told
// about (201), compared with Postgres's live booking rows and the store's booked seats, plus live
// clients of a node and a bounded wait.
import { expect } from 'vitest';
import { LiveEvent } from '../../client-sdk/src/live-event.ts';
import { clusterOutput, rest, type NodeCluster } from '../support/node-process.ts';

/** Seat id ↔ index of the cluster's event, from its published layout. */
export interface SeatIndex {
  ids: string[];
  indexOf: Map<string, number>;
}

/** Reads the event's layout through `url`. */
export async function seatIndex(cluster: NodeCluster, url: string): Promise<SeatIndex> {
  const r = await rest(url, cluster.ev.publicKey, 'GET', `/events/${cluster.ev.eventId}/layout`);
  if (r.status !== 200) throw new Error(`layout: ${r.status} ${JSON.stringify(r.body)}`);
  const ids: string[] = [];
  for (const s of r.body.seats as { index: number; id: string }[]) ids[s.index] = s.id;
  return { ids, indexOf: new Map(ids.map((id, i) => [id, i])) };
}

/** A websocket-only live client of the cluster's event on `url`. */
export function liveClient(url: string, key: string, eventId: string): LiveEvent {
  return new LiveEvent({
    url,
    key,
    eventId,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 },
  });
}

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Bookings acknowledged with 201: booking id → seat ids. */
export class Ledger {
  readonly bookings = new Map<string, string[]>();

  add(bookingId: string, seats: string[]): void {
    this.bookings.set(bookingId, seats);
  }

  /** Seats acknowledged to two different bookings (must be empty). */
  doubleSold(): string[] {
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const seats of this.bookings.values()) {
      for (const s of seats) {
        if (seen.has(s)) twice.push(s);
        seen.add(s);
      }
    }
    return twice;
  }

  seats(): Set<string> {
    return new Set([...this.bookings.values()].flat());
  }
}

/** How Postgres, the store and the ledger compare once the dust settled. */
export interface Audit {
  /** Acknowledged seats sold twice (ledger) or live twice in Postgres. */
  doubleSells: number;
  /** Acknowledged bookings missing (or with other seats) in Postgres. */
  lostAcknowledged: string[];
  /** Seats the store shows booked without a live Postgres row. */
  bookedWithoutRow: string[];
  /** Live Postgres seats the store does not show booked (a node died between the two writes). */
  rowNotBooked: string[];
  pgBooked: number;
  acknowledged: number;
}

/** Compares the ledger with Postgres and with the availability that `url` serves. */
export async function audit(cluster: NodeCluster, ledger: Ledger, url: string): Promise<Audit> {
  const { ids } = await seatIndex(cluster, url);
  const rows = await cluster.sql<{ booking_id: string; seat_index: number }>(
    'SELECT booking_id, seat_index FROM booking_seats WHERE live AND event_id = $1',
    [cluster.ev.eventId],
  );
  const pgSeats = new Map<string, string[]>();
  for (const r of rows) {
    pgSeats.set(r.booking_id, [...(pgSeats.get(r.booking_id) ?? []), ids[r.seat_index] as string]);
  }
  const pgAll = rows.map((r) => ids[r.seat_index] as string);
  const lost = [...ledger.bookings].filter(
    ([id, seats]) => [...(pgSeats.get(id) ?? [])].sort().join() !== [...seats].sort().join(),
  );
  const avail = await rest(
    url,
    cluster.ev.publicKey,
    'GET',
    `/events/${cluster.ev.eventId}/availability`,
  );
  const states = avail.body.seats as Record<string, string>;
  const pgSet = new Set(pgAll);
  return {
    doubleSells: ledger.doubleSold().length + (pgAll.length - pgSet.size),
    lostAcknowledged: lost.map(([id]) => id),
    bookedWithoutRow: Object.keys(states).filter((s) => states[s] === 'booked' && !pgSet.has(s)),
    rowNotBooked: pgAll.filter((s) => states[s] !== 'booked'),
    pgBooked: pgAll.length,
    acknowledged: ledger.bookings.size,
  };
}

/** Whether a live client mirrors exactly the snapshot `url` serves now. */
export async function converged(
  cluster: NodeCluster,
  client: LiveEvent,
  url: string,
  index: SeatIndex,
): Promise<boolean> {
  const avail = await rest(
    url,
    cluster.ev.publicKey,
    'GET',
    `/events/${cluster.ev.eventId}/availability?format=packed`,
  );
  if (avail.status !== 200) return false;
  if (client.seq !== avail.body.seq || client.epoch !== avail.body.epoch) return false;
  const packed = Buffer.from(avail.body.packed as string, 'base64');
  return index.ids.every((_, i) => client.status[i] === packed[i]);
}

/** Runs `check`; a failure is rethrown with every node's output, so it shows the nodes' logs. */
export async function withNodeOutput(
  cluster: NodeCluster,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (err) {
    throw new Error(`${String(err)}\n${clusterOutput(cluster)}`, { cause: err });
  }
}

/** A connected live client per node, each counting the snapshots it took since (resyncs). */
export interface NodeWatchers {
  clients: LiveEvent[];
  snapshots: number[];
  /** The event's epoch when they connected. */
  epoch: number;
}

/** Connects a live client to every node of the cluster; `track` collects them for closing. */
export async function watchEveryNode(
  cluster: NodeCluster,
  track: LiveEvent[],
): Promise<NodeWatchers> {
  const { eventId, publicKey } = cluster.ev;
  const clients = cluster.nodes.map((n) => liveClient(n.url, publicKey, eventId));
  track.push(...clients);
  await Promise.all(clients.map((w) => w.connect()));
  const snapshots = clients.map(() => 0);
  clients.forEach((w, i) =>
    w.on('change', ({ source }) => {
      if (source === 'snapshot') snapshots[i]!++;
    }),
  );
  return { clients, snapshots, epoch: clients[0]!.epoch };
}

/**
 * After the store lost the event's state: via every node nothing was sold twice or lost and
 * Postgres and the store agree, the event runs under a newer epoch, and every watcher took a
 * snapshot again and converged. `what` names the scenario in the log.
 */
export async function expectRebuilt(
  cluster: NodeCluster,
  ledger: Ledger,
  index: SeatIndex,
  watched: NodeWatchers,
  what: string,
): Promise<void> {
  const urls = cluster.nodes.map((n) => n.url);
  for (const url of urls) {
    const result = await audit(cluster, ledger, url);
    console.log(`${what} audit via ${url}:`, result);
    expect(result).toMatchObject({
      doubleSells: 0,
      lostAcknowledged: [],
      bookedWithoutRow: [],
      rowNotBooked: [],
    });
  }
  const { eventId, publicKey } = cluster.ev;
  const avail = await rest(urls[0]!, publicKey, 'GET', `/events/${eventId}/availability`);
  expect(avail.body.epoch).toBeGreaterThan(watched.epoch);
  for (const [i, w] of watched.clients.entries()) {
    await waitFor(`watcher ${i} to converge`, () => converged(cluster, w, urls[i]!, index));
  }
  console.log(
    `epoch ${watched.epoch} → ${avail.body.epoch}; snapshots taken: ${watched.snapshots.join(', ')}`,
  );
  expect(watched.snapshots.every((n) => n >= 1)).toBe(true);
}
