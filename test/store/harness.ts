// What the store test suites need from each implementation: a fresh store on its own keys, a way
// to simulate data loss, and cleanup.
import { Redis } from 'ioredis';
import { MemorySeatStore } from '../../engine/src/store/memory/memory-store.ts';
import { RedisSeatStore } from '../../engine/src/store/redis/redis-store.ts';
import type { SeatStore } from '../../engine/src/store/seat-store.ts';
import { redisUrl, uniqueName } from '../support/services.ts';

export interface StoreHarness {
  store: SeatStore;
  /** Simulates the live store losing an event's data (Redis: its keys are deleted). */
  loseData(eventId: string): Promise<void>;
  /** Resolves once onChange notifications are flowing. */
  subscribed(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  logMaxLen?: number;
}

export type MakeHarness = (options?: HarnessOptions) => Promise<StoreHarness>;

/** Deletes every key under a prefix. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** A Redis store on a unique prefix, its own connection and a raw admin connection. */
export const makeRedisHarness: MakeHarness = async (options = {}) => {
  const prefix = `${uniqueName('store')}:`;
  const admin = new Redis(redisUrl());
  const store = new RedisSeatStore({ redis: redisUrl(), prefix, ...options });
  return {
    store,
    loseData: (eventId) => deletePrefix(admin, store.keys.base(eventId)),
    subscribed: () => store.subscribed(),
    cleanup: async () => {
      await store.close();
      await deletePrefix(admin, prefix);
      await admin.quit();
    },
  };
};

export const makeMemoryHarness: MakeHarness = async (options = {}) => {
  const store = new MemorySeatStore(options);
  return {
    store,
    loseData: (eventId) => store.dropEvent(eventId),
    subscribed: async () => undefined,
    cleanup: () => store.close(),
  };
};
