// `@parterre/seatmaps/client`: the zod-free part of seatmaps for browser bundles (client-sdk).
// The main entry re-exports modules that build zod schemas at load time; a bundler must keep those
// calls (they may have side effects), so importing any value from `@parterre/seatmaps` puts zod
// (~160 KB before minification) into the bundle. Everything here is plain code; client.test.ts
// fails if a module reachable from this file imports zod. Types may still come from the main
// entry with `import type`.
export * from './protocol-core.ts';
export { pointInPolygon, polygonArea } from './geometry/polygon.ts';
export { SEAT_RADIUS } from './geometry/seat.ts';
export { SeatIndex } from './geometry/spatial-index.ts';
export type { NeighborQuery } from './geometry/spatial-index.ts';
export { prepareBestAvailable } from './best-available/prepare.ts';
export type { BestAvailableSeat, PreparedBestAvailable } from './best-available/prepare.ts';
export { findOrphans } from './best-available/find-orphans.ts';
export { StatusMirror } from './live/status-mirror.ts';
export type { ApplyOutcome } from './live/status-mirror.ts';
