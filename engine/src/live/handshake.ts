// The handshake: a client must speak our protocol version and present a valid key. A version
// mismatch is answered on a connected socket with `incompatible` (so the client can show why and
// stop reconnecting); a malformed handshake or a bad key is refused with connect_error, whose
// message and `data.code` say what is wrong (also a refusal of the dependencies': a key used from
// an origin it does not allow, a cross-site cookie, an address blocked for failed attempts).
//
// A staff session can end while its socket is open (logout, password change, removed role). When
// the dependencies can re-check a principal, every command re-checks it first (they cache briefly),
// a session change on this node re-checks the user's sockets at once, and every socket is
// re-checked periodically so sessions ended on another node drop their sockets too.
import { HandshakeAuth, IncompatibilityReason, PROTOCOL_VERSION } from '@parterre/seatmaps';
import type { Socket } from 'socket.io';
import { failAck } from './acks.ts';
import type { LiveDeps, Principal } from './deps.ts';

/** How often an idle socket's session is re-checked (ms). */
export const SESSION_RECHECK_MS = 15_000;

/** What the live layer keeps on each socket. */
export interface LiveSocketData {
  principal?: Principal;
  incompatible?: IncompatibilityReason;
}

/** An error socket.io sends to the client as connect_error (`err.message`, `err.data`). */
export function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

/** socket.io namespace middleware authenticating each connection. */
export function handshakeMiddleware(deps: LiveDeps) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const data = socket.data as LiveSocketData;
    const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'auth'}: ${i.message}`,
      );
      next(refusal('VALIDATION_FAILED', `Invalid handshake auth: ${problems.join('; ')}`));
      return;
    }
    const { protocolVersion } = parsed.data;
    if (protocolVersion !== PROTOCOL_VERSION) {
      data.incompatible =
        protocolVersion < PROTOCOL_VERSION
          ? IncompatibilityReason.ClientTooOld
          : IncompatibilityReason.ServerTooOld;
      next();
      return;
    }
    let principal: Principal | null;
    try {
      const { headers, address } = socket.handshake;
      principal = await deps.authenticate(parsed.data, { headers, address });
    } catch (err) {
      const refused = clientRefusal(err);
      if (refused) {
        next(refused);
        return;
      }
      deps.log?.error({ err }, 'live: authentication failed');
      next(refusal('SERVICE_UNAVAILABLE', 'Authentication is unavailable; retry later'));
      return;
    }
    if (!principal) {
      next(refusal(IncompatibilityReason.InvalidKey, 'Invalid or missing API key'));
      return;
    }
    data.principal = principal;
    if (deps.revalidate && principal.keyKind === 'staff') watchSession(socket, principal, deps);
    next();
  };
}

/** A refusal for errors that are the client's (a coded 4xx), else undefined. */
function clientRefusal(err: unknown): Error | undefined {
  const { code, status, message } = (err ?? {}) as {
    code?: unknown;
    status?: unknown;
    message?: unknown;
  };
  if (typeof code !== 'string' || typeof status !== 'number' || status >= 500) return undefined;
  return refusal(code, typeof message === 'string' ? message : code);
}

const SESSION_ENDED = 'Your session has ended or changed organisation; log in again';

/**
 * Keeps a staff socket's principal current: before each command (the command's ack gets
 * UNAUTHORIZED and the socket is dropped once the session ended), when the user's sessions change
 * on this node, and every SESSION_RECHECK_MS. A role change updates the principal in place, so
 * the commands see the new role.
 */
function watchSession(socket: Socket, principal: Principal, deps: LiveDeps): void {
  const revalidate = deps.revalidate!;
  const end = () => socket.disconnect(true);
  const recheck = (fresh: boolean) =>
    revalidate(principal, fresh).then(
      (current) => {
        if (current) Object.assign(principal, current);
        return current;
      },
      (err: unknown) => {
        deps.log?.warn({ err }, 'live: session re-check failed');
        return undefined;
      },
    );
  const recheckOrEnd = () => void recheck(true).then((current) => current === null && end());
  socket.use((packet, next) => {
    const ack = packet.at(-1);
    void recheck(false).then((current) => {
      if (current) {
        next();
        return;
      }
      // The refusal goes out before the disconnect, so the client learns why.
      if (typeof ack === 'function') {
        ack(
          current === null
            ? failAck('UNAUTHORIZED', SESSION_ENDED)
            : failAck('SERVICE_UNAVAILABLE', 'Cannot check your session right now; retry'),
        );
      }
      if (current === null) end();
    });
  });
  const stop = deps.onSessionsChanged?.((userId) => {
    if (userId === principal.userId) recheckOrEnd();
  });
  const unwatch = () => {
    clearInterval(timer);
    stop?.();
  };
  // A later middleware may still refuse the socket, which then never connects nor disconnects.
  const timer = setInterval(
    () => (socket.connected ? recheckOrEnd() : unwatch()),
    SESSION_RECHECK_MS,
  );
  timer.unref();
  socket.once('disconnect', unwatch);
}

/** Answers an incompatible client and drops it; returns whether it did. */
export function dropIfIncompatible(socket: Socket): boolean {
  const reason = (socket.data as LiveSocketData).incompatible;
  if (!reason) return false;
  socket.emit('incompatible', { reason, serverVersion: PROTOCOL_VERSION });
  socket.disconnect(true);
  return true;
}
