// Times every seat-store command and counts holds and refusals, without touching either store
// implementation: a Proxy in front of the SeatStore interface.
import { performance } from 'node:perf_hooks';
import { SeatStoreError } from '../store/errors.ts';
import type { SeatStore } from '../store/seat-store.ts';
import type { EngineMetrics } from './metrics.ts';

// The commands of the SeatStore interface; anything else (onChange, close, store-specific
// helpers) passes through untimed so label values stay a fixed, small set.
const COMMANDS = new Set<string>([
  'initEvent',
  'restoreEvent',
  'hasEvent',
  'dropEvent',
  'hold',
  'release',
  'extend',
  'getHold',
  'checkHold',
  'book',
  'cancel',
  'block',
  'unblock',
  'sweep',
  'snapshot',
  'changesSince',
  'activeEvents',
] satisfies (keyof SeatStore)[]);

const CONFLICTS = new Set(['SEATS_UNAVAILABLE', 'GA_UNAVAILABLE']);

function observe(metrics: EngineMetrics, command: string, started: number, err?: unknown): void {
  const outcome = err === undefined ? 'ok' : 'error';
  metrics.storeLatency.observe({ command, outcome }, (performance.now() - started) / 1000);
  if (err instanceof SeatStoreError) metrics.conflicts.inc({ code: err.code });
  if (command === 'hold') {
    const result =
      err === undefined
        ? 'ok'
        : err instanceof SeatStoreError && CONFLICTS.has(err.code)
          ? 'conflict'
          : 'error';
    metrics.holds.inc({ result });
  }
}

function timed(
  metrics: EngineMetrics,
  command: string,
  fn: (...args: unknown[]) => Promise<unknown>,
): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => {
    const started = performance.now();
    try {
      const result = await fn(...args);
      observe(metrics, command, started);
      return result;
    } catch (err) {
      observe(metrics, command, started, err);
      throw err;
    }
  };
}

/**
 * The same store, with every command timed into `parterre_store_command_seconds`, holds counted
 * by result and store refusals by code.
 * @example const store = instrumentStore(new RedisSeatStore({ redis, prefix }), metrics);
 */
export function instrumentStore(store: SeatStore, metrics: EngineMetrics): SeatStore {
  const wrapped = new Map<string | symbol, unknown>();
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        // Bound to the real store: its methods must see their own instance, not the proxy.
        const bound = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
        fn = typeof prop === 'string' && COMMANDS.has(prop) ? timed(metrics, prop, bound) : bound;
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
}
