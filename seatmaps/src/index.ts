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
