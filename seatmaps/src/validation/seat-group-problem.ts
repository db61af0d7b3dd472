// One problem for a whole row's worth of faulty seats instead of one per seat: a section moved off
// the canvas would otherwise bury the list under thousands of identical lines.
import { describeContainer, describeSeat, listSome, sentence } from './describe.ts';
import type { ValidationProblem } from './problem.ts';
import { seatPath } from './seat-entries.ts';
import type { SeatEntry } from './seat-entries.ts';

export interface SeatGroupProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Seats of one row or table, at least one. */
  readonly entries: readonly SeatEntry[];
  /** What is wrong, after the subject, for one seat and for several: ["has no category", "have no category"]. */
  readonly fault: readonly [one: string, many: string];
  /** Optional per-seat detail shown in the list of a group, e.g. its position. */
  readonly detail?: (entry: SeatEntry) => string;
}

/**
 * A problem pointing at the seat when one seat is at fault, at its row or table when several are.
 * @example seatGroupProblem({ code: 'MISSING_CATEGORY', severity: 'error', entries, fault: ['has no category', 'have no category'] })
 */
export function seatGroupProblem(p: SeatGroupProblem): ValidationProblem {
  const first = p.entries[0] as SeatEntry;
  const elementIds = p.entries.map((e) => e.seat.id);
  if (p.entries.length === 1) {
    const detail = p.detail ? ` ${p.detail(first)}` : '';
    const message = `${sentence(describeSeat(first))}${detail} ${p.fault[0]}.`;
    return { code: p.code, severity: p.severity, path: seatPath(first), message, elementIds };
  }
  const names = p.entries.map(
    (e) => `'${e.seat.label || e.seat.id}'${p.detail ? ` ${p.detail(e)}` : ''}`,
  );
  const where = describeContainer(first.container, first.section);
  const message = `${p.entries.length} seats of ${where} ${p.fault[1]}: ${listSome(names)}.`;
  return { code: p.code, severity: p.severity, path: first.containerPath, message, elementIds };
}
