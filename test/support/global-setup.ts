// Runs once per `vitest` run before the integration project. It finds the real Redis and Postgres
// the suites need, gives this run its own Postgres database and Redis key prefix, and removes
// both afterwards. It never skips: a missing service fails the run with the command to fix it.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
    runId: string;
  }
}

const REDIS_HINT =
  'Start one with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';
const PG_HINT =
  'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ' +
  '(or set DATABASE_URL to a Postgres you may create databases on)';

async function redisReachable(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let ownRedis: RedisServer | undefined;
  if (!(await redisReachable(redisUrl))) {
    try {
      ownRedis = await startRedisServer();
      redisUrl = ownRedis.url;
    } catch (err) {
      throw new Error(
        `Integration tests need Redis at ${redisUrl} and could not start redis-server (${String(err)}). ${REDIS_HINT}`,
      );
    }
  }

  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Integration tests need Postgres at ${baseUrl}: ${String(err)}. ${PG_HINT}`);
  }
  const dbName = `parterre_test_${runId}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const dbUrl = new URL(baseUrl);
  dbUrl.pathname = `/${dbName}`;

  project.provide('redisUrl', redisUrl);
  project.provide('databaseUrl', dbUrl.toString());
  project.provide('runId', runId);

  return async () => {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await cleanup.end();
    const redis = new Redis(redisUrl);
    // Every test key of this run starts with its run id; remove any a failed test left behind.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${runId}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await ownRedis?.stop();
  };
}
