// Parterre document → pretix seating plan. A section becomes a zone at the section's position;
// its rotation is folded into the seat positions (pretix zones cannot rotate), so every seat
// keeps its world position = zone + row + seat. Row positions are the row's first seat, so seat
// positions read as offsets along the row. Tables become rows of seats plus a drawing of the
// table, standing areas become labelled drawings; both are reported in the warnings.
import type { SeatmapDocument } from '../model/document.ts';
import type { Seat, Section, Table } from '../model/elements.ts';
import type { CategoryKey } from '../model/ids.ts';
import type { Point } from '../model/primitives.ts';
import { expandBlocks } from '../generators/blocks.ts';
import { applyTransform } from '../geometry/transform.ts';
import { gaToArea, shapeToArea, textToArea, wholePixels } from './area-export.ts';
import type { PretixArea, PretixPlan, PretixPosition, PretixRow, PretixZone } from './schema.ts';
import type { ExportWarning } from './warnings.ts';

export interface PretixExportResult {
  readonly plan: PretixPlan;
  readonly warnings: ExportWarning[];
}

interface RowSource {
  readonly id: string;
  readonly label: string;
  readonly category?: CategoryKey | undefined;
  readonly seats: readonly Seat[];
  /** Section-local → zone coordinates (rotation only; the zone holds the translation). */
  readonly toZone: (p: Point) => Point;
}

function exportRow(src: RowSource, sectionCategory: CategoryKey | undefined): PretixRow {
  const positions = src.seats.map(src.toZone);
  const origin = positions[0] ?? { x: 0, y: 0 };
  return {
    row_number: src.label,
    uuid: src.id,
    position: { x: origin.x, y: origin.y },
    seats: src.seats.map((seat, i) => {
      const p = positions[i] as Point;
      return {
        seat_guid: seat.id,
        seat_number: seat.label,
        position: { x: p.x - origin.x, y: p.y - origin.y },
        category: seat.category ?? src.category ?? sectionCategory ?? '',
      };
    }),
  };
}

/** The table top, in zone coordinates (the section's rotation folded in). */
function tableDrawing(table: Table, section: Section): PretixArea {
  const rotation = section.transform.rotation + table.transform.rotation;
  const sectionRotation = { x: 0, y: 0, rotation: section.transform.rotation };
  const toZone = (p: Point) => applyTransform(sectionRotation, applyTransform(table.transform, p));
  const label = { text: { text: table.label, position: { x: 0, y: 0 } } };
  if (table.shape === 'round') {
    const r = table.width / 2;
    return {
      uuid: `${table.id}:table`,
      shape: 'ellipse',
      position: toZone({ x: 0, y: 0 }),
      ellipse: { radius: { x: r, y: r } },
      ...label,
    };
  }
  const corner = toZone({ x: -table.width / 2, y: -table.height / 2 });
  return {
    uuid: `${table.id}:table`,
    shape: 'rectangle',
    position: corner,
    rotation,
    rectangle: { width: wholePixels(table.width), height: wholePixels(table.height) },
    text: { text: table.label, position: { x: table.width / 2, y: table.height / 2 } },
  };
}

