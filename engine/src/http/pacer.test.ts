// The pacing decision (GCRA) on this node's memory, with a clock the test moves: a caller under
// its rate and burst passes at once; one over it is given the next slot, 1/rate apart, up to the
// longest delay; beyond that it is refused with the time its next slot frees; several limits are
// taken together or not at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryPacer, type PaceAnswer, type PaceLimit } from './pacer.ts';

function clocked(maxDelayMs: number) {
  let now = 1_000_000;
  const pacer = memoryPacer(maxDelayMs, () => now);
  return {
    pacer,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const waits = (answers: PaceAnswer[]) => answers.map((a) => (a.admitted ? a.waitMs : 'refused'));

describe('memoryPacer', () => {
  it('lets a burst through at once, then paces one slot per period, then refuses', async () => {
    const { pacer } = clocked(1000);
    const limit: PaceLimit = { key: 'k', perSecond: 5, burst: 3 };
    const answers: PaceAnswer[] = [];
    for (let i = 0; i < 10; i++) answers.push(await pacer.take([limit]));
    // 3 at once, then 200, 400, …, 1000 ms; the 9th would wait 1,200 ms: refused.
    expect(waits(answers)).toEqual([0, 0, 0, 200, 400, 600, 800, 1000, 'refused', 'refused']);
    expect(answers[8]).toEqual({ admitted: false, limit: 0, retryAfterMs: 1200 });
    expect(answers[7]).toEqual({ admitted: true, waitMs: 1000, limit: 0 });
  });

  it('never delays a caller that stays under its rate', async () => {
    const { pacer, advance } = clocked(1000);
    const limit: PaceLimit = { key: 'k', perSecond: 50, burst: 50 };
    for (let i = 0; i < 500; i++) {
      expect(await pacer.take([limit])).toEqual({ admitted: true, waitMs: 0, limit: 0 });
      advance(25); // 40 a second
    }
  });

  it('a refusal takes no slot, and the bucket refills with time', async () => {
    const { pacer, advance } = clocked(0);
    const limit: PaceLimit = { key: 'k', perSecond: 10, burst: 2 };
    expect(waits([await pacer.take([limit]), await pacer.take([limit])])).toEqual([0, 0]);
    expect((await pacer.take([limit])).admitted).toBe(false);
    expect((await pacer.take([limit])).admitted).toBe(false);
    advance(100);
    expect(await pacer.take([limit])).toEqual({ admitted: true, waitMs: 0, limit: 0 });
    expect((await pacer.take([limit])).admitted).toBe(false);
    advance(1000);
    expect(waits([await pacer.take([limit]), await pacer.take([limit])])).toEqual([0, 0]);
  });

  it('takes several limits together: the slowest decides, and a refusal by one takes from none', async () => {
    const { pacer } = clocked(100);
    const key: PaceLimit = { key: 'key', perSecond: 100, burst: 1 };
    const org: PaceLimit = { key: 'org', perSecond: 10, burst: 1 };
    expect(await pacer.take([key, org])).toEqual({ admitted: true, waitMs: 0, limit: 0 });
    // The organisation's next slot is 100 ms away: within the delay, and the organisation's doing.
    expect(await pacer.take([key, org])).toEqual({ admitted: true, waitMs: 100, limit: 1 });
    expect(await pacer.take([key, org])).toEqual({ admitted: false, limit: 1, retryAfterMs: 200 });
    // The refused request took no key slot either: the key's next one is after the two taken.
    expect(await pacer.take([key])).toEqual({ admitted: true, waitMs: 20, limit: 0 });
  });

  it('admits at most burst + rate × (t + longest delay) in any span t (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }),
        async (perSecond, burst, maxDelay, gaps) => {
          const { pacer, advance } = clocked(maxDelay);
          const limit = { key: 'k', perSecond, burst };
          let t = 0;
          const served: number[] = [];
          for (const gap of gaps) {
            advance(gap);
            t += gap;
            const answer = await pacer.take([limit]);
            if (answer.admitted) {
              expect(answer.waitMs).toBeLessThanOrEqual(maxDelay);
              served.push(t + answer.waitMs);
            }
          }
          served.sort((x, y) => x - y);
          // Served times are the slots: any window [served[i], served[j]] holds at most
          // burst + rate × its length requests (with a rounding hair).
          for (let i = 0; i < served.length; i++) {
            for (let j = i; j < served.length; j++) {
              const span = (served[j] as number) - (served[i] as number);
              expect(j - i + 1).toBeLessThanOrEqual(burst + (perSecond * span) / 1000 + 1e-6);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
