// A standing area that can hold nobody, or whose outline encloses no area (all points on one
// line, or repeated), cannot be sold or clicked on a map.
import { describeSection, sentence } from '../describe.ts';
import { polygonArea } from '../../geometry/polygon.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';

/** Outlines enclosing less than this many square units are degenerate. */
const MIN_AREA = 1;

/** GA_ZERO_CAPACITY and GA_DEGENERATE_OUTLINE for every standing area. */
export const gaAreas: Check = ({ doc }) => {
  const problems: ValidationProblem[] = [];
  doc.sections.forEach((section, si) =>
    section.gaAreas.forEach((area, ai) => {
      const path = ['sections', si, 'gaAreas', ai];
      const subject = sentence(
        `standing area '${area.label || area.id}' of ${describeSection(section)}`,
      );
      if (area.capacity === 0) {
        problems.push({
          code: 'GA_ZERO_CAPACITY',
          severity: 'error',
          path: [...path, 'capacity'],
          message: `${subject} has capacity 0, so no ticket can be sold for it.`,
          elementIds: [area.id],
        });
      }
      if (polygonArea(area.outline) < MIN_AREA) {
        problems.push({
          code: 'GA_DEGENERATE_OUTLINE',
          severity: 'error',
          path: [...path, 'outline'],
          message: `${subject} has an outline that encloses no area (its points are repeated or on one line).`,
          elementIds: [area.id],
        });
      }
    }),
  );
  return problems;
};
