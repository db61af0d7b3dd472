// Adds a standing (general admission) area drawn as a polygon. Its capacity starts at what the
// floor holds at two people per square metre, counting 50 plan units as a metre.
import { brand, polygonArea, type GaAreaId, type Point } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';
import { nextLabelNumber } from './label-number.ts';
import { newSection, putSection, sectionAt, toLocal } from './placement.ts';

const UNITS_PER_METRE = 50;
const PEOPLE_PER_SQUARE_METRE = 2;

export const actionAddGaArea = register<readonly Point[]>({
  name: 'addGaArea',
  label: 'Add standing area',
  perform({ document: doc, appState }, outline) {
    const first = outline[0];
    if (!first || outline.length < 3 || polygonArea(outline) === 0) return false;
    const level = appState.activeLevel;
    const section = sectionAt(doc, level, first) ?? newSection(doc, level, first);
    const n = nextLabelNumber(
      section.gaAreas.map((a) => a.label),
      'Standing',
    );
    const area = polygonArea(outline) / (UNITS_PER_METRE * UNITS_PER_METRE);
    const ga = {
      type: 'ga' as const,
      id: brand<GaAreaId>(freshId(doc, `${section.id}-ga${n}`)),
      label: `Standing ${n}`,
      outline: outline.map((p) => toLocal(section, p)),
      capacity: Math.max(1, Math.round(area * PEOPLE_PER_SQUARE_METRE)),
      version: 1,
      updated: Date.now(),
    };
    const next = { ...section, gaAreas: [...section.gaAreas, ga], version: section.version + 1 };
    return {
      document: putSection(doc, next),
      appState: { selectedIds: [ga.id], tool: 'select' },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
