// Tells the running servers what the CLI changed under them: revoked keys, so they drop them from
// their key-lookup caches at once (auth/key-revocations.ts), and a user's ended sessions, so they
// drop that user's live staff sockets at once (auth/session-signals.ts). One PUBLISH each. Best
// effort: the change has committed already, and a server that misses the message catches up when
// its cache entry expires (30 s) or at its sockets' session re-check (15 s). Embedded (no Redis)
// there is nothing to tell: the CLI and a server cannot share PGlite's folder at once.
import { randomBytes } from 'node:crypto';
import { revocationChannel } from '../../auth/key-revocations.ts';
import { sessionChannel } from '../../auth/session-signals.ts';
import { loadConfig, redisTarget } from '../../config.ts';
import { signalEnvelope } from '../../pubsub/node-signals.ts';
import { openRedis } from '../../store/redis/connection.ts';

/** Publishes `message` on `channel` of the servers' Redis; says on stderr when it could not. */
async function tellServers(
  channel: (prefix: string) => string,
  message: object,
  otherwise: string,
): Promise<void> {
  const config = loadConfig(process.env);
  const target = redisTarget(config);
  if (!target) return;
  const redis = openRedis(target, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', () => undefined);
  try {
    await redis.publish(channel(config.REDIS_PREFIX), JSON.stringify(message));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    process.stderr.write(`could not tell the servers (${why}); ${otherwise}\n`);
  } finally {
    redis.disconnect();
  }
}

/** The CLI's name on the servers' channels: never a server's, so no server ignores it. */
const cliNode = () => `cli-${randomBytes(6).toString('hex')}`;

/** Publishes the revocation; says on stderr when the servers could not be told. */
export async function announceRevocation(keyIds: string[]): Promise<void> {
  if (keyIds.length === 0) return;
  const message = signalEnvelope(keyIds, cliNode());
  await tellServers(revocationChannel, message, 'they stop accepting the key within 30 s');
}

/** Publishes that `userId`'s sessions changed (session-signals' message). */
export async function announceSessionsEnded(userId: string): Promise<void> {
  await tellServers(
    sessionChannel,
    signalEnvelope(userId, cliNode()),
    "they drop the user's live sockets within 15 s",
  );
}
