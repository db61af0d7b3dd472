// Two engine nodes in this process for box-office tests: two contexts on one Postgres schema and
// one Redis prefix (each with its own connections, store, hub and bus), each serving HTTP and
// socket.io on a loopback port; plus a box-office client that applies snapshots and `stats`
// pushes the way the studio does, so tests assert on what a screen would show.
import {
  BOXOFFICE_NAMESPACE,
  PROTOCOL_VERSION,
  type BoxOfficeSnapshot,
  type BoxOfficeStats,
  type BoxOfficeSubscribeAck,
} from '@parterre/seatmaps';
import { pino } from 'pino';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { createEngineContext, type EngineContext } from '../../engine/src/context.ts';
import { startServer, type RunningServer } from '../../engine/src/server.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

export interface TwoNodes {
  engine: TestEngine;
  a: RunningServer;
  b: RunningServer;
  ctxB: EngineContext;
  seeded: SeededEvent;
  close(): Promise<void>;
}

/** Node A (the test engine's context) and node B (a second context on the same services). */
export async function startTwoNodes(): Promise<TwoNodes> {
  const engine = await testEngine();
  const ctxB = await createEngineContext(engine.ctx.config, { logger: pino({ level: 'silent' }) });
  const listen = { port: 0, host: '127.0.0.1', studioDir: '/nonexistent', demoDir: '/nonexistent' };
  const a = await startServer(engine.ctx, listen);
  const b = await startServer(ctxB, listen);
  const seeded = await seedEvent(engine.ctx);
  return {
    engine,
    a,
    b,
    ctxB,
    seeded,
    async close() {
      await b.close(100);
      // A's server closes A's context; dispose() then drops the schema and keys.
      await a.close(100);
      await engine.dispose().catch(() => undefined);
    },
  };
}

/** A /boxoffice socket (auth: a key, or none with a session cookie in `headers`). */
export function boxOfficeSocket(
  url: string,
  key: string | undefined,
  headers: Record<string, string> = {},
): ClientSocket {
  return ioClient(`${url}${BOXOFFICE_NAMESPACE}`, {
    auth: { ...(key ? { key } : {}), protocolVersion: PROTOCOL_VERSION },
    extraHeaders: headers,
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
  });
}

/** Resolves when `socket` connected, rejects with the connect_error. */
export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** What a box-office screen knows: the snapshot with every push applied. */
export class BoardView {
  state: BoxOfficeSnapshot | undefined;
  readonly messages: BoxOfficeStats[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.on('stats', (msg: BoxOfficeStats) => {
      this.messages.push(msg);
      const s = this.state;
      if (!s || msg.eventId !== s.eventId) return;
      if (msg.counters) s.counters = msg.counters;
      if (msg.velocity) s.velocity = msg.velocity;
      if (msg.attendance) s.attendance = msg.attendance;
      if (msg.salesOpen !== undefined) s.salesOpen = msg.salesOpen;
      if (msg.soldFirst) s.soldOrder.push(...msg.soldFirst);
      if (msg.feed) s.feed = [...s.feed, ...msg.feed].slice(-50);
    });
    socket.on('snapshot', (msg: BoxOfficeSnapshot) => (this.state = msg));
  }

  async subscribe(eventId: string): Promise<BoxOfficeSubscribeAck> {
    const ack = (await this.socket
      .timeout(10_000)
      .emitWithAck('subscribe', { eventId })) as BoxOfficeSubscribeAck;
    if (ack.ok) this.state = ack.snapshot;
    return ack;
  }
}

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
