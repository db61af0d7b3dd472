// pretix seating plan → Parterre document. Zones become sections placed at the zone's position,
// rows become manual rows whose seats sit at row position + seat position (section-local), and
// drawn areas become shapes and texts. Everything that cannot be carried over exactly is listed
// in the warnings; a seat is never dropped.
import { SeatmapDocument } from '../model/document.ts';
import type { Row, Seat, Section } from '../model/elements.ts';
import type { LevelId, RowId, SeatId, SectionId } from '../model/ids.ts';
import type { Point } from '../model/primitives.ts';
import { importArea } from './area-import.ts';
import type { ShapeInput, TextInput } from './area-import.ts';
import { CategoryImporter } from './category-import.ts';
import { PretixImportError, formatPath } from './errors.ts';
import { PretixPlan } from './schema.ts';
import type { PretixZone } from './schema.ts';
import { assignSeatIds } from './seat-ids.ts';
import { UniqueIds } from './unique-ids.ts';
import type { ImportWarning } from './warnings.ts';

export interface PretixImportOptions {
  /**
   * Keep every seat when seat_guids repeat: the first seat keeps the guid, later ones get
   * `<guid>~2`, `<guid>~3`, … (each listed in the warnings). Default false: duplicates make the
   * import fail with a `PretixImportError` naming them.
   */
  readonly rekeyDuplicates?: boolean;
}

export interface PretixImportResult {
  readonly document: SeatmapDocument;
  readonly warnings: ImportWarning[];
}

const LEVEL = { id: 'main' as LevelId, name: 'Main floor' };
const MAX_LABEL = 64;
/** Margin added around the content when the file has no size. */
const MARGIN = 50;

type RowInput = Omit<Row, 'version' | 'updated' | 'numbering'>;
type SectionInput = Omit<
  Section,
  'version' | 'updated' | 'outline' | 'tables' | 'gaAreas' | 'rows'
> & {
  rows: RowInput[];
};

interface Context {
  readonly ids: UniqueIds;
  readonly seatIds: string[][][];
  readonly categories: CategoryImporter;
  readonly warnings: ImportWarning[];
  readonly shapes: ShapeInput[];
  readonly texts: TextInput[];
}

function label(value: string, path: string, warnings: ImportWarning[]): string {
  if (value.length <= MAX_LABEL) return value;
  warnings.push({
    code: 'TRUNCATED',
    path,
    message: `"${value}" shortened to ${MAX_LABEL} characters`,
  });
  return value.slice(0, MAX_LABEL);
}

function importZone(zone: PretixZone, z: number, ctx: Context): SectionInput {
  const path = `zones[${z}]`;
  const sectionId = ctx.ids.take(zone.uuid ?? zone.zone_id ?? `zone-${z + 1}`) as SectionId;
  const rows = zone.rows.map((row, r): RowInput => {
    const origin = row.position ?? { x: 0, y: 0 };
    const seats = row.seats.map((seat, s): Seat => {
      const seatPath = `${path}.rows[${r}].seats[${s}]`;
      return {
        type: 'seat',
        id: ctx.seatIds[z]?.[r]?.[s] as SeatId,
        label: label(seat.seat_number, `${seatPath}.seat_number`, ctx.warnings),
        x: origin.x + seat.position.x,
        y: origin.y + seat.position.y,
        category: ctx.categories.resolve(seat.category, seatPath),
      };
    });
    return {
      type: 'row',
      id: ctx.ids.take(row.uuid ?? `${sectionId}:row-${r + 1}`) as RowId,
      label: label(row.row_number, `${path}.rows[${r}].row_number`, ctx.warnings),
      generator: { kind: 'manual' },
      seats,
    };
  });
  for (const [a, area] of (zone.areas ?? []).entries()) {
    const ctxArea = {
      zoneOrigin: zone.position,
      path: `${path}.areas[${a}]`,
      ids: ctx.ids,
      warnings: ctx.warnings,
    };
    const { shape, text } = importArea(area, ctxArea);
    if (shape) ctx.shapes.push(shape);
    if (text) ctx.texts.push(text);
  }
  return {
    type: 'section',
    id: sectionId,
    label: label(zone.name ?? zone.zone_id ?? `Zone ${z + 1}`, `${path}.name`, ctx.warnings),
    level: LEVEL.id,
    transform: { x: zone.position.x, y: zone.position.y, rotation: 0 },
    rows,
  };
}

