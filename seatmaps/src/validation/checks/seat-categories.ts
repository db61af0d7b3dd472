// Every seat must end up in a defined price category, or it cannot be priced or sold. Keys are
// checked where they are written (section, row, table, seat, standing area) so the message points
// at the record to fix, not at thousands of seats inheriting one typo.
import { describeContainer, describeSection, sentence } from '../describe.ts';
import type { Check, CheckContext } from '../check.ts';
import type { DocumentPath, ValidationProblem } from '../problem.ts';
import { seatGroupProblem } from '../seat-group-problem.ts';
import { groupByContainer } from '../seat-entries.ts';

function unknown(path: DocumentPath, subject: string, key: string, id: string): ValidationProblem {
  return {
    code: 'UNKNOWN_CATEGORY',
    severity: 'error',
    path,
    message: `${sentence(subject)} uses category '${key}', which is not defined in categories.`,
    elementIds: [id],
  };
}

function unknownOnContainers({ doc }: CheckContext, known: Set<string>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  doc.sections.forEach((section, si) => {
    const base = ['sections', si];
    if (section.category && !known.has(section.category)) {
      problems.push(unknown(base, describeSection(section), section.category, section.id));
    }
    const containers = [
      ...section.rows.map((c, i) => [c, [...base, 'rows', i]] as const),
      ...section.tables.map((c, i) => [c, [...base, 'tables', i]] as const),
    ];
    for (const [container, path] of containers) {
      if (container.category && !known.has(container.category)) {
        problems.push(
          unknown(path, describeContainer(container, section), container.category, container.id),
        );
      }
    }
  });
  return problems;
}

function gaProblems({ doc }: CheckContext, known: Set<string>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  doc.sections.forEach((section, si) =>
    section.gaAreas.forEach((area, ai) => {
      const path = ['sections', si, 'gaAreas', ai];
      const subject = `standing area '${area.label || area.id}' of ${describeSection(section)}`;
      if (area.category && !known.has(area.category)) {
        problems.push(unknown(path, subject, area.category, area.id));
      } else if (!area.category && !section.category) {
        problems.push({
          code: 'MISSING_CATEGORY',
          severity: 'error',
          path,
          message: `${sentence(subject)} has no category (set one on the area or its section).`,
          elementIds: [area.id],
        });
      }
    }),
  );
  return problems;
}

/**
 * MISSING_CATEGORY: seats (or standing areas) with no category after inheritance.
 * UNKNOWN_CATEGORY: a category key that is not in `categories`.
 */
export const seatCategories: Check = (ctx) => {
  const known = new Set(ctx.doc.categories.map((c) => c.key as string));
  const problems = unknownOnContainers(ctx, known);
  for (const group of groupByContainer(ctx.seats)) {
    const missing = group.filter((e) => e.category === undefined);
    if (missing.length > 0) {
      const fault = ['has no category', 'have no category'] as const;
      problems.push(
        seatGroupProblem({ code: 'MISSING_CATEGORY', severity: 'error', entries: missing, fault }),
      );
    }
    const byKey = new Map<string, typeof group>();
    for (const e of group) {
      const key = e.seat.category;
      if (!key || known.has(key)) continue;
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    for (const [key, entries] of byKey) {
      const fault = [
        `uses category '${key}', which is not defined in categories`,
        `use category '${key}', which is not defined in categories`,
      ] as const;
      problems.push(
        seatGroupProblem({ code: 'UNKNOWN_CATEGORY', severity: 'error', entries, fault }),
      );
    }
  }
  return [...problems, ...gaProblems(ctx, known)];
};
