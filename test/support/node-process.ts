// Real engine nodes for scale-out and chaos tests: `node engine/bin/parterre.js serve` child
// processes on loopback ports, sharing one Redis prefix and one Postgres schema, seeded through a
// test engine context on the same schema. Every child is killed and the schema and keys removed by
// `dispose()`, and — should a test runner die first — by a process exit hook.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from './engine.ts';
import { freePort } from './redis-server.ts';
import { databaseUrl, redisUrl } from './services.ts';

export { freePort };

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
/**
 * Time budget for a test or hook that starts nodes: each start loads the engine's sources through
 * tsx and migrates, ~5 s on an idle machine and several times that on a busy 2-core one.
 */
export const START_BUDGET_MS = 180_000;
/** Lines of a child's output kept for failure messages. */
const OUTPUT_LINES = 200;

const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));

/** One engine process. */
export interface EngineNode {
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Whether the process is running. */
  readonly running: boolean;
  /** The last lines the process wrote (stdout and stderr). */
  output(): string;
  /** Sends `signal` (default SIGKILL) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same port and environment; resolves once ready. */
  restart(): Promise<void>;
}

function spawnEngine(env: Record<string, string>, output: string[]): ChildProcess {
  const child = spawn(process.execPath, ['engine/bin/parterre.js', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

async function waitReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`engine at ${url} exited before ready:\n${output.join('\n')}`);
    }
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(
    `engine at ${url} not ready within ${READY_TIMEOUT_MS} ms:\n${output.join('\n')}`,
  );
}

/**
 * Starts one engine process with `env` on a free port of 127.0.0.1; resolves once `/readyz`
 * answers 200.
 */
export async function startEngineNode(
  name: string,
  env: Record<string, string>,
): Promise<EngineNode> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const fullEnv = { ...env, PORT: String(port), HOST: '127.0.0.1' };
  let child = spawnEngine(fullEnv, output);
  await waitReady(url, child, output);
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    port,
    url,
    get running() {
      return running();
    },
    output: () => output.join('\n'),
    async kill(signal = 'SIGKILL') {
      if (!running()) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
    async restart() {
      if (running()) throw new Error(`${name} is still running; kill it first`);
      child = spawnEngine(fullEnv, output);
      await waitReady(url, child, output);
    },
  };
}

export interface ClusterOptions {
  /** How many nodes (default 2). */
  nodes?: number;
  /** Redis the nodes use (default this run's); the seeding context always uses this run's. */
  redisUrl?: string;
  /** Postgres URL the nodes use (e.g. through a proxy); default this run's database. */
  databaseUrl?: string;
  /** Seat rows × seats per row of the seeded event (see hallDocument). */
  rows?: number;
  perRow?: number;
  holdTtlSeconds?: number;
  /** Extra environment for every node (SWEEP_INTERVAL_MS defaults to 200, rate limits off). */
  env?: Record<string, string>;
}

/** Nodes sharing one Redis prefix and one Postgres schema, with one seeded event. */
export interface NodeCluster {
  /** The seeding context (same schema; its store uses this run's Redis). */
  engine: TestEngine;
  schema: string;
  prefix: string;
  ev: SeededEvent;
  nodes: EngineNode[];
  /** Runs SQL as the connecting (super)user with the cluster's schema on the search path. */
  sql<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<R[]>;
  /** Kills every node, drops the schema and deletes the keys. */
  dispose(): Promise<void>;
}

/**
 * Seeds an event on a fresh schema/prefix, then starts the nodes one after another (the first
 * migrates; the others find the schema ready).
 * @example
 * const cluster = await startCluster({ nodes: 2 });
 * await fetch(`${cluster.nodes[1]!.url}/api/v1/events/${cluster.ev.eventId}/availability`, …);
 * await cluster.dispose();
 */
export async function startCluster(opts: ClusterOptions = {}): Promise<NodeCluster> {
  const engine = await testEngine();
  const prefix = engine.prefix;
  const schema = prefix.slice(0, -1);
  const admin = new pg.Client({ connectionString: databaseUrl() });
  const nodes: EngineNode[] = [];
  const dispose = async () => {
    await Promise.all(nodes.map((n) => n.kill()));
    await admin.end().catch(() => undefined);
    await engine.dispose();
  };
  try {
    const ev = await seedEvent(engine.ctx, {
      rows: opts.rows ?? 10,
      perRow: opts.perRow ?? 20,
      holdTtlSeconds: opts.holdTtlSeconds ?? 600,
    });
    await admin.connect();
    await admin.query(`SET search_path TO ${schema}`);
    const env = {
      REDIS_URL: opts.redisUrl ?? redisUrl(),
      REDIS_PREFIX: prefix,
      DATABASE_URL: opts.databaseUrl ?? databaseUrl(),
      DATABASE_SCHEMA: schema,
      SEED_DEMO: 'false',
      SWEEP_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      // Tests play many visitors from one address with one key: fair-use limits would throttle
      // them as one client (the limits have their own tests).
      RATE_LIMIT_PUBLIC_PER_SECOND: '0',
      RATE_LIMIT_SECRET_PER_SECOND: '0',
      RATE_LIMIT_ORG_PER_SECOND: '0',
      // Webhook receivers in tests listen on 127.0.0.1.
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      ...opts.env,
    };
    for (let i = 0; i < (opts.nodes ?? 2); i++) {
      nodes.push(await startEngineNode(`node-${String.fromCharCode(65 + i)}`, env));
    }
    return {
      engine,
      schema,
      prefix,
      ev,
      nodes,
      sql: async (text, params) => (await admin.query(text, params)).rows,
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** Every node's recent output, for a failing test's message. */
export function clusterOutput(cluster: NodeCluster): string {
  return cluster.nodes.map((n) => `--- ${n.name} (${n.url})\n${n.output()}`).join('\n');
}

/** A REST answer: status and parsed JSON (or text). */
export interface RestAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
}

/**
 * One JSON call to `/api/v1<path>` on `url` with a bearer key. Network failures (a killed node)
 * reject; HTTP errors resolve with their status and problem body.
 * @example const r = await rest(node.url, ev.publicKey, 'POST', `/events/${id}/holds`, { seats });
 */
export async function rest(
  url: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RestAnswer> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = /json/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, body: json && text ? JSON.parse(text) : text };
}
