// The handshake's wait for session signals is bounded: while the node does not hear other nodes
// (Redis unreachable) a staff handshake goes on after the bound, and says so once per spell.
import { describe, expect, it } from 'vitest';
import { boundedListening } from './session-signals.ts';

describe('boundedListening', () => {
  it('goes on without hearing, telling once per spell of not listening', async () => {
    let heard: Promise<void> = new Promise(() => undefined);
    let told = 0;
    const listened = boundedListening(() => heard, { waitMs: 5, onNotListening: () => told++ });

    await listened();
    await listened();
    expect(told).toBe(1);

    heard = Promise.resolve();
    await listened();
    expect(told).toBe(1);

    heard = Promise.reject(new Error('topic closed'));
    await listened();
    expect(told).toBe(2);
  });
});
