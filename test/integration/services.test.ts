import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseUrl, redisUrl, uniqueName } from '../support/services.ts';

describe('test services', () => {
  it('reaches the real Redis with a run-scoped key', async () => {
    const redis = new Redis(redisUrl());
    const key = uniqueName('probe');
    await redis.set(key, '1');
    expect(await redis.get(key)).toBe('1');
    await redis.del(key);
    redis.disconnect();
  });

  it('reaches this run’s own Postgres database', async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    expect(rows[0]?.db).toMatch(/^parterre_test_/);
    await client.end();
  });
});
