// A throw-away Redis Cluster for tests: three `redis-server` masters in cluster mode on free
// loopback ports (no replicas, no persistence), joined with `redis-cli --cluster create`. Their
// cluster config files live in one temp folder, removed with the processes by `stop()` — or, should
// the test runner die first, the processes by a process exit hook.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { freePort } from './redis-server.ts';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 20_000;

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once('exit', () => {
  live.forEach((c) => c.kill('SIGKILL'));
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

export interface RedisCluster {
  /** Startup nodes as `127.0.0.1:<port>` (the `REDIS_CLUSTER_NODES` value is `nodes.join(',')`). */
  nodes: string[];
  /** Every server's port (masters and replicas as `redis-cli` paired them). */
  ports: number[];
  /** Kills (SIGKILL) the server on `port`, as a crash would. */
  kill(port: number): Promise<void>;
  /** A cluster client (closed by `stop()`). */
  client: Cluster;
  /** Kills the servers, closes the client and removes the temp folder. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** One server answering `command` on `port`, or null when it does not answer. */
async function ask(port: number, ...command: string[]): Promise<unknown> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(command[0] as string, ...command.slice(1));
  } finally {
    client.disconnect();
  }
}

function startServer(dir: string, port: number, busPort: number): ChildProcess {
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      // Without it the bus port is port + 10000, which may be taken or past 65535.
      '--cluster-port',
      String(busPort),
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      '2000',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/**
 * Starts a cluster of `masters` masters (default 3) with `replicas` replicas each (default 0) and
 * waits until every node reports `cluster_state:ok`, every replica is in sync and the client is
 * ready.
 * @example const cluster = await startRedisCluster(); … await cluster.stop();
 */
export async function startRedisCluster(
  opts: { masters?: number; replicas?: number } = {},
): Promise<RedisCluster> {
  const masters = opts.masters ?? 3;
  const replicas = opts.replicas ?? 0;
  const count = masters * (1 + replicas);
  const dir = mkdtempSync(join(tmpdir(), 'parterre-cluster-'));
  dirs.add(dir);
  const all = await distinctFreePorts(count * 2);
  const ports = all.slice(0, count);
  const children = new Map(
    ports.map((port, i) => [port, startServer(dir, port, all[count + i] as number)]),
  );
  let client: Cluster | undefined;
  const stop = async () => {
    client?.disconnect();
    await Promise.all([...children.values()].map(killChild));
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  };
  try {
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    for (const port of ports)
      await until(`port ${port}`, async () => (await ask(port, 'PING')) === 'PONG');
    await run(
      'redis-cli',
      ['--cluster', 'create', ...nodes, '--cluster-replicas', String(replicas), '--cluster-yes'],
      {
        timeout: READY_TIMEOUT_MS,
      },
    );
    for (const port of ports) {
      await until(`cluster_state:ok on ${port}`, async () =>
        String(await ask(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'),
      );
      await until(`replication on ${port}`, async () => {
        const info = String(await ask(port, 'INFO', 'replication'));
        return info.includes('role:master') || info.includes('master_link_status:up');
      });
    }
    client = new Cluster(ports.map((port) => ({ host: '127.0.0.1', port })));
    client.on('error', () => undefined);
    const c = client;
    await until(
      'the client',
      async () => (await c.ping()) === 'PONG' && c.nodes('master').length === masters,
    );
    const kill = (port: number) => killChild(children.get(port) as ChildProcess);
    return { nodes, ports, kill, client: c, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Runs `fn` on every master of `cluster` (e.g. key scans, FUNCTION FLUSH). */
export function onMasters<T>(cluster: Cluster, fn: (node: Redis) => Promise<T>): Promise<T[]> {
  return Promise.all(cluster.nodes('master').map(fn));
}

/** Deletes every key under `prefix` on every master (SCAN is per node on a cluster). */
export async function deleteClusterPrefix(cluster: Cluster, prefix: string): Promise<void> {
  await onMasters(cluster, async (node) => {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      // One UNLINK per key: keys of different slots cannot go in one command.
      await Promise.all(keys.map((k) => node.unlink(k)));
    } while (cursor !== '0');
  });
}

/** Every key under `prefix` on the cluster, sorted. */
export async function clusterKeys(cluster: Cluster, prefix: string): Promise<string[]> {
  const perNode = await onMasters(cluster, (node) => node.keys(`${prefix}*`));
  return perNode.flat().sort();
}