function exportSection(section: Section, s: number, warnings: ExportWarning[]): PretixZone {
  const path = `sections[${s}]`;
  const rotate = { x: 0, y: 0, rotation: section.transform.rotation };
  const toZone = (p: Point) => applyTransform(rotate, p);
  const rows = section.rows.map((row) => exportRow({ ...row, toZone }, section.category));
  const areas: PretixArea[] = [];
  for (const [t, table] of section.tables.entries()) {
    const toTableZone = (p: Point) => toZone(applyTransform(table.transform, p));
    rows.push(exportRow({ ...table, toZone: toTableZone }, section.category));
    areas.push(tableDrawing(table, section));
    warnings.push({
      code: 'TABLE_AS_ROW',
      path: `${path}.tables[${t}]`,
      message: `table "${table.label}" exported as a row of ${table.seats.length} seats plus a drawing (pretix has no tables)`,
    });
  }
  for (const [g, ga] of section.gaAreas.entries()) {
    areas.push(gaToArea(ga, ga.outline.map(toZone), { x: 0, y: 0 }));
    warnings.push({
      code: 'GA_AREA_AS_DRAWING',
      path: `${path}.gaAreas[${g}]`,
      message: `standing area "${ga.label}" (capacity ${ga.capacity}) exported as a drawing only: pretix seating plans cannot sell standing places; sell it in pretix as a product with a quota of ${ga.capacity}`,
    });
  }
  if (section.outline.length > 0) {
    warnings.push({
      code: 'OUTLINE_DROPPED',
      path: `${path}.outline`,
      message: `outline of section "${section.label}" not exported (pretix zones have no outline)`,
    });
  }
  return {
    name: section.label,
    uuid: section.id,
    zone_id: section.id,
    position: { x: section.transform.x, y: section.transform.y },
    rows,
    areas,
  };
}

function documentWarnings(doc: SeatmapDocument): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  for (const [i, c] of doc.categories.entries()) {
    if (c.label !== c.key) {
      warnings.push({
        code: 'CATEGORY_LABEL_DROPPED',
        path: `categories[${i}].label`,
        message: `category "${c.key}" exported by key; its label "${c.label}" has no place in pretix`,
      });
    }
  }
  const flagged = doc.sections
    .flatMap((s) => [...s.rows, ...s.tables].flatMap((r) => r.seats))
    .filter((seat) => seat.accessible || seat.restrictedView || seat.companion).length;
  if (flagged > 0) {
    warnings.push({
      code: 'SEAT_FLAGS_DROPPED',
      path: 'sections',
      message: `${flagged} seat(s) marked accessible, restricted-view or companion: pretix plans cannot say so`,
    });
  }
  if (doc.background) {
    warnings.push({
      code: 'BACKGROUND_DROPPED',
      path: 'background',
      message: 'background image not exported',
    });
  }
  if (doc.levels.length > 1) {
    warnings.push({
      code: 'LEVELS_FLATTENED',
      path: 'levels',
      message: `${doc.levels.length} levels drawn on one pretix plan`,
    });
  }
  return warnings;
}

function drawingZone(zones: PretixZone[]): PretixZone {
  if (zones[0]) return zones[0];
  const zone: PretixZone = { name: 'Drawing', position: { x: 0, y: 0 }, rows: [], areas: [] };
  zones.push(zone);
  return zone;
}

/**
 * Converts a Parterre document to a pretix seating plan. Seat ids become seat_guids, labels
 * become seat and row numbers, category keys become category names; shapes and texts are
 * placed in the first zone. Compact block sections are expanded first, so every seat is
 * exported. What pretix cannot express is listed in `warnings`.
 * @example const { plan, warnings } = exportPretix(doc); JSON.stringify(plan)
 */
export function exportPretix(input: SeatmapDocument): PretixExportResult {
  const doc = expandBlocks(input);
  const warnings = documentWarnings(doc);
  const zones = doc.sections.map((section, s) => exportSection(section, s, warnings));
  if (doc.shapes.length > 0 || doc.texts.length > 0) {
    const zone = drawingZone(zones);
    const origin: PretixPosition = zone.position;
    const areas = zone.areas ?? [];
    for (const [i, shape] of doc.shapes.entries()) {
      areas.push(shapeToArea(shape, origin, warnings, `shapes[${i}]`));
    }
    for (const text of doc.texts) areas.push(textToArea(text, origin));
    zone.areas = areas;
  }
  return {
    plan: {
      name: doc.name,
      categories: doc.categories.map((c) => ({ name: c.key, color: c.color })),
      zones,
      size: { width: Math.ceil(doc.size.width), height: Math.ceil(doc.size.height) },
    },
    warnings,
  };
}
