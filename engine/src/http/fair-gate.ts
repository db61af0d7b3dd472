// Fair sharing of one node between organisations. Rate limits bound how much an organisation may
// send per second and pace it (rate-limit.ts), but a burst within its allowance still arrives at
// once, and every other organisation's request would then wait behind dozens of its requests at
// each step (event loop, Redis pipeline). The gate bounds the
// API requests a node works on at once while several organisations compete; beyond that,
// requests wait in one queue per organisation and free places go to the organisations in turn.
// Two rules keep it free when there is nothing to share: an organisation alone on the node (no
// other organisation's request for a second) is never queued (queueing it would only serialise
// the node: the http bench lost a quarter of its throughput to that), and an organisation with
// nothing in flight always gets straight in, so a quiet box office never waits behind a backlog.
import { DomainError } from '../errors.ts';

export interface FairGateOptions {
  /** Requests worked on at once on this node (0: no gate). */
  maxInFlight: number;
  /** Requests one organisation may have waiting; beyond, 429 at once. Default 4096. */
  maxQueuedPerOrg?: number;
}

/** How long after two organisations' requests met the gate keeps counting them as competing (ms). */
const COMPETITION_MS = 1000;

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
  /** Requests in flight per organisation (absent: none). */
  const running = new Map<string, number>();
  // Insertion order is the turn order: an organisation served goes to the back.
  const queues = new Map<string, (() => void)[]>();

  // Organisations compete when requests of two of them arrived within COMPETITION_MS; until then
  // the one organisation is alone. (Only the switches are tracked: O(1) per request.)
  let lastOrg: string | undefined;
  let mixedAt = -Infinity;
  const alone = () => performance.now() - mixedAt > COMPETITION_MS;
  const mayRun = (orgId: string) => inFlight < maxInFlight || !running.has(orgId) || alone();

  const start = (orgId: string) => {
    inFlight += 1;
    running.set(orgId, (running.get(orgId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      const left = (running.get(orgId) ?? 1) - 1;
      if (left === 0) running.delete(orgId);
      else running.set(orgId, left);
      admitWaiting();
    };
  };

  /** Admits waiting requests, one organisation's turn at a time, while the rules allow. */
  function admitWaiting(): void {
    for (;;) {
      let chosen: [string, (() => void)[]] | undefined;
      for (const entry of queues) {
        if (mayRun(entry[0])) {
          chosen = entry;
          break;
        }
      }
      if (!chosen) return;
      const [orgId, waiting] = chosen;
      const admit = waiting.shift() as () => void;
      queues.delete(orgId);
      if (waiting.length) queues.set(orgId, waiting);
      queued -= 1;
      admit();
    }
  }

  return {
    enter(orgId) {
      if (maxInFlight <= 0) return Promise.resolve(() => undefined);
      if (orgId !== lastOrg) {
        if (lastOrg !== undefined) mixedAt = performance.now();
        lastOrg = orgId;
      }
      if (mayRun(orgId) && !queues.has(orgId)) return Promise.resolve(start(orgId));
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
      return new Promise((resolve) => waiting.push(() => resolve(start(orgId))));
    },
    stats: () => ({ inFlight, queued }),
  };
}
