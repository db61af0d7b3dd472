// Sections, shapes and texts are drawn per floor; one on a level that does not exist would never
// be shown by a level switcher.
import { describeSection, sentence } from '../describe.ts';
import type { Check } from '../check.ts';
import type { ValidationProblem } from '../problem.ts';

/** UNKNOWN_LEVEL: a section, shape or text whose `level` is not in `levels`. */
export const unknownLevels: Check = ({ doc }) => {
  const known = new Set(doc.levels.map((l) => l.id as string));
  const problems: ValidationProblem[] = [];
  const check = (level: string, path: (string | number)[], subject: string, id: string) => {
    if (known.has(level)) return;
    problems.push({
      code: 'UNKNOWN_LEVEL',
      severity: 'error',
      path: [...path, 'level'],
      message: `${sentence(subject)} is on level '${level}', which is not defined in levels.`,
      elementIds: [id],
    });
  };
  doc.sections.forEach((s, i) => check(s.level, ['sections', i], describeSection(s), s.id));
  doc.shapes.forEach((s, i) => check(s.level, ['shapes', i], `shape '${s.label || s.id}'`, s.id));
  doc.texts.forEach((t, i) => check(t.level, ['texts', i], `text '${t.text.slice(0, 40)}'`, t.id));
  return problems;
};
