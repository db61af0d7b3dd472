import { describe, expect, it } from 'vitest';
import { createFairGate } from './fair-gate.ts';

/** Enters and records the order in which entries are admitted. */
function recorder(gate: ReturnType<typeof createFairGate>) {
  const admitted: string[] = [];
  const leaves = new Map<string, () => void>();
  const enter = (orgId: string, label: string) =>
    gate.enter(orgId).then((leave) => {
      admitted.push(label);
      leaves.set(label, leave);
    });
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { admitted, leaves, enter, flush };
}

describe('createFairGate', () => {
  it('never queues an organisation alone on the node', async () => {
    const gate = createFairGate({ maxInFlight: 2 });
    const { admitted, enter, flush } = recorder(gate);
    for (const n of [1, 2, 3, 4]) void enter('a', `a${n}`);
    await flush();
    expect(admitted).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(gate.stats()).toEqual({ inFlight: 4, queued: 0 });
  });

  it('queues a busy organisation once another one is working, and lets an idle one straight in', async () => {
    const gate = createFairGate({ maxInFlight: 1 });
    const { admitted, leaves, enter, flush } = recorder(gate);
    void enter('x', 'x1');
    for (const n of [1, 2, 3]) void enter('flood', `f${n}`);
    await flush();
    // The flood had nothing in flight, so its first request got in; the rest wait.
    expect(admitted).toEqual(['x1', 'f1']);
    void enter('quiet', 'q1');
    await flush();
    expect(admitted).toEqual(['x1', 'f1', 'q1']);
    expect(gate.stats()).toEqual({ inFlight: 3, queued: 2 });
    leaves.get('f1')!();
    await flush();
    expect(admitted).toEqual(['x1', 'f1', 'q1', 'f2']);
  });

  it('alternates between organisations with backlogs', async () => {
    const gate = createFairGate({ maxInFlight: 1 });
    const { admitted, leaves, enter, flush } = recorder(gate);
    void enter('x', 'start');
    await flush();
    for (const n of [1, 2, 3]) void enter('a', `a${n}`);
    for (const n of [1, 2, 3]) void enter('b', `b${n}`);
    await flush();
    expect(admitted).toEqual(['start', 'a1', 'b1']);
    leaves.get('start')!();
    // Each finished request lets the next of its organisation in, in turn: a, b, a, b.
    for (const label of ['a1', 'b1', 'a2', 'b2']) {
      leaves.get(label)!();
      await flush();
    }
    expect(admitted).toEqual(['start', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('ignores a second release and refuses beyond the queue limit with 429', async () => {
    const gate = createFairGate({ maxInFlight: 1, maxQueuedPerOrg: 1 });
    await gate.enter('x');
    const leave = await gate.enter('a');
    const waiting = gate.enter('a');
    await expect(gate.enter('a')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    leave();
    leave();
    const next = await waiting;
    expect(gate.stats()).toEqual({ inFlight: 2, queued: 0 });
    next();
    expect(gate.stats()).toEqual({ inFlight: 1, queued: 0 });
  });

  it('admits everything without a limit', async () => {
    const gate = createFairGate({ maxInFlight: 0 });
    await Promise.all(Array.from({ length: 100 }, () => gate.enter('a')));
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0 });
  });
});
