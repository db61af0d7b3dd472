// Throw-away servers for tests and benchmarks: a free loopback port, and a `redis-server` from
// PATH without persistence on one. Used when the run's shared Redis is missing (global setup), or
// must not be disturbed (chaos tests flush or kill theirs; the CPU benchmark measures its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A free TCP port on 127.0.0.1 (the OS picks it; it is free when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RedisServer {
  url: string;
  /** The redis-server process (its pid, for CPU measurements). */
  child: ChildProcess;
  /** A client of this server (closed by `stop()`). */
  client: Redis;
  /** Disconnects the client and kills the server. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` (no persistence) on a free port, or on `port` (a restart on the port of a
 * killed one), and waits until it answers PING.
 * @example const redis = await startRedisServer(); … await redis.stop();
 */
export async function startRedisServer(opts: { port?: number } = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  failed.catch(() => undefined);
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => 100 });
  client.on('error', () => undefined);
  const stop = async () => {
    client.disconnect();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  };
  for (let i = 0; i < 50; i++) {
    const up = await Promise.race([
      client
        .connect()
        .then(() => client.ping())
        .catch(() => null),
      failed,
    ]);
    if (up === 'PONG') return { url, child, client, stop };
    client.disconnect();
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`redis-server on port ${port} did not answer PING`);
}
