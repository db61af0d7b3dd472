// Subscribes that arrive together share one snapshot read (engine/src/live/shared-reads.ts): a
// rush of sockets costs the store one snapshot per event per flush window, and every subscriber
// still gets a state read after it joined the room (the shared snapshot patched with the changes
// since it), so none misses a change. Real live layer, real stores, socket.io clients; the
// store is the real one seen through a counting spy.
import type { SeatsMessage, SnapshotPayload } from '@parterre/seatmaps';
import { unpackStatus } from '@parterre/seatmaps';
import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { SEAT_COUNT, connected, liveFixture, request, sameStatus, waitFor } from './harness.ts';
import type { LiveNode, StoreKind } from './harness.ts';

type SubscribeOk =
  | { ok: true; mode: 'snapshot'; snapshot: SnapshotPayload }
  | { ok: true; mode: 'deltas'; deltas: SeatsMessage };

/** The real store, counting its snapshot reads; `gate` (when set) delays their answers. */
function spyOn(real: SeatStore) {
  const spy = {
    snapshots: 0,
    gate: undefined as Promise<void> | undefined,
    store: Object.assign(Object.create(real) as SeatStore, {
      snapshot: async (eventId: string, now?: number) => {
        spy.snapshots++;
        const snapshot = await real.snapshot(eventId, now);
        await spy.gate;
        return snapshot;
      },
    }),
  };
  return spy;
}

describe.each<StoreKind>(['memory', 'redis'])('shared subscribe reads (%s store)', (kind) => {
  const live = liveFixture(kind);
  const { sdk, converged } = live;

  async function setup(flushIntervalMs: number) {
    let spy!: ReturnType<typeof spyOn>;
    const { store, node, eventId } = await live.setup({
      flushIntervalMs,
      liveStore: (s) => (spy = spyOn(s)).store,
    });
    return { store, spy, node, eventId };
  }

  async function raw(node: LiveNode): Promise<ClientSocket> {
    const socket = live.raw(node);
    await connected(socket);
    return socket;
  }

  it('serves N concurrent subscribes with 1 store snapshot, changes in between included', async () => {
    // A flush window longer than the rush: every subscribe of this test falls into it.
    const { store, spy, node, eventId } = await setup(3000);
    await store.hold(eventId, { token: 'before', seats: [1, 2], ga: [], ttlMs: 600_000 });
    const clients = Array.from({ length: 40 }, () => sdk(node, eventId));
    let n = 0;
    // Seats change while the subscribes arrive: later subscribers get the shared snapshot
    // patched with what changed since it.
    const changing = (async () => {
      for (; n < 20; n++) {
        await store.hold(eventId, { token: `t${n}`, seats: [100 + n], ttlMs: 600_000 });
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await Promise.all([...clients.map((c) => c.connect()), changing]);

    expect(spy.snapshots).toBe(1);
    const stats = node.live.stats();
    expect(stats.snapshotReads).toBe(1);
    expect(stats.sharedSnapshots).toBe(clients.length - 1);
    // Change reads are shared too: far fewer than subscribers.
    expect(stats.changeReads).toBeLessThan(clients.length);
    for (const c of clients) {
      expect(c.status[1]).toBe(1);
      expect(c.counts.held).toBeGreaterThanOrEqual(2);
    }
    await waitFor('every client to converge on the store', async () => {
      for (const c of clients) if (!(await converged(c, store, eventId))) return false;
      return true;
    });
    expect(clients[0]?.counts).toMatchObject({ held: 22, free: SEAT_COUNT - 22 });
  });

  it('gives a subscriber that joined during the shared read the change committed after it', async () => {
    const { store, spy, node, eventId } = await setup(30);
    let open!: () => void;
    spy.gate = new Promise<void>((resolve) => (open = resolve));
    const first = await raw(node);
    const late = await raw(node);
    const seen: SeatsMessage[] = [];
    first.on('seats', (msg: SeatsMessage) => seen.push(msg));

    // `first` starts the snapshot read (held at the gate), then a hold commits after the read.
    const firstAnswer = request<SubscribeOk>(first, 'subscribe', { eventId });
    await waitFor('the snapshot read', () => spy.snapshots === 1);
    await store.hold(eventId, { token: 'racer', seats: [42], ga: [], ttlMs: 600_000 });
    // `late` joins while that read is in flight, then the read answers.
    const lateAnswer = request<SubscribeOk>(late, 'subscribe', { eventId });
    const room = () => node.live.namespace.adapter.rooms.get(`ev:${eventId}`)?.size ?? 0;
    await waitFor('the late subscriber to join the room', () => room() === 2);
    open();
    const [a, b] = await Promise.all([firstAnswer, lateAnswer]);

    expect(spy.snapshots).toBe(1);
    if (a.mode !== 'snapshot' || b.mode !== 'snapshot') throw new Error('expected snapshots');
    // `first` read before the hold: it gets seq 0 and the hold as a seats message.
    expect(a.snapshot.seq).toBe(0);
    expect(unpackStatus(a.snapshot.status)[42]).toBe(0);
    await waitFor('the hold to reach the first subscriber', () =>
      seen.some((m) => m.fromSeq === 0 && m.changes.some(([seat]) => seat === 42)),
    );
    // `late` joined after the read started: the shared snapshot comes patched to seq 1.
    expect(b.snapshot).toMatchObject({
      eventId,
      epoch: 1,
      seq: 1,
      counts: { free: SEAT_COUNT - 1, held: 1, booked: 0, blocked: 0 },
      ga: [{ areaId: 'floor', capacity: 50, held: 0, booked: 0 }],
    });
    expect(unpackStatus(b.snapshot.status)[42]).toBe(1);
    expect(
      sameStatus(unpackStatus(b.snapshot.status), (await store.snapshot(eventId)).status),
    ).toBe(true);
  });

  it('shares one change read among clients resubscribing from the same seq', async () => {
    const { store, node, eventId } = await setup(30);
    await store.hold(eventId, {
      token: 'a',
      seats: [7],
      ga: [{ areaId: 'floor', quantity: 3 }],
      ttlMs: 600_000,
    });
    const sockets = await Promise.all(Array.from({ length: 20 }, () => raw(node)));
    const base = node.live.stats().changeReads;
    const answers = await Promise.all(
      sockets.map((s) => request<SubscribeOk>(s, 'subscribe', { eventId, sinceSeq: 0, epoch: 1 })),
    );
    for (const answer of answers) {
      expect(answer).toMatchObject({
        ok: true,
        mode: 'deltas',
        deltas: { fromSeq: 0, seq: 1, changes: [[7, 1]] },
      });
    }
    expect(node.live.stats().changeReads - base).toBeLessThan(sockets.length);
    expect(node.live.stats().snapshotReads).toBe(0);
  });

  it('reads a new snapshot once the flush window is over', async () => {
    const { store, spy, node, eventId } = await setup(30);
    const a = sdk(node, eventId);
    await a.connect();
    await store.hold(eventId, { token: 'x', seats: [9], ttlMs: 600_000 });
    await new Promise((r) => setTimeout(r, 100));
    const b = sdk(node, eventId);
    await b.connect();
    expect(spy.snapshots).toBe(2);
    expect(b.status[9]).toBe(1);
    expect(b.seq).toBe(1);
  });
});
