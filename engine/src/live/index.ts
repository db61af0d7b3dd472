// Public surface of the live layer (socket.io /live namespace).
export { attachLive } from './attach.ts';
export type { LiveLayer } from './attach.ts';
export type { FeedStats } from './change-feed.ts';
export type { SharedReadStats } from './shared-reads.ts';
export type {
  CodedError,
  HandshakeRequest,
  LiveDeps,
  LiveEventRef,
  LiveHoldResult,
  LiveLogger,
  LiveOptions,
  Principal,
} from './deps.ts';
