// A throw-away redis-server on a free port for tests that flush or kill Redis: the run's shared
// Redis must never lose other tests' data.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { freePort } from '../support/node-process.ts';

export interface PrivateRedis {
  url: string;
  /** A client of this server (closed by `stop()`). */
  client: Redis;
  stop(): Promise<void>;
}

/** Starts `redis-server` (no persistence) and waits until it answers PING. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
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
    const up = await client
      .connect()
      .then(() => client.ping())
      .catch(() => null);
    if (up === 'PONG') return { url, client, stop };
    client.disconnect();
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`redis-server on port ${port} did not answer PING`);
}
