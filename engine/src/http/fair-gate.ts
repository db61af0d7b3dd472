// Fair sharing of one node between organisations. Rate limits bound how much an organisation may
// send per second, but not how it arrives: a flooding integration with many connections starts
// its whole per-second allowance at once, and every other organisation's request then waits
// behind dozens of its requests at each step (event loop, Redis pipeline). The gate bounds the
// API requests a node works on at once; beyond that, requests wait in one queue per organisation
// and free places go to the organisations in turn. A lone organisation still gets the whole node
// (the gate only orders requests when it is full), but under contention an organisation's
// request waits for at most one place per other busy organisation, whatever the others send.
import { DomainError } from '../errors.ts';

export interface FairGateOptions {
  /** Requests worked on at once on this node (0: no gate). */
  maxInFlight: number;
  /** Requests one organisation may have waiting; beyond, 429 at once. Default 4096. */
  maxQueuedPerOrg?: number;
}

/** Admission of API requests, fair between organisations. */
export interface FairGate {
  /**
   * Resolves with a release function once the request may run; call it exactly when the request
   * ends. Throws 429 RATE_LIMITED when the organisation already has too many requests waiting.
   */
  enter(orgId: string): Promise<() => void>;
  /** Requests running and waiting, for tests and metrics. */
  stats(): { inFlight: number; queued: number };
}

/**
 * A gate admitting `maxInFlight` requests at once, round-robin between organisations' queues.
 * @example
 * const gate = createFairGate({ maxInFlight: 8 });
 * const leave = await gate.enter(principal.orgId);
 * res.once('close', leave);
 */
export function createFairGate(options: FairGateOptions): FairGate {
  const { maxInFlight } = options;
  const maxQueued = options.maxQueuedPerOrg ?? 4096;
  let inFlight = 0;
  let queued = 0;
  // Insertion order is the turn order: an organisation served goes to the back.
  const queues = new Map<string, (() => void)[]>();

  const admitNext = () => {
    const next = queues.entries().next();
    if (next.done) return;
    const [orgId, waiting] = next.value;
    const admit = waiting.shift() as () => void;
    queues.delete(orgId);
    if (waiting.length) queues.set(orgId, waiting);
    queued -= 1;
    inFlight += 1;
    admit();
  };

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      admitNext();
    };
  };

  return {
    enter(orgId) {
      if (maxInFlight <= 0) return Promise.resolve(() => undefined);
      if (inFlight < maxInFlight && queued === 0) {
        inFlight += 1;
        return Promise.resolve(releaser());
      }
      const waiting = queues.get(orgId) ?? [];
      if (waiting.length >= maxQueued) {
        return Promise.reject(
          new DomainError(
            'RATE_LIMITED',
            `This organisation has ${maxQueued} requests waiting on this node; retry after 1 s`,
            { retryAfterSeconds: 1 },
          ),
        );
      }
      if (!queues.has(orgId)) queues.set(orgId, waiting);
      queued += 1;
      return new Promise((resolve) => waiting.push(() => resolve(releaser())));
    },
    stats: () => ({ inFlight, queued }),
  };
}
