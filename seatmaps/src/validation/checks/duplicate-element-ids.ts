// Sections, rows, tables, standing areas, shapes and texts share one id space: the studio selects
// and reconciles them by id, so two records with one id would be edited as one. Seats have their
// own check (duplicate-seat-ids.ts) because their ids also key the event's status.
import type { SeatmapDocument } from '../../model/document.ts';
import { describeContainer, describeSection, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { DocumentPath, ValidationProblem } from '../problem.ts';

interface Named {
  readonly id: string;
  readonly path: DocumentPath;
  readonly name: string;
}

const quoted = (label: string | undefined, id: string) => (label ? `'${label}'` : `(id '${id}')`);

function namedElements(doc: SeatmapDocument): Named[] {
  const out: Named[] = [];
  doc.sections.forEach((section, si) => {
    const base = ['sections', si] as const;
    out.push({ id: section.id, path: base, name: describeSection(section) });
    section.rows.forEach((row, i) =>
      out.push({ id: row.id, path: [...base, 'rows', i], name: describeContainer(row, section) }),
    );
    section.tables.forEach((table, i) =>
      out.push({
        id: table.id,
        path: [...base, 'tables', i],
        name: describeContainer(table, section),
      }),
    );
    section.gaAreas.forEach((area, i) =>
      out.push({
        id: area.id,
        path: [...base, 'gaAreas', i],
        name: `standing area ${quoted(area.label, area.id)} of ${describeSection(section)}`,
      }),
    );
  });
  doc.shapes.forEach((shape, i) =>
    out.push({ id: shape.id, path: ['shapes', i], name: `shape ${quoted(shape.label, shape.id)}` }),
  );
  doc.texts.forEach((text, i) =>
    out.push({ id: text.id, path: ['texts', i], name: `text '${text.text.slice(0, 40)}'` }),
  );
  return out;
}

/** DUPLICATE_ELEMENT_ID: every repeat of a non-seat element id, pointing at the later element. */
export const duplicateElementIds: Check = ({ doc }) => {
  const first = new Map<string, Named>();
  const problems: ValidationProblem[] = [];
  for (const element of namedElements(doc)) {
    const earlier = first.get(element.id);
    if (!earlier) {
      first.set(element.id, element);
      continue;
    }
    problems.push({
      code: 'DUPLICATE_ELEMENT_ID',
      severity: 'error',
      path: element.path,
      message: `${sentence(element.name)} has the same id '${element.id}' as ${earlier.name}.`,
      elementIds: [element.id],
    });
  }
  return problems;
};
