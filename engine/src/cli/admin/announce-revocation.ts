// Tells the running servers that the CLI revoked keys, so they drop them from their key-lookup
// caches at once: one PUBLISH on the channel the servers hear (auth/key-revocations.ts). Best
// effort: the revocation has committed already, and a server that misses the message stops
// accepting the key when its cache entry expires (30 s). Embedded (no Redis) there is nothing to
// tell: the CLI and a server cannot share PGlite's folder at once.
import { randomBytes } from 'node:crypto';
import { revocationChannel, type RevocationMessage } from '../../auth/key-revocations.ts';
import { loadConfig, redisTarget } from '../../config.ts';
import { openRedis } from '../../store/redis/connection.ts';

/** Publishes the revocation; says on stderr when the servers could not be told. */
export async function announceRevocation(keyIds: string[]): Promise<void> {
  const config = loadConfig(process.env);
  const target = redisTarget(config);
  if (!target || keyIds.length === 0) return;
  const redis = openRedis(target, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', () => undefined);
  const message: RevocationMessage = { keyIds, node: `cli-${randomBytes(6).toString('hex')}` };
  try {
    await redis.publish(revocationChannel(config.REDIS_PREFIX), JSON.stringify(message));
  } catch (err) {
    process.stderr.write(
      `could not tell the servers (${err instanceof Error ? err.message : String(err)}); they stop accepting the key within 30 s\n`,
    );
  } finally {
    redis.disconnect();
  }
}
