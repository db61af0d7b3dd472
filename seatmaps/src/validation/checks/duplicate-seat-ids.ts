// Seat ids must be unique across the whole document: the published layout maps ids to status
// indexes, and a duplicate would make two physical seats share one ticket.
import { describeSeat, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';
import { seatPath } from '../seat-entries.ts';
import type { SeatEntry } from '../seat-entries.ts';

/** DUPLICATE_SEAT_ID: every repeat of a seat id, pointing at the later seat. */
export const duplicateSeatIds: Check = ({ seats }) => {
  const first = new Map<string, SeatEntry>();
  const problems: ValidationProblem[] = [];
  for (const entry of seats) {
    const earlier = first.get(entry.seat.id);
    if (!earlier) {
      first.set(entry.seat.id, entry);
      continue;
    }
    problems.push({
      code: 'DUPLICATE_SEAT_ID',
      severity: 'error',
      path: seatPath(entry),
      message: `${sentence(describeSeat(entry))} has the same id '${entry.seat.id}' as ${describeSeat(earlier)}.`,
      elementIds: [entry.seat.id],
    });
  }
  return problems;
};
