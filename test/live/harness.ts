// A live-layer node for tests: a real socket.io server on 127.0.0.1:0 with attachLive over a
// real seat store, a fixed layout (SEAT_COUNT seats with ids `S-<i>`) and LiveDeps implemented
// directly on the store, plus SDK clients and a bounded wait for quiescence.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AckError } from '@parterre/seatmaps';
import { Server } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import { LiveEvent } from '../../client-sdk/src/index.ts';
import { attachLive } from '../../engine/src/live/index.ts';
import type {
  LiveDeps,
  LiveEventRef,
  LiveLayer,
  LiveOptions,
  Principal,
} from '../../engine/src/live/index.ts';
import { MemorySeatStore } from '../../engine/src/store/memory/memory-store.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { redisUrl, uniqueName } from '../support/services.ts';

export const SEAT_COUNT = 500;
export const KEY = 'pk_test';
/** A valid key of another organisation: it must not see our events. */
export const OTHER_ORG_KEY = 'pk_other';

export const seatIds: readonly string[] = Array.from({ length: SEAT_COUNT }, (_, i) => `S-${i}`);

function layoutOf(eventId: string): LiveEventRef {
  return {
    eventId,
    seatIds,
    indexOf: (id) => {
      const match = /^S-(\d+)$/.exec(id);
      const index = match ? Number(match[1]) : -1;
      return index >= 0 && index < SEAT_COUNT ? index : undefined;
    },
  };
}

const coded = (code: string, message: string, seats?: string[]) =>
  Object.assign(new Error(message), { code, ...(seats ? { details: { seats } } : {}) });

/** LiveDeps over `store`: events in `events` belong to org-a; holds live 10 minutes. */
export function storeDeps(store: SeatStore, events: Set<string>): LiveDeps {
  const principals: Record<string, Principal> = {
    [KEY]: { orgId: 'org-a', keyKind: 'public' },
    [OTHER_ORG_KEY]: { orgId: 'org-b', keyKind: 'public' },
  };
  const resolve = (principal: Principal, eventId: string) =>
    principal.orgId === 'org-a' && events.has(eventId) ? layoutOf(eventId) : null;
  const indexes = (eventId: string, ids: string[]) => {
    const layout = layoutOf(eventId);
    const unknown = ids.filter((id) => layout.indexOf(id) === undefined);
    if (unknown.length)
      throw coded('UNKNOWN_SEATS', `Unknown seats ${unknown.join(', ')}`, unknown);
    return ids.map((id) => layout.indexOf(id) as number);
  };
  return {
    store,
    // A staff session travels as a cookie instead of a key.
    authenticate: async ({ key }, { headers }) =>
      key
        ? (principals[key] ?? null)
        : headers.cookie === 'session=staff'
          ? { orgId: 'org-a', keyKind: 'staff' }
          : null,
    resolveEvent: async (principal, eventId) => resolve(principal, eventId),
    ensureLive: (eventId) => store.initEvent({ eventId, seatCount: SEAT_COUNT, ga: [] }),
    async hold(principal, req) {
      if (!resolve(principal, req.eventId)) throw coded('NOT_FOUND', 'Event not found');
      const token = req.holdToken ?? randomUUID();
      const seats = indexes(req.eventId, req.seats);
      const held = await store.hold(req.eventId, { token, seats, ttlMs: 600_000 });
      return {
        holdToken: token,
        expiresAt: held.expiresAt,
        seats: held.seats.map((i) => `S-${i}`),
      };
    },
    async release(principal, req) {
      if (!resolve(principal, req.eventId)) throw coded('NOT_FOUND', 'Event not found');
      const seats = req.seats ? indexes(req.eventId, req.seats) : undefined;
      const res = await store.release(req.eventId, {
        token: req.holdToken,
        ...(seats ? { seats } : {}),
      });
      return { released: res.released.map((i) => `S-${i}`) };
    },
  };
}

/** One engine node: socket.io server + live layer. */
export interface LiveNode {
  url: string;
  io: Server;
  live: LiveLayer;
  close(): Promise<void>;
}

