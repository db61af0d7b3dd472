// Subscribing over /live: snapshots, deltas since a seq, coalesced seats messages, gaps and epoch
// changes (both answered with resync), and the handshake. Runs on both stores.
import type { SeatsMessage, SnapshotPayload } from '@parterre/seatmaps';
import { PROTOCOL_VERSION, unpackStatus } from '@parterre/seatmaps';
import { describe, expect, it } from 'vitest';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import {
  KEY,
  OTHER_ORG_KEY,
  SEAT_COUNT,
  connected,
  liveFixture,
  request,
  waitFor,
} from './harness.ts';
import type { StoreKind } from './harness.ts';

type SubscribeOk =
  | { ok: true; mode: 'snapshot'; snapshot: SnapshotPayload }
  | { ok: true; mode: 'deltas'; deltas: SeatsMessage };

describe.each<StoreKind>(['memory', 'redis'])('live subscribe (%s store)', (kind) => {
  const { setup, sdk, raw, converged } = liveFixture(kind);

  it('answers a snapshot, then coalesced deltas, and deltas since a recent seq', async () => {
    const { store, node, eventId } = await setup();
    await store.hold(eventId, { token: 't1', seats: [1, 2], ttlMs: 600_000 });
    await store.book(eventId, { seats: [3] });
    const socket = raw(node);
    await connected(socket);
    const first = await request<SubscribeOk>(socket, 'subscribe', { eventId });
    expect(first).toMatchObject({
      ok: true,
      mode: 'snapshot',
      snapshot: { eventId, epoch: 1, seq: 2 },
    });
    if (first.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(first.snapshot.counts).toEqual({ free: 497, held: 2, booked: 1, blocked: 0 });
    expect([...unpackStatus(first.snapshot.status).slice(0, 5)]).toEqual([0, 1, 1, 2, 0]);
    expect(first.snapshot.ga).toEqual([{ areaId: 'floor', capacity: 50, held: 0, booked: 0 }]);

    const messages: SeatsMessage[] = [];
    socket.on('seats', (msg: SeatsMessage) => messages.push(msg));
    for (let i = 10; i < 30; i++)
      await store.hold(eventId, { token: `t${i}`, seats: [i], ttlMs: 600_000 });
    await waitFor('the 20 holds to arrive', () => messages.at(-1)?.seq === 22);
    // Coalesced: far fewer messages than changes, contiguous, covering every change.
    expect(messages.length).toBeLessThan(20);
    expect(messages[0]?.fromSeq).toBe(2);
    for (let i = 1; i < messages.length; i++)
      expect(messages[i]?.fromSeq).toBe(messages[i - 1]?.seq);
    expect(messages.flatMap((m) => m.changes.map(([seat]) => seat)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 10),
    );

    const again = await request<SubscribeOk>(socket, 'subscribe', {
      eventId,
      sinceSeq: 20,
      epoch: 1,
    });
    expect(again).toMatchObject({
      ok: true,
      mode: 'deltas',
      deltas: {
        fromSeq: 20,
        seq: 22,
        changes: [
          [28, 1],
          [29, 1],
        ],
      },
    });
    const wrongEpoch = await request<SubscribeOk>(socket, 'subscribe', {
      eventId,
      sinceSeq: 20,
      epoch: 7,
    });
    expect(wrongEpoch.mode).toBe('snapshot');
  });

  it('keeps SDK clients in sync with counts, hold countdown and typed refusals', async () => {
    const { store, node, eventId } = await setup();
    const a = sdk(node, eventId);
    const b = sdk(node, eventId);
    await Promise.all([a.connect(), b.connect()]);
    expect(a.counts.free).toBe(SEAT_COUNT);
    const hold = await a.hold(['S-5', 'S-6']);
    expect(hold.seats).toEqual(['S-5', 'S-6']);
    expect(a.holdRemainingMs()).toBeGreaterThan(590_000);
    expect(Math.abs(a.serverTimeOffset)).toBeLessThan(1000);
    await expect(b.hold(['S-7', 'S-6'])).rejects.toMatchObject({
      name: 'SeatsUnavailableError',
      seats: ['S-6'],
    });
    await expect(b.hold(['X-1'])).rejects.toMatchObject({ code: 'UNKNOWN_SEATS' });
    await waitFor('b to see the hold', () => b.status[5] === 1 && b.status[6] === 1);
    expect(b.counts).toMatchObject({ free: SEAT_COUNT - 2, held: 2 });
    expect(await a.release(['S-5'])).toEqual(['S-5']);
    expect(a.currentHold?.seats).toEqual(['S-6']);
    expect(await a.release()).toEqual(['S-6']);
    expect(a.currentHold).toBeNull();
    await waitFor(
      'both to converge',
      async () => (await converged(a, store, eventId)) && (await converged(b, store, eventId)),
    );
  });

  it('tells the room to resync when the log no longer reaches back, and clients converge', async () => {
    const { store, node, eventId } = await setup({ logMaxLen: 5, flushIntervalMs: 400 });
    const socket = raw(node);
    await connected(socket);
    await request(socket, 'subscribe', { eventId });
    const live = sdk(node, eventId);
    await live.connect();
    const resyncs: unknown[] = [];
    socket.on('resync', (msg: unknown) => resyncs.push(msg));
    // One change opens the flush window; the rest overflow the 5-entry log before it flushes.
    await store.hold(eventId, { token: 'a', seats: [0], ttlMs: 600_000 });
    await waitFor('the first message', () => live.seq === 1);
    for (let i = 1; i <= 200; i++)
      await store.hold(eventId, { token: `t${i}`, seats: [i], ttlMs: 600_000 });
    await waitFor('a gap resync', () => resyncs.length > 0);
    expect(resyncs[0]).toEqual({ eventId, reason: 'gap' });
    await waitFor('the SDK client to converge', () => converged(live, store, eventId));
    if (kind === 'memory') {
      // The memory log is trimmed exactly; far-back seqs get a snapshot, not deltas.
      const old = await request<SubscribeOk>(socket, 'subscribe', {
        eventId,
        sinceSeq: 1,
        epoch: 1,
      });
      expect(old.mode).toBe('snapshot');
    }
  });

  it('resyncs clients onto a rebuilt state (new epoch)', async () => {
    const { store, node, eventId } = await setup();
    const live = sdk(node, eventId);
    await live.connect();
    for (let i = 0; i < 10; i++)
      await store.hold(eventId, { token: `t${i}`, seats: [i], ttlMs: 600_000 });
    await waitFor('the holds', () => live.seq === 10);
    await store.restoreEvent({
      eventId,
      seatCount: SEAT_COUNT,
      ga: [{ areaId: 'floor', capacity: 50 }],
      booked: [100, 101],
      blocked: [200],
      gaBooked: {},
      epoch: 2,
    });
    await waitFor('the new epoch', () => live.epoch === 2);
    await store.hold(eventId, { token: 'after', seats: [300], ttlMs: 600_000 });
    await waitFor('convergence after restore', () => converged(live, store, eventId));
    expect(live.counts).toEqual({ free: 496, held: 1, booked: 2, blocked: 1 });
  });

  it('refuses bad handshakes clearly, accepts staff cookies, hides other organisations’ events', async () => {
    const { node, eventId } = await setup();
    const badKey = raw(node, { key: 'pk_nope', protocolVersion: PROTOCOL_VERSION });
    await expect(connected(badKey)).rejects.toMatchObject({
      message: 'Invalid or missing API key',
      data: { code: 'INVALID_KEY' },
    });
    const noVersion = raw(node, { key: KEY });
    await expect(connected(noVersion)).rejects.toMatchObject({
      data: { code: 'VALIDATION_FAILED' },
    });

    const future = raw(node, { key: KEY, protocolVersion: PROTOCOL_VERSION + 1 });
    const told = new Promise((resolve) => future.on('incompatible', resolve));
    const dropped = new Promise((resolve) => future.on('disconnect', resolve));
    expect(await told).toEqual({ reason: 'SERVER_TOO_OLD', serverVersion: PROTOCOL_VERSION });
    expect(await dropped).toBe('io server disconnect');

    const staff = raw(node, { protocolVersion: PROTOCOL_VERSION }, { cookie: 'session=staff' });
    await connected(staff);
    expect(await request(staff, 'subscribe', { eventId })).toMatchObject({ ok: true });
    const anonymous = raw(node, { protocolVersion: PROTOCOL_VERSION });
    await expect(connected(anonymous)).rejects.toMatchObject({ data: { code: 'INVALID_KEY' } });

    const other = sdk(node, eventId, OTHER_ORG_KEY);
    await expect(other.connect()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(other.connectionStatus).toBe('closed');
    const stranger = sdk(node, eventId, 'pk_nope');
    await expect(stranger.connect()).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });

  it('close() drops every client and refuses newcomers while the node shuts down', async () => {
    const { node, eventId } = await setup();
    const live = sdk(node, eventId);
    await live.connect();
    const statuses: string[] = [];
    live.on('status', (s) => statuses.push(s));
    await node.live.close();
    await waitFor('the client to go offline', () => statuses.includes('offline'));
    const late = raw(node);
    await expect(connected(late)).rejects.toMatchObject({
      message: 'This node is shutting down; retry',
      data: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(live.connectionStatus).toBe('offline');
  });

  it('loses no change committed between the snapshot read and the subscribe answer', async () => {
    // The live layer's view of the store commits a hold right after its first snapshot read,
    // before the answer leaves: the room (joined before the read) must still deliver it.
    let raced = false;
    const racing = (real: SeatStore): SeatStore =>
      Object.assign(Object.create(real) as SeatStore, {
        snapshot: async (eventId: string) => {
          const snapshot = await real.snapshot(eventId);
          if (!raced) {
            raced = true;
            await real.hold(eventId, { token: 'racer', seats: [42], ttlMs: 600_000 });
          }
          return snapshot;
        },
      });
    const { store, node, eventId } = await setup({ liveStore: racing });
    const live = sdk(node, eventId);
    await live.connect();
    expect(raced).toBe(true);
    await waitFor('the raced hold to arrive', () => live.status[42] === 1);
    expect(await converged(live, store, eventId)).toBe(true);
  });
});
