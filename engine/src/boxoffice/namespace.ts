// The staff-only `/boxoffice` socket.io namespace. The handshake is /live's (protocol version,
// then a secret key in `auth.key` or the studio's staff session cookie); public keys are refused
// with connect_error FORBIDDEN. Every staff role may watch (the box office only reads here: it
// sells through REST and /live). Commands: `subscribe {eventId}` → ack with a snapshot, then
// `stats` pushes to the event's room; `unsubscribe {eventId}`.
import { BOXOFFICE_NAMESPACE, BoxOfficeSubscribeRequest } from '@parterre/seatmaps';
import type { Namespace, Server, Socket } from 'socket.io';
import type { EngineContext } from '../context.ts';
import { errorAck, failAck, isInternal, okAck, validationAck } from '../live/acks.ts';
import type { FailedAck } from '../live/acks.ts';
import { engineLiveDeps } from '../live/engine-deps.ts';
import { dropIfIncompatible, handshakeMiddleware, refusal } from '../live/handshake.ts';
import type { LiveSocketData } from '../live/handshake.ts';
import { TokenBucket } from '../live/token-bucket.ts';
import { boardRoom } from './hub.ts';

/** How many events one socket may watch at once. */
const MAX_WATCHED = 20;

type AnyAck = ({ ok: true; serverTime: number } & object) | FailedAck;

export interface BoxOfficeLayer {
  readonly namespace: Namespace;
  close(): Promise<void>;
}

function registerCommands(socket: Socket, ctx: EngineContext, orgId: string): void {
  const hub = ctx.boxoffice;
  const watched = new Set<string>();
  const bucket = new TokenBucket(10, 20);
  const on = (name: string, handler: (raw: unknown) => Promise<AnyAck>, ackOptional = false) => {
    socket.on(name, (...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (last as (res: AnyAck) => void) : undefined;
      if (!ack && !ackOptional) return;
      const wait = bucket.take();
      if (wait > 0) {
        ack?.(
          failAck('RATE_LIMITED', `Too many commands; retry in ${wait} ms`, { retryAfterMs: wait }),
        );
        return;
      }
      handler(ack ? args.slice(0, -1)[0] : args[0]).then(
        (res) => ack?.(res),
        (err: unknown) => {
          if (isInternal(err))
            ctx.logger.error({ err, command: name }, 'box office command failed');
          ack?.(errorAck(err));
        },
      );
    });
  };
  on('subscribe', async (raw) => {
    const req = BoxOfficeSubscribeRequest.safeParse(raw);
    if (!req.success) return validationAck(req.error);
    const { eventId } = req.data;
    if (watched.has(eventId)) {
      hub.unwatch(orgId, eventId);
      watched.delete(eventId);
    }
    if (watched.size >= MAX_WATCHED) {
      return failAck('VALIDATION_FAILED', `Watch at most ${MAX_WATCHED} events per connection`);
    }
    watched.add(eventId);
    try {
      const { room, snapshot } = await hub.watch(orgId, eventId);
      // Join before answering, in the same tick as the snapshot: no push can fall between.
      // Unsubscribed or disconnected meanwhile: whoever removed it already unwatched.
      if (!watched.has(eventId)) return failAck('NOT_FOUND', `Not subscribed to ${eventId}`);
      await socket.join(room);
      return okAck({ snapshot });
    } catch (err) {
      watched.delete(eventId);
      throw err;
    }
  });
  on(
    'unsubscribe',
    async (raw) => {
      const req = BoxOfficeSubscribeRequest.safeParse(raw);
      if (!req.success) return validationAck(req.error);
      const { eventId } = req.data;
      if (watched.delete(eventId)) {
        hub.unwatch(orgId, eventId);
        await socket.leave(boardRoom(orgId, eventId));
      }
      return okAck({});
    },
    true,
  );
  socket.on('disconnect', () => {
    for (const eventId of watched) hub.unwatch(orgId, eventId);
    watched.clear();
  });
}

/**
 * Registers `/boxoffice` on `io` and makes the context's hub push to it.
 * @example const boxoffice = attachBoxOffice(io, ctx); // on shutdown: await boxoffice.close();
 */
export function attachBoxOffice(io: Server, ctx: EngineContext): BoxOfficeLayer {
  const nsp = io.of(BOXOFFICE_NAMESPACE);
  let closing = false;
  nsp.use((_socket, next) =>
    next(closing ? refusal('SERVICE_UNAVAILABLE', 'This node is shutting down; retry') : undefined),
  );
  nsp.use(handshakeMiddleware(engineLiveDeps(ctx)));
  nsp.use((socket, next) => {
    const { principal } = socket.data as LiveSocketData;
    if (principal?.keyKind === 'public') {
      next(refusal('FORBIDDEN', 'The box office needs a staff login or a secret key'));
      return;
    }
    next();
  });
  nsp.on('connection', (socket) => {
    if (dropIfIncompatible(socket)) return;
    const { principal } = socket.data as LiveSocketData;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    registerCommands(socket, ctx, principal.orgId);
  });
  // Each node pushes its own boards to its own sockets: never through a cross-node adapter.
  ctx.boxoffice.setOutput({
    stats: (room, msg) => nsp.local.to(room).emit('stats', msg),
    snapshot: (room, msg) => nsp.local.to(room).emit('snapshot', msg),
  });
  return {
    namespace: nsp,
    async close() {
      closing = true;
      nsp.disconnectSockets(true);
    },
  };
}
