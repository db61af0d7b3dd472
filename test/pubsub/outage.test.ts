// Cross-node pub/sub through Redis outages, on a throw-away redis-server of the test's own (killed
// and restarted on its port). A node started while Redis is unreachable has its first SUBSCRIBE
// refused (ioredis gives up after maxRetriesPerRequest, as configured in context.ts) and must keep
// subscribing until Redis answers; a subscribed node must hear the channel again after Redis
// restarts. `ready()` resolves only once Redis has confirmed the subscription, so each test waits
// for it (and for the refusal it starts from) as events, never for a time.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisSessionSignals } from '../../engine/src/auth/session-signals.ts';
import { RedisTopic, SubscribeError } from '../../engine/src/pubsub/redis-topic.ts';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server.ts';

interface Note {
  text: string;
}
const isNote = (v: unknown): v is Note =>
  typeof v === 'object' && v !== null && typeof (v as Partial<Note>).text === 'string';

const CHANNEL = 'test:outage';
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A node's connection, with the options context.ts opens it with. */
function nodeConnection(port: number): Redis {
  const redis = new Redis(`redis://127.0.0.1:${port}`, {
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
  });
  redis.on('error', () => undefined);
  cleanups.push(() => redis.disconnect());
  return redis;
}

async function server(port?: number): Promise<RedisServer> {
  const started = await startRedisServer(port === undefined ? {} : { port });
  cleanups.push(() => started.stop());
  return started;
}

/** Polls a state the code under test exposes (no event for it), with a generous bound. */
async function until(what: string, check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !check();) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the next message `topic` delivers. */
const next = <T>(subscribe: (listener: (m: T) => void) => () => void) =>
  new Promise<T>((resolve) => {
    const stop = subscribe((m) => {
      stop();
      resolve(m);
    });
  });

/** True once `promise` has settled; read after a macrotask to see whether it is still pending. */
function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

describe('a topic whose node starts while Redis is unreachable', () => {
  it('keeps subscribing, becomes ready when Redis comes up, and hears later messages', async () => {
    const port = await freePort();
    const errors: unknown[] = [];
    const topic = new RedisTopic(nodeConnection(port), CHANNEL, isNote, {
      onError: (err) => errors.push(err),
    });
    cleanups.push(() => topic.close());
    const heard: Note[] = [];
    topic.subscribe((note) => heard.push(note));

    await until('the first SUBSCRIBE to be refused', () =>
      errors.some((e) => e instanceof SubscribeError),
    );
    const isReady = settled(topic.ready());
    await new Promise((r) => setImmediate(r));
    expect(isReady()).toBe(false);
    expect(topic.isSubscribed).toBe(false);

    const redis = await server(port);
    await topic.ready();
    expect(topic.isSubscribed).toBe(true);
    const arrived = next<Note>((l) => topic.subscribe(l));
    await redis.client.publish(CHANNEL, JSON.stringify({ text: 'after the outage' }));
    expect(await arrived).toEqual({ text: 'after the outage' });
    expect(heard).toEqual([{ text: 'after the outage' }]);
  });

  it('carries session signals to that node once Redis is up (publisher heard in place)', async () => {
    const port = await freePort();
    const errors: unknown[] = [];
    const b = new RedisSessionSignals(nodeConnection(port), 'test:sessions', (err) =>
      errors.push(err),
    );
    cleanups.push(() => b.close());
    await until('node B to be refused its SUBSCRIBE', () =>
      errors.some((e) => e instanceof SubscribeError),
    );

    await server(port);
    const a = new RedisSessionSignals(nodeConnection(port), 'test:sessions');
    cleanups.push(() => a.close());
    await Promise.all([a.ready(), b.ready()]);
    const onA: string[] = [];
    a.subscribe((userId) => onA.push(userId));
    const onB = next<string>((l) => b.subscribe(l));

    a.publish('usr_after_outage');
    expect(onA).toEqual(['usr_after_outage']);
    expect(await onB).toBe('usr_after_outage');
  });
});

describe('a subscribed topic when Redis restarts', () => {
  it('is not ready while Redis is gone, then subscribes again and hears later messages', async () => {
    let redis = await server();
    const port = Number(new URL(redis.url).port);
    const topic = new RedisTopic(nodeConnection(port), CHANNEL, isNote);
    cleanups.push(() => topic.close());
    const heard: Note[] = [];
    topic.subscribe((note) => heard.push(note));
    await topic.ready();

    await redis.stop(); // SIGKILL
    await until('the subscriber to notice Redis is gone', () => !topic.isSubscribed);
    const isReady = settled(topic.ready());
    await new Promise((r) => setImmediate(r));
    expect(isReady()).toBe(false);

    redis = await server(port);
    await topic.ready();
    const publisher = new RedisTopic(nodeConnection(port), CHANNEL, isNote);
    cleanups.push(() => publisher.close());
    const arrived = next<Note>((l) => topic.subscribe(l));
    await publisher.publish({ text: 'after the restart' });
    expect(await arrived).toEqual({ text: 'after the restart' });
    expect(heard).toEqual([{ text: 'after the restart' }]);
  });
});
