// Public surface of @parterre/seatmaps: the seat-map model shared by engine, studio and SDK.
export * from './model/ids.ts';
export * from './model/primitives.ts';
export * from './model/numbering.ts';
export * from './model/elements.ts';
export * from './model/document.ts';
export * from './model/migrations.ts';
export * from './model/layout.ts';
export * from './geometry/transform.ts';
export * from './protocol.ts';
export * from './pretix/index.ts';
export * from './geometry/points.ts';
export * from './geometry/polygon.ts';
export * from './geometry/seat.ts';
export * from './geometry/bounds.ts';
export * from './geometry/spatial-index.ts';
export * from './geometry/overlaps.ts';
export * from './generators/numbering.ts';
export * from './generators/rows.ts';
export * from './generators/blocks.ts';
export * from './generators/tables.ts';
export * from './generators/load.ts';
export * from './validation/problem.ts';
export * from './validation/validate-seatmap.ts';
export * from './validation/validate-json.ts';
export { prepareBestAvailable } from './best-available/prepare.ts';
export type { BestAvailableSeat, PreparedBestAvailable } from './best-available/prepare.ts';
export { findBestAvailable } from './best-available/find-best-available.ts';
export type {
  BestAvailableRequest,
  BestAvailableResult,
} from './best-available/find-best-available.ts';
export { findOrphans } from './best-available/find-orphans.ts';
export { findGroupBlock, splitGroup } from './best-available/find-group-block.ts';
export type { GroupRequest, GroupResult } from './best-available/find-group-block.ts';
export { BestAvailableError } from './best-available/errors.ts';
export { StatusMirror } from './live/status-mirror.ts';
export type { ApplyOutcome } from './live/status-mirror.ts';
