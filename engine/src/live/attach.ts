// Wires the live layer onto a socket.io server: the /live namespace, its handshake, the command
// handlers and the node's single change feed.
import { LIVE_NAMESPACE } from '@parterre/seatmaps';
import type { Namespace, Server } from 'socket.io';
import { ChangeFeed } from './change-feed.ts';
import type { FeedStats } from './change-feed.ts';
import { loaded, registerCommands } from './commands.ts';
import type { LiveDeps, LiveOptions } from './deps.ts';
import { dropIfIncompatible, handshakeMiddleware, refusal } from './handshake.ts';
import type { LiveSocketData } from './handshake.ts';
import { SharedReads } from './shared-reads.ts';
import type { SharedReadStats } from './shared-reads.ts';

/** A running live layer. */
export interface LiveLayer {
  /** The `/live` namespace. */
  readonly namespace: Namespace;
  /** Messages, changes and resyncs this node has broadcast; subscribe reads and how many were shared. */
  stats(): FeedStats & SharedReadStats;
  /** Graceful shutdown: stops the change feed and disconnects every live socket. */
  close(): Promise<void>;
}

const shuttingDown = () => refusal('SERVICE_UNAVAILABLE', 'This node is shutting down; retry');

const DEFAULTS: Required<LiveOptions> = {
  flushIntervalMs: 50,
  commandRate: 20,
  commandBurst: 40,
  maxSubscriptionsPerSocket: 10,
};

/**
 * Registers the `/live` namespace on `io`: clients authenticate with `auth: { key,
 * protocolVersion }`, subscribe to events, and receive coalesced `seats` messages.
 *
 * @example
 * const io = new Server(httpServer, { transports: ['websocket', 'polling'] });
 * const live = attachLive(io, deps, { flushIntervalMs: 50 });
 * // on shutdown:
 * await live.close();
 */
export function attachLive(io: Server, deps: LiveDeps, options: LiveOptions = {}): LiveLayer {
  const opts = { ...DEFAULTS, ...options };
  const nsp = io.of(LIVE_NAMESPACE);
  const feed = new ChangeFeed({
    store: deps.store,
    nsp,
    flushIntervalMs: opts.flushIntervalMs,
    ensureLive: (eventId) => deps.ensureLive(eventId),
    log: deps.log,
  });
  // One snapshot read per event per flush window serves every subscriber of that window.
  const reads = new SharedReads(
    {
      snapshot: (eventId) => loaded(deps, eventId, () => deps.store.snapshot(eventId)),
      changesSince: (eventId, since) =>
        loaded(deps, eventId, () => deps.store.changesSince(eventId, since)),
    },
    opts.flushIntervalMs,
  );
  const ctx = { deps, feed, reads, ...opts };

  let closing = false;
  // After close(), refuse newcomers (SDK clients retry, typically landing on another node).
  nsp.use((_socket, next) => next(closing ? shuttingDown() : undefined));
  nsp.use(handshakeMiddleware(deps));
  nsp.on('connection', (socket) => {
    if (dropIfIncompatible(socket)) return;
    const { principal } = socket.data as LiveSocketData;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    registerCommands(socket, principal, ctx);
  });

  return {
    namespace: nsp,
    stats: () => ({ ...feed.stats, ...reads.stats }),
    async close() {
      closing = true;
      feed.close();
      reads.clear();
      nsp.disconnectSockets(true);
    },
  };
}
