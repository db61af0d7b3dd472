// Two tables labelled "Table 3" in one section: the box office, the waiter and the guest cannot
// tell which is meant (the studio used to number new tables by count, so deleting one made such
// twins). Rows are different: a row split by an aisle is often labelled "A" on both sides, which
// is fine while its seat numbers differ, so rows are reported only when a seat label repeats
// (two tickets would read "row A, seat 5"). Warnings: best-available and the picker tell records
// apart by identity, so nothing breaks, but people would be confused.
import { describeSection, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';
import type { Row, Section, Table } from '../../model/elements.ts';

/** The first record of each non-empty label, and each later one that repeats it. */
function repeats<T extends Row | Table>(
  records: readonly T[],
): [earlier: T, later: T, at: number][] {
  const first = new Map<string, T>();
  const found: [T, T, number][] = [];
  records.forEach((record, i) => {
    if (!record.label) return;
    const earlier = first.get(record.label);
    if (earlier) found.push([earlier, record, i]);
    else first.set(record.label, record);
  });
  return found;
}

function sharedSeatLabel(a: Row, b: Row): string | undefined {
  const labels = new Set(a.seats.map((s) => s.label).filter(Boolean));
  return b.seats.find((s) => labels.has(s.label))?.label;
}

function tableProblems(section: Section, si: number): ValidationProblem[] {
  return repeats(section.tables).map(([earlier, table, ti]) => ({
    code: 'DUPLICATE_TABLE_LABEL',
    severity: 'warning',
    path: ['sections', si, 'tables', ti, 'label'],
    message: `${sentence(describeSection(section))} has two tables labelled '${table.label}' (ids '${earlier.id}' and '${table.id}'); staff cannot tell them apart.`,
    elementIds: [earlier.id, table.id],
  }));
}

function rowProblems(section: Section, si: number): ValidationProblem[] {
  return repeats(section.rows).flatMap(([earlier, row, ri]) => {
    const seat = sharedSeatLabel(earlier, row);
    if (seat === undefined) return [];
    return [
      {
        code: 'DUPLICATE_ROW_LABEL',
        severity: 'warning' as const,
        path: ['sections', si, 'rows', ri, 'label'],
        message: `${sentence(describeSection(section))} has two rows labelled '${row.label}' (ids '${earlier.id}' and '${row.id}') that both have a seat '${seat}'; their tickets read the same.`,
        elementIds: [earlier.id, row.id],
      },
    ];
  });
}

/**
 * DUPLICATE_TABLE_LABEL (warning): two tables of one label in a section.
 * DUPLICATE_ROW_LABEL (warning): two rows of one label in a section sharing a seat label.
 */
export const duplicateContainerLabels: Check = ({ doc }) =>
  doc.sections.flatMap((section, si) => [
    ...rowProblems(section, si),
    ...tableProblems(section, si),
  ]);
