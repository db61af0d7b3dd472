// A section with nothing to sell is usually a leftover from drawing; rows that exist but hold no
// seats count as nothing too, since the visitor sees an empty outline either way. Block sections
// are skipped: valid block parameters always generate seats, and invalid ones are INVALID_BLOCK.
import { describeSection, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';

/** EMPTY_SECTION: a section with no seats (in rows or at tables) and no standing areas. */
export const emptySections: Check = ({ doc }) => {
  const problems: ValidationProblem[] = [];
  doc.sections.forEach((section, si) => {
    const hasSeats =
      section.rows.some((r) => r.seats.length > 0) ||
      section.tables.some((t) => t.seats.length > 0);
    if (hasSeats || section.gaAreas.length > 0 || section.block) return;
    problems.push({
      code: 'EMPTY_SECTION',
      severity: 'error',
      path: ['sections', si],
      message: `${sentence(describeSection(section))} has no seats and no standing areas.`,
      elementIds: [section.id],
    });
  });
  return problems;
};
