// Where a newly drawn row or table goes: into the section under it on the active level, in that
// section's local coordinates, or into a new section whose origin is where drawing started.
import {
  applyTransform,
  brand,
  invertTransform,
  pointInPolygon,
  rowLabels,
  type LevelId,
  type Point,
  type SeatmapDocument,
  type Section,
  type SectionId,
} from '@parterre/seatmaps';
import { freshId } from '../element-index.ts';
import { cachedSectionBounds } from '../hit-test.ts';
import { nextLabelNumber } from './label-number.ts';

/**
 * Distance (plan units) around an outline-less section's content within which new rows join it:
 * two row pitches, so rows drawn one behind the other end up in one section.
 */
export const JOIN_MARGIN = 80;

/** The topmost section of `level` containing world point `p` (outline, else content bounds). */
export function sectionAt(
  doc: SeatmapDocument,
  level: string,
  p: Point,
  margin = JOIN_MARGIN,
): Section | null {
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const s = doc.sections[i];
    if (!s || s.level !== level) continue;
    if (s.outline.length >= 3) {
      if (
        pointInPolygon(
          p,
          s.outline.map((q) => applyTransform(s.transform, q)),
        )
      )
        return s;
      continue;
    }
    const b = cachedSectionBounds(s);
    if (b && p.x >= b.minX - margin && p.x <= b.maxX + margin) {
      if (p.y >= b.minY - margin && p.y <= b.maxY + margin) return s;
    }
  }
  return null;
}

/**
 * An empty section at world point `origin`, labelled "Section n", priced in the plan's first
 * category so that what a person draws is publishable without a detour.
 */
export function newSection(doc: SeatmapDocument, level: LevelId, origin: Point): Section {
  const n = nextLabelNumber(
    doc.sections.map((s) => s.label),
    'Section',
  );
  return {
    type: 'section',
    id: brand<SectionId>(freshId(doc, `section-${n}`)),
    label: `Section ${n}`,
    level,
    ...(doc.categories[0] ? { category: doc.categories[0].key } : {}),
    transform: { x: Math.round(origin.x), y: Math.round(origin.y), rotation: 0 },
    outline: [],
    rows: [],
    tables: [],
    gaAreas: [],
    version: 1,
    updated: Date.now(),
  };
}

/** World → section-local point. */
export function toLocal(section: Section, p: Point): Point {
  return invertTransform(section.transform, p);
}

/** The label the next row of a section gets: the first of A, B, C… (no I, O) not yet used. */
export function nextRowLabel(section: Section): string {
  const used = new Set(section.rows.map((r) => r.label));
  const labels = rowLabels(used.size + 1);
  return labels.find((l) => !used.has(l)) ?? `${used.size + 1}`;
}

/** The document with `section` replacing the one with its id, or appended when new. */
export function putSection(doc: SeatmapDocument, section: Section): SeatmapDocument {
  const at = doc.sections.findIndex((s) => s.id === section.id);
  const sections =
    at < 0 ? [...doc.sections, section] : doc.sections.map((s, i) => (i === at ? section : s));
  return { ...doc, sections };
}
