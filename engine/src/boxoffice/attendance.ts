// Attendance at the door, as the box office shows it (scanned vs sold). The box office does not
// own tickets: whoever records scans (engine/src/tickets) registers an AttendanceSource with
// `ctx.boxoffice.setAttendanceSource(source)` and calls `ctx.boxoffice.notifyScan(orgId, eventId)`
// after each accepted scan commits. notifyScan reaches the hubs of every node (boxoffice/bus.ts);
// each re-reads `scanned` for its subscribers within one push interval.

/** Counts the tickets of an event that were scanned in (durable: read from Postgres). */
export interface AttendanceSource {
  scanned(orgId: string, eventId: string): Promise<number>;
}

/** Until a ticket module registers itself, nothing was scanned. */
export const NO_ATTENDANCE: AttendanceSource = { scanned: async () => 0 };
