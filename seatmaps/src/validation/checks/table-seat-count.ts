// `seatCount` is the generator parameter the studio regenerates a table from; when seats were
// added or removed by hand it no longer matches. Only a warning: the seats list is what is sold.
import { describeContainer, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';

/** TABLE_SEAT_COUNT (warning): a table whose `seatCount` differs from its number of seats. */
export const tableSeatCount: Check = ({ doc }) => {
  const problems: ValidationProblem[] = [];
  doc.sections.forEach((section, si) =>
    section.tables.forEach((table, ti) => {
      if (table.seatCount === table.seats.length) return;
      problems.push({
        code: 'TABLE_SEAT_COUNT',
        severity: 'warning',
        path: ['sections', si, 'tables', ti, 'seatCount'],
        message: `${sentence(describeContainer(table, section))} has seatCount ${table.seatCount} but ${table.seats.length} seats.`,
        elementIds: [table.id],
      });
    }),
  );
  return problems;
};
