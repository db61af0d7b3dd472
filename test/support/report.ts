// The per-event report rows for repo-level tests that do not care about zones (status, category,
// price type, channel): the same query the API runs, without a layout.
import type { Db } from '../../engine/src/db/db.ts';
import { eventReport, type ReportGrouping } from '../../engine/src/boxoffice/report-repo.ts';

/** The rows of `by`, or undefined when the event does not exist in `orgId`. */
export async function reportRows(db: Db, orgId: string, eventId: string, by: ReportGrouping) {
  return (await eventReport(db, orgId, eventId, by, { seats: [], areas: {} }))?.rows;
}
