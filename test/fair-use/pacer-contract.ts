// The Redis pacer's contract, run on a single Redis server (pacer.test.ts) and on a Redis Cluster
// (test/cluster): Redis's own clock, so waits are checked within the time the test itself took.
import { describe, expect, it } from 'vitest';
import { redisPacer, type PaceAnswer, type PaceLimit } from '../../engine/src/http/pacer.ts';
import type { RedisConnection } from '../../engine/src/store/redis/connection.ts';

export interface PacerTarget {
  /** A connection of its own (the test quits it). */
  connect(): RedisConnection;
  /** A prefix no other test uses (removed afterwards by the caller). */
  prefix(): string;
}

const waitOf = (a: PaceAnswer) => (a.admitted ? a.waitMs : Infinity);

export function describePacerContract(label: string, target: () => PacerTarget): void {
  describe(`pacer on ${label}`, () => {
    it('passes a burst, paces the rest one period apart, and refuses past the longest delay', async () => {
      const redis = target().connect();
      const tag = `${target().prefix()}rl:{org1}`;
      try {
        const pacer = redisPacer(redis, 1000);
        const limit: PaceLimit = { key: `${tag}:sk:a`, perSecond: 5, burst: 3 };
        const started = performance.now();
        const answers: PaceAnswer[] = [];
        for (let i = 0; i < 10; i++) answers.push(await pacer.take([limit]));
        const took = performance.now() - started;
        expect(answers.slice(0, 3)).toEqual(Array(3).fill({ admitted: true, waitMs: 0, limit: 0 }));
        // Slots 200 ms apart, seen from a clock that moved on by at most `took`.
        answers.slice(3, 8).forEach((answer, i) => {
          expect(answer.admitted).toBe(true);
          expect(waitOf(answer)).toBeGreaterThan(200 * (i + 1) - took - 1);
          expect(waitOf(answer)).toBeLessThanOrEqual(200 * (i + 1));
        });
        for (const refused of answers.slice(8)) {
          expect(refused).toMatchObject({ admitted: false, limit: 0 });
          expect(refused.admitted || refused.retryAfterMs > 1000).toBe(true);
        }
        // The counter goes away once its schedule has passed (at most the 1.6 s it runs ahead).
        const ttl = await redis.pttl(limit.key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(1601);
      } finally {
        await redis.quit();
      }
    });

    it('takes a key and its organisation together, and a refusal takes from neither', async () => {
      const redis = target().connect();
      const tag = `${target().prefix()}rl:{org2}`;
      try {
        const pacer = redisPacer(redis, 0);
        const key: PaceLimit = { key: `${tag}:sk:k`, perSecond: 1, burst: 10 };
        const org: PaceLimit = { key: `${tag}:org`, perSecond: 1, burst: 2 };
        expect((await pacer.take([key, org])).admitted).toBe(true);
        expect((await pacer.take([key, org])).admitted).toBe(true);
        expect(await pacer.take([key, org])).toMatchObject({ admitted: false, limit: 1 });
        // The key took two slots only: eight more of its burst are left.
        const alone = await Promise.all(Array.from({ length: 9 }, () => pacer.take([key])));
        expect(alone.filter((a) => a.admitted)).toHaveLength(8);
      } finally {
        await redis.quit();
      }
    });

    it('shares one schedule between nodes: 40 concurrent takes from two connections', async () => {
      const one = target().connect();
      const two = target().connect();
      const tag = `${target().prefix()}rl:{org3}`;
      try {
        const nodes = [redisPacer(one, 0), redisPacer(two, 0)];
        const limit: PaceLimit = { key: `${tag}:org`, perSecond: 1, burst: 15 };
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) => (nodes[i % 2] as (typeof nodes)[0]).take([limit])),
        );
        expect(answers.filter((a) => a.admitted)).toHaveLength(15);
      } finally {
        await one.quit();
        await two.quit();
      }
    });
  });
}
