// The handshake: a client must speak our protocol version and present a valid key. A version
// mismatch is answered on a connected socket with `incompatible` (so the client can show why and
// stop reconnecting); a malformed handshake or a bad key is refused with connect_error, whose
// message and `data.code` say what is wrong.
import { HandshakeAuth, IncompatibilityReason, PROTOCOL_VERSION } from '@parterre/seatmaps';
import type { Socket } from 'socket.io';
import type { LiveDeps, Principal } from './deps.ts';

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
      deps.log?.error({ err }, 'live: authentication failed');
      next(refusal('SERVICE_UNAVAILABLE', 'Authentication is unavailable; retry later'));
      return;
    }
    if (!principal) {
      next(refusal(IncompatibilityReason.InvalidKey, 'Invalid or missing API key'));
      return;
    }
    data.principal = principal;
    next();
  };
}

/** Answers an incompatible client and drops it; returns whether it did. */
export function dropIfIncompatible(socket: Socket): boolean {
  const reason = (socket.data as LiveSocketData).incompatible;
  if (!reason) return false;
  socket.emit('incompatible', { reason, serverVersion: PROTOCOL_VERSION });
  socket.disconnect(true);
  return true;
}
