// Two engine nodes (two socket.io servers, two Redis stores on one prefix): a hold made through
// node B reaches a client of node A, and both nodes' clients converge on the shared state.
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEAT_COUNT,
  client,
  openStore,
  peerStore,
  sameStatus,
  startNode,
  storeDeps,
  storeReady,
  waitFor,
} from './harness.ts';

describe('live across nodes (redis store)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('delivers a hold made on node B to a client of node A', async () => {
    const { store: storeA, prefix, cleanup } = openStore('redis');
    const storeB = peerStore(prefix);
    const eventId = 'ev1';
    const events = new Set([eventId]);
    await storeA.initEvent({ eventId, seatCount: SEAT_COUNT, ga: [] });
    await Promise.all([storeReady(storeA), storeReady(storeB)]);
    const nodeA = await startNode(storeDeps(storeA, events));
    const nodeB = await startNode(storeDeps(storeB, events));
    cleanups.push(() => cleanup([eventId]));
    cleanups.push(() => storeB.close());
    cleanups.push(() => nodeA.close());
    cleanups.push(() => nodeB.close());

    const onA = client(nodeA.url, eventId);
    const onB = client(nodeB.url, eventId);
    cleanups.push(async () => [onA, onB].forEach((c) => c.close()));
    await Promise.all([onA.connect(), onB.connect()]);

    const changes: number[][] = [];
    onA.on('change', ({ seats }) => changes.push(seats));
    const hold = await onB.hold(['S-10', 'S-11']);
    expect(hold.seats).toEqual(['S-10', 'S-11']);
    await waitFor(
      'node A’s client to see node B’s hold',
      () => onA.status[10] === 1 && onA.status[11] === 1,
    );
    expect(changes.flat()).toEqual([10, 11]);

    await storeB.book(eventId, { seats: [20] });
    await onA.hold(['S-30']);
    await waitFor('both clients to converge', async () => {
      const snap = await storeA.snapshot(eventId);
      return [onA, onB].every((c) => c.seq === snap.seq && sameStatus(c.status, snap.status));
    });
    expect(onB.status[30]).toBe(1);
    // Each node relays only its own feed: no duplicate deliveries from a shared adapter.
    expect(nodeA.live.stats().changes).toBe(3);
    expect(nodeB.live.stats().changes).toBe(3);
  });
});
