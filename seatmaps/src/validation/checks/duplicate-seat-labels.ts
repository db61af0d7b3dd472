// Two seats labelled "12" in one row print identical tickets for different seats. Empty labels
// are not compared: an unlabelled seat is a numbering gap, not a clash.
import { describeContainer, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';
import { groupByContainer, seatPath } from '../seat-entries.ts';
import type { SeatEntry } from '../seat-entries.ts';

/** DUPLICATE_SEAT_LABEL: a seat label repeated within one row or table. */
export const duplicateSeatLabels: Check = ({ seats }) => {
  const problems: ValidationProblem[] = [];
  for (const group of groupByContainer(seats)) {
    const first = new Map<string, SeatEntry>();
    for (const entry of group) {
      const label = entry.seat.label;
      if (!label) continue;
      const earlier = first.get(label);
      if (!earlier) {
        first.set(label, entry);
        continue;
      }
      const where = describeContainer(entry.container, entry.section);
      problems.push({
        code: 'DUPLICATE_SEAT_LABEL',
        severity: 'error',
        path: seatPath(entry),
        message: `${sentence(where)} has two seats labelled '${label}' (ids '${earlier.seat.id}' and '${entry.seat.id}').`,
        elementIds: [earlier.seat.id, entry.seat.id],
      });
    }
  }
  return problems;
};
