// Everything must sit on the canvas (0…width × 0…height, world coordinates): renderers clip to it
// and the picker fits it to the screen, so anything outside is invisible or unreachable.
import { applyTransform } from '../../geometry/transform.ts';
import type { SeatmapDocument } from '../../model/document.ts';
import type { Point, Size } from '../../model/primitives.ts';
import { describeSection, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';
import { seatGroupProblem } from '../seat-group-problem.ts';
import { groupByContainer } from '../seat-entries.ts';

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const inside = (size: Size, p: Point) =>
  p.x >= 0 && p.y >= 0 && p.x <= size.width && p.y <= size.height;

function outlineProblems(doc: SeatmapDocument, canvas: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const check = (
    points: readonly Point[],
    path: (string | number)[],
    subject: string,
    id: string,
  ) => {
    const out = points.find((p) => !inside(doc.size, p));
    if (!out) return;
    problems.push({
      code: 'OUTSIDE_CANVAS',
      severity: 'error',
      path,
      message: `${sentence(subject)} reaches outside the ${canvas} canvas, at (${fmt(out.x)}, ${fmt(out.y)}).`,
      elementIds: [id],
    });
  };
  doc.sections.forEach((section, si) => {
    const toWorld = (p: Point) => applyTransform(section.transform, p);
    const name = describeSection(section);
    check(section.outline.map(toWorld), ['sections', si, 'outline'], name, section.id);
    section.gaAreas.forEach((area, ai) => {
      const path = ['sections', si, 'gaAreas', ai, 'outline'];
      check(
        area.outline.map(toWorld),
        path,
        `standing area '${area.label || area.id}' of ${name}`,
        area.id,
      );
    });
  });
  doc.shapes.forEach((shape, i) =>
    check(shape.points, ['shapes', i, 'points'], `shape '${shape.label || shape.id}'`, shape.id),
  );
  doc.texts.forEach((text, i) =>
    check([text], ['texts', i], `text '${text.text.slice(0, 40)}'`, text.id),
  );
  return problems;
}

/** OUTSIDE_CANVAS: seats, outlines, shapes and texts beyond the document's `size`. */
export const outsideCanvas: Check = ({ doc, seats }) => {
  const canvas = `${fmt(doc.size.width)} × ${fmt(doc.size.height)}`;
  const problems: ValidationProblem[] = [];
  for (const group of groupByContainer(seats)) {
    const entries = group.filter((e) => !inside(doc.size, e));
    if (entries.length === 0) continue;
    problems.push(
      seatGroupProblem({
        code: 'OUTSIDE_CANVAS',
        severity: 'error',
        entries,
        fault: [`lies outside the ${canvas} canvas`, `lie outside the ${canvas} canvas`],
        detail: (e) => `at (${fmt(e.x)}, ${fmt(e.y)})`,
      }),
    );
  }
  return [...problems, ...outlineProblems(doc, canvas)];
};
