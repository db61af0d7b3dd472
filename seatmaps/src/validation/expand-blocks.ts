// Sections may store only block parameters; their rows exist once generated (as loadSeatmap does
// when reading a plan). Validation checks the seats people will actually see, so it expands
// blocks first, and a block that cannot generate rows is itself a problem, not a crash.
import { expandSection } from '../generators/blocks.ts';
import type { SeatmapDocument } from '../model/document.ts';
import { describeSection, sentence } from './describe.ts';
import type { ValidationProblem } from './problem.ts';

/**
 * The document with block sections expanded into rows, plus INVALID_BLOCK problems for blocks
 * whose parameters cannot generate rows (those sections are left as they are).
 * @example const { doc: full, problems } = expandForValidation(doc);
 */
export function expandForValidation(doc: SeatmapDocument): {
  doc: SeatmapDocument;
  problems: ValidationProblem[];
} {
  const problems: ValidationProblem[] = [];
  let changed = false;
  const sections = doc.sections.map((section, i) => {
    try {
      const expanded = expandSection(section);
      changed ||= expanded !== section;
      return expanded;
    } catch (err) {
      problems.push({
        code: 'INVALID_BLOCK',
        severity: 'error',
        path: ['sections', i, 'block'],
        message: `${sentence(describeSection(section))} has block parameters that cannot generate rows: ${(err as Error).message}.`,
        elementIds: [section.id],
      });
      return section;
    }
  });
  return { doc: changed ? { ...doc, sections } : doc, problems };
}