/** Starts a node on 127.0.0.1:0 serving `deps`. */
export async function startNode(deps: LiveDeps, options: LiveOptions = {}): Promise<LiveNode> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket', 'polling'] });
  const live = attachLive(io, deps, { flushIntervalMs: 30, ...options });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    live,
    async close() {
      await live.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type StoreKind = 'memory' | 'redis';

/** A fresh store of `kind` (Redis: on its own prefix); `cleanup` drops `events` and closes it. */
export function openStore(
  kind: StoreKind,
  logMaxLen?: number,
): {
  store: SeatStore;
  prefix: string;
  cleanup(events: Iterable<string>): Promise<void>;
} {
  const prefix = `${uniqueName('live')}:`;
  const store: SeatStore =
    kind === 'redis'
      ? new RedisSeatStore({ redis: redisUrl(), prefix, ...(logMaxLen ? { logMaxLen } : {}) })
      : new MemorySeatStore(logMaxLen ? { logMaxLen } : {});
  return {
    store,
    prefix,
    async cleanup(events) {
      for (const eventId of events) await store.dropEvent(eventId);
      await store.close();
    },
  };
}

/** A second store on the same Redis prefix: another node's view of the same state. */
export function peerStore(prefix: string): RedisSeatStore {
  return new RedisSeatStore({ redis: redisUrl(), prefix });
}

/** Waits until the Redis store's change subscription is active (no-op for memory). */
export async function storeReady(store: SeatStore): Promise<void> {
  if (store instanceof RedisSeatStore) await store.subscribed();
}

/** An SDK client of `eventId` on `url` (websocket only, fast reconnects). */
export function client(url: string, eventId: string, key = KEY): LiveEvent {
  return new LiveEvent({
    url,
    key,
    eventId,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
}

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether two status arrays are equal. */
export function sameStatus(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A bare socket.io-client socket on /live, for protocol-level assertions. */
export function rawSocket(
  url: string,
  auth: unknown = { key: KEY, protocolVersion: 1 },
  headers: Record<string, string> = {},
): ClientSocket {
  return ioClient(`${url}/live`, {
    auth: auth as Record<string, unknown>,
    extraHeaders: headers,
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
  });
}

/** Emits `name` with `args` and resolves with the ack. */
export function request<T = AnyAck>(
  socket: ClientSocket,
  name: string,
  ...args: unknown[]
): Promise<T> {
  return socket.timeout(5000).emitWithAck(name, ...args) as Promise<T>;
}

type AnyAck = { ok: boolean; serverTime: number; error?: AckError } & Record<string, unknown>;

/** Resolves when `socket` connected, rejects with the connect_error. */
export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/**
 * One event (`ev1`: SEAT_COUNT seats, a 50-place `floor`) on a fresh store of `kind` served by a
 * live node, plus SDK clients and raw sockets on it; all are closed after each test (call inside a
 * `describe`). `liveStore` wraps the store the live layer sees (a spy, a delayed answer).
 * @example const live = liveFixture('memory'); const { node, eventId } = await live.setup();
 */
export function liveFixture(kind: StoreKind) {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  return {
    async setup(
      opts: {
        logMaxLen?: number;
        flushIntervalMs?: number;
        liveStore?: (s: SeatStore) => SeatStore;
      } = {},
    ) {
      const { store, cleanup } = openStore(kind, opts.logMaxLen);
      const eventId = 'ev1';
      await store.initEvent({
        eventId,
        seatCount: SEAT_COUNT,
        ga: [{ areaId: 'floor', capacity: 50 }],
      });
      await storeReady(store);
      const deps = storeDeps(opts.liveStore?.(store) ?? store, new Set([eventId]));
      const node = await startNode(deps, {
        ...(opts.flushIntervalMs ? { flushIntervalMs: opts.flushIntervalMs } : {}),
      });
      cleanups.push(() => cleanup([eventId]));
      cleanups.push(() => node.close());
      return { store, node, eventId };
    },
    /** An SDK client, closed after the test. */
    sdk(node: LiveNode, eventId: string, key = KEY): LiveEvent {
      const live = client(node.url, eventId, key);
      cleanups.push(async () => live.close());
      return live;
    },
    /** A raw socket (see rawSocket), disconnected after the test. */
    raw(node: LiveNode, auth?: unknown, headers?: Record<string, string>): ClientSocket {
      const socket = rawSocket(node.url, auth, headers);
      cleanups.push(async () => void socket.disconnect());
      return socket;
    },
    /** Whether `live` mirrors exactly the store's current snapshot. */
    async converged(live: LiveEvent, store: SeatStore, eventId: string): Promise<boolean> {
      const snap = await store.snapshot(eventId);
      return (
        live.seq === snap.seq && live.epoch === snap.epoch && sameStatus(live.status, snap.status)
      );
    },
  };
}
