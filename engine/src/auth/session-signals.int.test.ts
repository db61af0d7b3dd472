// Session signals over real Redis: two nodes on one channel. The publishing node's listeners hear
// a signal in place and once (its own message back from Redis is ignored); the other node's hear
// it through Redis. Without Redis, listeners are called in place.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUrl, uniqueName } from '../../../test/support/services.ts';
import {
  LocalSessionSignals,
  RedisSessionSignals,
  type SessionSignals,
} from './session-signals.ts';

const open: { close(): Promise<void> }[] = [];
const connections: Redis[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const r of connections.splice(0)) r.disconnect();
});

function node(channel: string): RedisSessionSignals {
  const redis = new Redis(redisUrl());
  connections.push(redis);
  const signals = new RedisSessionSignals(redis, channel);
  open.push(signals);
  return signals;
}

/** Resolves with the user id of the next signal `signals` hears. */
const next = (signals: SessionSignals) =>
  new Promise<string>((resolve) => {
    const stop = signals.subscribe((userId) => {
      stop();
      resolve(userId);
    });
  });

describe('session signals', () => {
  it('reach the other node through Redis and the publisher once, in place', async () => {
    const channel = `${uniqueName('sessions')}:sessions`;
    const a = node(channel);
    const b = node(channel);
    await Promise.all([a.ready(), b.ready()]);
    const onA: string[] = [];
    a.subscribe((userId) => onA.push(userId));
    const onB = next(b);

    a.publish('usr_1');
    expect(onA).toEqual(['usr_1']);
    expect(await onB).toBe('usr_1');
    // A's own message has come back by now if it ever will: B heard it, and a later one follows it.
    b.publish('usr_2');
    expect(await next(a)).toBe('usr_2');
    expect(onA).toEqual(['usr_1', 'usr_2']);
  });

  it('call the listeners in place without Redis, until removed', async () => {
    const signals = new LocalSessionSignals();
    const heard: string[] = [];
    const stop = signals.subscribe((userId) => heard.push(userId));
    signals.publish('usr_1');
    stop();
    signals.publish('usr_2');
    expect(heard).toEqual(['usr_1']);
    await signals.ready();
  });
});
