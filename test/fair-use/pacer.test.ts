// The Redis pacer on the run's single Redis server; the same contract runs on a Redis Cluster in
// test/cluster/cluster-store.test.ts. A node whose Redis is gone paces in its own memory.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisPacer } from '../../engine/src/http/pacer.ts';
import { deleteKeys } from '../support/engine.ts';
import { redisUrl, uniqueName } from '../support/services.ts';
import { describePacerContract } from './pacer-contract.ts';

const prefix = `${uniqueName('pace')}:`;
afterAll(() => deleteKeys(prefix));

describePacerContract('a Redis server', () => ({
  connect: () => new Redis(redisUrl()),
  prefix: () => prefix,
}));

describe('pacer without Redis', () => {
  it('paces in memory while Redis cannot be reached', async () => {
    const redis = new Redis({
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const pacer = redisPacer(redis, 0);
    const limit = { key: `${prefix}rl:{gone}:org`, perSecond: 1, burst: 2 };
    const answers = [
      await pacer.take([limit]),
      await pacer.take([limit]),
      await pacer.take([limit]),
    ];
    expect(answers.map((a) => a.admitted)).toEqual([true, true, false]);
    redis.disconnect();
  });
});
