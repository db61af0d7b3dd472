// "Some sessions of this user ended or changed organisation" (logout, password change, switch),
// told to every node at once so each re-checks the user's live sockets and drops those whose
// session is gone. The node where it happened hears it synchronously, as before; with Redis one
// PUBLISH on `<prefix>sessions` carries it to the other nodes (a node ignores its own messages, so
// a Redis outage never delays the local drop). Delivery is at most once: a signal only triggers a
// re-read of the sessions in Postgres, and the live layer's periodic re-check stays the backstop
// for a message lost while a subscriber was reconnecting or Redis was unreachable.
import type { PubSubClient } from '../pubsub/redis-topic.ts';
import { LocalSignals, RedisSignals, type NodeSignals } from '../pubsub/node-signals.ts';

/** The user whose sessions ended or changed organisation. */
export type SessionSignals = NodeSignals<string>;

/** One process (embedded mode): listeners are called in place. */
export class LocalSessionSignals extends LocalSignals<string> {}

const isUserId = (v: unknown): v is string => typeof v === 'string';

/** Several nodes on one Redis (pubsub/node-signals.ts). */
export class RedisSessionSignals extends RedisSignals<string> {
  constructor(redis: PubSubClient, channel: string, onError?: (err: unknown) => void) {
    super(redis, channel, isUserId, onError);
  }
}

/** How long a staff socket's handshake waits for its node to hear session signals (ms). */
export const LISTEN_WAIT_MS = 2_000;

/**
 * The wait of a staff socket's handshake: until `listening` resolves (the node hears other nodes'
 * session ends, so none after the handshake's read is missed), but at most `waitMs`. Past that
 * (Redis unreachable, so nothing is heard anyway) the handshake goes on and the socket relies on
 * the live layer's periodic session re-check; `onNotListening` is called once per such spell,
 * and again only after the node has been heard listening in between.
 * @example const listened = boundedListening(() => auth.staff.listening(), { onNotListening: () => log.warn('…') });
 */
export function boundedListening(
  listening: () => Promise<void>,
  options: { waitMs?: number; onNotListening?: () => void } = {},
): () => Promise<void> {
  const waitMs = options.waitMs ?? LISTEN_WAIT_MS;
  let told = false;
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const heard = await Promise.race([
      listening().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (heard) told = false;
    else if (!told) {
      told = true;
      options.onNotListening?.();
    }
  };
}

/** The Redis channel session signals travel on (also published by the CLI). */
export const sessionChannel = (prefix: string): string => `${prefix}sessions`;

/**
 * The session signals of a node: over the store's Redis when there is one, else in-process.
 * @example const signals = sessionSignals(ctx.redis, 'pt:', (err) => log.warn({ err }));
 */
export function sessionSignals(
  redis: PubSubClient | undefined,
  prefix: string,
  onError?: (err: unknown) => void,
): SessionSignals {
  return redis
    ? new RedisSessionSignals(redis, sessionChannel(prefix), onError)
    : new LocalSessionSignals();
}