function contentBounds(sections: readonly SectionInput[], shapes: readonly ShapeInput[]): Point {
  let maxX = 0;
  let maxY = 0;
  for (const s of sections) {
    for (const row of s.rows) {
      for (const seat of row.seats) {
        maxX = Math.max(maxX, s.transform.x + seat.x);
        maxY = Math.max(maxY, s.transform.y + seat.y);
      }
    }
  }
  for (const p of shapes.flatMap((s) => s.points)) {
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: maxX + MARGIN, y: maxY + MARGIN };
}

function stageCentre(shapes: readonly ShapeInput[]): Point | null {
  const stage = shapes.find((s) => s.role === 'stage');
  if (!stage) return null;
  const xs = stage.points.map((p) => p.x);
  const ys = stage.points.map((p) => p.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

function parsePlan(json: unknown): PretixPlan {
  const parsed = PretixPlan.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: formatPath(i.path) || '(root)',
    message: i.message,
  }));
  const first = issues[0];
  throw new PretixImportError(
    `not a pretix seating plan: ${issues.length} problem(s), first at ${first?.path}: ${first?.message}`,
    issues,
  );
}

/** The plan's size (or the content's bounds) and a focal point at the stage (or top centre). */
function sizeAndFocalPoint(
  plan: PretixPlan,
  sections: readonly SectionInput[],
  shapes: readonly ShapeInput[],
  warnings: ImportWarning[],
): { size: { width: number; height: number }; focalPoint: Point } {
  let size = plan.size && plan.size.width > 0 && plan.size.height > 0 ? plan.size : null;
  if (!size) {
    const b = contentBounds(sections, shapes);
    size = { width: b.x, height: b.y };
    warnings.push({
      code: 'MISSING_SIZE',
      path: 'size',
      message: `plan has no usable size; using the content's bounds ${b.x}×${b.y}`,
    });
  }
  let focalPoint = stageCentre(shapes);
  if (!focalPoint) {
    focalPoint = { x: size.width / 2, y: 0 };
    warnings.push({
      code: 'NO_STAGE',
      path: 'zones',
      message:
        'no area is labelled as a stage; the focal point is set to the top centre of the plan',
    });
  }
  return { size, focalPoint };
}

/** Parses the assembled input, so the result has every default and brand of a real document. */
function toDocument(input: unknown): SeatmapDocument {
  const parsed = SeatmapDocument.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  throw new PretixImportError(
    `the converted plan is not a valid Parterre document: ${issues[0]?.path}: ${issues[0]?.message}`,
    issues,
  );
}

/**
 * Converts a pretix seating-plan JSON into a Parterre document.
 * Throws `PretixImportError` when the JSON is not a pretix plan or seat_guids repeat (see
 * `rekeyDuplicates`); everything else that changes is reported in `warnings`.
 * @example const { document, warnings } = importPretix(JSON.parse(text), { rekeyDuplicates: true });
 */
export function importPretix(json: unknown, options: PretixImportOptions = {}): PretixImportResult {
  const plan = parsePlan(json);
  const seatIds = assignSeatIds(plan, options.rekeyDuplicates ?? false);
  const warnings: ImportWarning[] = seatIds.warnings;
  const categories = new CategoryImporter(warnings);
  categories.declare(plan.categories);
  const ctx: Context = {
    ids: new UniqueIds(),
    seatIds: seatIds.ids,
    categories,
    warnings,
    shapes: [],
    texts: [],
  };
  const sections = plan.zones.map((zone, z) => importZone(zone, z, ctx));
  const document = toDocument({
    schemaVersion: 2,
    name: plan.name.trim().slice(0, 200) || 'Imported pretix plan',
    ...sizeAndFocalPoint(plan, sections, ctx.shapes, warnings),
    categories: categories.categories,
    levels: [LEVEL],
    sections,
    shapes: ctx.shapes,
    texts: ctx.texts,
  });
  return { document, warnings };
}
