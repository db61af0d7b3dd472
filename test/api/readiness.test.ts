// /readyz names what is down. The dependencies here are real clients pointed at a port where
// nothing listens, so each check fails the way an outage does (connection refused).
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../engine/src/db/db.ts';
import { openPgDb } from '../../engine/src/db/pg-db.ts';
import { healthRoutes } from '../../engine/src/http/health.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';

let db: Db;
let redis: Redis;
let store: RedisSeatStore;
let url: string;
let server: ReturnType<express.Express['listen']>;

beforeAll(async () => {
  // The pool connects lazily, so every query meets the refused connection.
  db = openPgDb('postgres://postgres@127.0.0.1:1/nothing');
  redis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  store = new RedisSeatStore({ redis, prefix: 'readyz-test:' });
  server = express().use(healthRoutes({ db, store })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await store?.close();
  redis?.disconnect();
  await db?.close();
});

it('answers 503 naming each dependency that failed, while /healthz stays 200', async () => {
  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(503);
  const body = (await ready.json()) as {
    status: string;
    detail: string;
    checks: Record<string, string>;
  };
  expect(body.status).toBe('unavailable');
  expect(body.detail).toBe('not ready: database and store failed');
  expect(body.checks.database).toMatch(/ECONNREFUSED|unavailable|connect/i);
  expect(body.checks.store).not.toBe('ok');
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
});
