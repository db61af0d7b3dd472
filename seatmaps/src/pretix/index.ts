// Public surface of the pretix seating-plan converter.
export { importPretix } from './import.ts';
export type { PretixImportOptions, PretixImportResult } from './import.ts';
export { exportPretix } from './export.ts';
export type { PretixExportResult } from './export.ts';
export { PretixImportError } from './errors.ts';
export type { PretixImportIssue } from './errors.ts';
export { findDuplicateSeatGuids } from './seat-ids.ts';
export type { DuplicateSeatGuid, SeatLocation } from './seat-ids.ts';
export type { ExportWarning, ImportWarning, PretixWarning, PretixWarningCode } from './warnings.ts';
export { normalizeColor } from './colors.ts';
export {
  PretixArea,
  PretixAreaText,
  PretixCategory,
  PretixPlan,
  PretixPosition,
  PretixRow,
  PretixSeat,
  PretixZone,
} from './schema.ts';
