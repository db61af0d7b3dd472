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
  it('admits at once while places are free', async () => {
    const gate = createFairGate({ maxInFlight: 2 });
    const { admitted, enter, flush } = recorder(gate);
    void enter('a', 'a1');
    void enter('a', 'a2');
    void enter('a', 'a3');
    await flush();
    expect(admitted).toEqual(['a1', 'a2']);
    expect(gate.stats()).toEqual({ inFlight: 2, queued: 1 });
  });

  it("serves a quiet organisation's request before a flooding one's backlog", async () => {
    const gate = createFairGate({ maxInFlight: 1 });
    const { admitted, leaves, enter, flush } = recorder(gate);
    for (const n of [1, 2, 3, 4]) void enter('flood', `f${n}`);
    await flush();
    void enter('quiet', 'q1');
    await flush();
    leaves.get('f1')!();
    await flush();
    // The flood's turn came first (it was waiting first); then the quiet one's, then the flood's.
    expect(admitted).toEqual(['f1', 'f2']);
    leaves.get('f2')!();
    await flush();
    expect(admitted).toEqual(['f1', 'f2', 'q1']);
    leaves.get('q1')!();
    await flush();
    expect(admitted).toEqual(['f1', 'f2', 'q1', 'f3']);
  });

  it('alternates between organisations with backlogs', async () => {
    const gate = createFairGate({ maxInFlight: 1 });
    const { admitted, leaves, enter, flush } = recorder(gate);
    void enter('x', 'start');
    await flush();
    for (const n of [1, 2, 3]) void enter('a', `a${n}`);
    for (const n of [1, 2, 3]) void enter('b', `b${n}`);
    let last = 'start';
    for (let i = 0; i < 6; i++) {
      leaves.get(last)!();
      await flush();
      last = admitted.at(-1)!;
    }
    expect(admitted).toEqual(['start', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('ignores a second release and refuses beyond the queue limit with 429', async () => {
    const gate = createFairGate({ maxInFlight: 1, maxQueuedPerOrg: 1 });
    const leave = await gate.enter('a');
    const waiting = gate.enter('a');
    await expect(gate.enter('a')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    leave();
    leave();
    const next = await waiting;
    expect(gate.stats()).toEqual({ inFlight: 1, queued: 0 });
    next();
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0 });
  });

  it('admits everything without a limit', async () => {
    const gate = createFairGate({ maxInFlight: 0 });
    await Promise.all(Array.from({ length: 100 }, () => gate.enter('a')));
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0 });
  });
});
