// The box office's two sockets on one connection (socket.io multiplexes namespaces): /live for
// seat states and /boxoffice for running statistics. Authenticated like REST: the API key when
// the studio has one, otherwise the staff session cookie the browser sends with the handshake.
import { PROTOCOL_VERSION } from '@parterre/seatmaps';
import { io, type Socket } from 'socket.io-client';

/** Opens `namespace` on the page's own origin. */
export function openSocket<S extends Socket>(namespace: string, apiKey: string | null): S {
  return io(namespace, {
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    auth: { protocolVersion: PROTOCOL_VERSION, ...(apiKey ? { key: apiKey } : {}) },
  }) as S;
}

/** A connect_error or incompatible message in plain words. */
export function connectProblem(err: Error & { data?: { code?: string } }): string {
  const code = err.data?.code;
  if (code === 'INVALID_KEY') return 'The engine did not accept this sign-in for live updates.';
  if (code === 'SERVICE_UNAVAILABLE') return 'The engine is busy or restarting; retrying…';
  return `Live updates are disconnected (${err.message}); retrying…`;
}
