// Public surface of @parterre/client-sdk: the headless live client.
export { LiveEvent } from './live-event.ts';
export type {
  IoFactory,
  LiveChange,
  LiveEventEvents,
  LiveEventOptions,
  LiveHold,
  LiveSocket,
  LiveStatus,
} from './live-event.ts';
export {
  IncompatibleError,
  LiveError,
  RateLimitedError,
  SeatsUnavailableError,
  TimeoutError,
} from './errors.ts';
export { StatusMirror } from './status-mirror.ts';
export type { ApplyOutcome } from './status-mirror.ts';
export { Emitter } from './emitter.ts';
